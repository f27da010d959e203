import { z } from "zod";
import { APPEAL_DECISIONS } from "@/lib/domain";
import { id, optionalIsoDate, text } from "./common";

// 申诉: a unit's appeal against a return or an overdue mark, and the office's decision. The
// rules that need the database or today (is it still returned, overdue, open; is the new
// deadline after today) are lib/appeals.ts's, applied by the write.

export const APPEAL_REASON_MAX = 1000;

const reason = text("申诉理由", APPEAL_REASON_MAX);

export const returnAppealSchema = z.object({ reportId: id("申报"), reason });
export const overdueAppealSchema = z.object({ measureId: id("整改措施"), reason });

export const decideAppealSchema = z.object({
  appealId: id("申诉"),
  decision: z.enum(APPEAL_DECISIONS, { error: "请选择处理结果(申诉成立或申诉不成立)" }),
  decisionReason: text("处理理由", APPEAL_REASON_MAX),
  /** 延期: required when an overdue appeal is granted (checked by the write, which knows the subject). */
  newDeadline: optionalIsoDate("延期后的完成时限"),
});

export type DecideAppealInput = z.infer<typeof decideAppealSchema>;

// ── the /appeals list, read from the URL ─────────────────────────────────
// A malformed value is ignored rather than failing the page (as lib/validations/list-filter.ts).

export const APPEAL_VIEWS = ["open", "decided"] as const;
export type AppealView = (typeof APPEAL_VIEWS)[number];
export const APPEAL_VIEW_LABELS: Record<AppealView, string> = { open: "待处理", decided: "已处理" };

export const appealViewSchema = z.enum(APPEAL_VIEWS).catch("open");
