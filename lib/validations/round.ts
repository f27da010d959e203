import { z } from "zod";
import { REPORT_CYCLES, ROUND_KINDS } from "@/lib/domain";
import { emptyToNull, id, optionalId, optionalIsoDate, text } from "./common";

export const roundSchema = z
  .object({
    name: text("轮次名称", 100),
    kind: z.enum(ROUND_KINDS, { error: "请选择类型" }),
    inspectingBody: text("巡视(察)组", 60),
    inspectedBody: text("被巡视(察)单位", 60),
    inspectedUnitId: optionalId("被巡视(察)单位"),
    inspectionStart: optionalIsoDate("进驻日期"),
    inspectionEnd: optionalIsoDate("结束日期"),
    feedbackDate: optionalIsoDate("反馈日期"),
    deadline: optionalIsoDate("整改时限"),
    dueSoonDays: z.coerce
      .number({ error: "临期天数应为数字" })
      .int("临期天数应为整数")
      .min(0, "临期天数不能为负")
      .max(90, "临期天数不能超过 90")
      .default(7),
    // Said on the form, not assumed: a round that asks for no periodic reports is never chased.
    reportCycle: z.enum(REPORT_CYCLES, { error: "请选择报送周期" }).default("weekly"),
    // 1 = Monday … 7 = Sunday. Kept for a round without periodic reports, so that turning
    // them on again restores the office's usual day.
    reportWeekday: z.preprocess(
      (v) => emptyToNull(v) ?? undefined,
      z.coerce.number({ error: "报送日应为周一至周日之一" }).int("报送日应为周一至周日之一").min(1, "报送日应为周一至周日之一").max(7, "报送日应为周一至周日之一").default(5),
    ),
  })
  .refine((r) => !r.inspectionStart || !r.inspectionEnd || r.inspectionStart <= r.inspectionEnd, {
    path: ["inspectionEnd"],
    message: "结束日期不能早于进驻日期",
  })
  .refine((r) => !r.inspectionEnd || !r.feedbackDate || r.inspectionEnd <= r.feedbackDate, {
    path: ["feedbackDate"],
    message: "反馈日期不能早于巡视(察)结束日期",
  })
  .refine((r) => !r.feedbackDate || !r.deadline || r.feedbackDate <= r.deadline, {
    path: ["deadline"],
    message: "整改时限不能早于反馈日期",
  });

type ParsedRound = z.infer<typeof roundSchema>;
/** The form always sends the reporting cycle; other writers (command line, tests) may leave the table's defaults. */
export type RoundInput = Omit<ParsedRound, "reportCycle" | "reportWeekday"> & Partial<Pick<ParsedRound, "reportCycle" | "reportWeekday">>;

export const roundIdSchema = z.object({ roundId: id("轮次") });
export const updateRoundSchema = roundSchema.and(z.object({ roundId: id("轮次") }));
