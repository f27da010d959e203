import { z } from "zod";
import { emptyToNull, id } from "./common";

/** The overview's "一键提醒" (one unit) and "全部提醒" (no unit) buttons. */
export const remindFormSchema = z.object({
  roundId: id("轮次"),
  unitId: z.preprocess(emptyToNull, id("单位").nullable().optional()),
});

/** POST /api/v1/reporting/remind */
export const remindBodySchema = z.object({
  roundId: z.number({ error: "roundId 应为轮次编号" }).int("roundId 应为整数").positive("roundId 应为正整数"),
  unitIds: z
    .array(z.number({ error: "单位编号应为数字" }).int("单位编号应为整数").positive("单位编号应为正整数"), { error: "unitIds 应为单位编号的数组" })
    .min(1, "unitIds 不能为空;提醒全部单位时请省略")
    .max(500, "一次最多提醒 500 个单位")
    .optional(),
});
