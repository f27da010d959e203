import { z } from "zod";
import { STATUSES } from "@/lib/domain";
import { emptyToNull, id, indicatorValue, isoDate, text } from "./common";

export const progressReportSchema = z.object({
  reportDate: isoDate("报送日期"),
  text: text("整改进展", 5000),
  percent: z.preprocess(
    emptyToNull,
    z.coerce.number({ error: "进度应为 0 至 100 的整数" }).int("进度应为整数").min(0, "进度不能小于 0").max(100, "进度不能超过 100").nullable(),
  ),
  milestone: z.preprocess(emptyToNull, z.string().trim().max(200, "节点不能超过 200 个字符").nullable()),
  claimedStatus: z.enum(STATUSES, { error: "请选择申报状态" }),
  /** The 量化指标's actual value, for a measure that has one; optional, so older clients still post. */
  indicatorActual: indicatorValue("指标实际值").optional().transform((v) => v ?? null),
});

/**
 * A client's idempotency key (Idempotency-Key header or `idempotencyKey` form field): a UUID
 * in practice; any 8–128 letters, digits, `-`, `_`, `.` or `:` are accepted so other systems
 * can use their own record ids.
 */
export const idempotencyKeySchema = z
  .string({ error: "请求标识(Idempotency-Key)须为文本" })
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, "请求标识(Idempotency-Key)须为 8 至 128 位字母、数字或 . _ : -,建议使用 UUID");

/** Other writers (imports, tests) may leave the actual value out: absent means none. */
export type ProgressReportInput = Omit<z.infer<typeof progressReportSchema>, "indicatorActual"> & { indicatorActual?: number | null };

export const returnClaimSchema = z.object({
  reportId: id("申报"),
  reason: text("退回理由", 1000),
});

export const signOffSchema = z.object({ reportId: id("申报") });

export const bulkSignOffSchema = z.object({
  reportIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : String(v).split(",")),
    z.array(id("申报")).min(1, "请至少勾选一项申报").max(500, "一次最多销号 500 项"),
  ),
});
