import { z } from "zod";
import { todayISO } from "@/lib/deadline-state";
import { NOTICE_LEVELS, NOTICE_STATES } from "@/lib/domain";
import { id, isoDate, text } from "./common";

// 督办单: one schema per write, shared by the forms, the server actions and the JSON API.

export const NOTICE_TEXT_MAX = 2000;
/** More than this is a list, not a notice; the office should split it. */
export const NOTICE_MEASURES_MAX = 50;

/** A checkbox list arrives as one string, several strings, or (after an error) "1,2". */
function idList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  const parts = Array.isArray(value) ? value : String(value).split(",");
  return parts.map((p) => (typeof p === "string" ? p.trim() : p)).filter((p) => p !== "");
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const issueNoticeSchema = z.object({
  roundId: id("轮次"),
  unitId: id("责任单位"),
  measureIds: z.preprocess(
    idList,
    z
      .array(id("整改措施"))
      .min(1, "请至少选择一项整改措施")
      .max(NOTICE_MEASURES_MAX, `一份督办单最多涉及 ${NOTICE_MEASURES_MAX} 项整改措施`)
      .transform((ids) => [...new Set(ids)]),
  ),
  level: z.enum(NOTICE_LEVELS, { error: "请选择督办等级" }),
  request: text("督办要求", NOTICE_TEXT_MAX),
  // "Today" is read when the input is parsed, not when the module loads: a server runs for days.
  // A malformed date already has its own message, so only a well-formed one is compared.
  replyDeadline: isoDate("回复期限").refine((v) => !ISO_DAY.test(v) || v >= todayISO(), "回复期限不能早于今天"),
});

export type IssueNoticeInput = z.infer<typeof issueNoticeSchema>;

export const replyBodySchema = z.object({ reply: text("回复内容", NOTICE_TEXT_MAX) });
export const replyNoticeSchema = replyBodySchema.extend({ noticeId: id("督办单") });
export const closeNoticeSchema = z.object({ noticeId: id("督办单") });
/** Confirming or setting aside a draft of the escalation ladder names the draft alone. */
export const noticeDraftSchema = z.object({ draftId: id("督办单草稿") });

// Filters of the notice lists, from the URL: a stale or malformed value is ignored so that
// a shared link still opens.
export const noticeFilterSchema = z.object({
  round: id("轮次").optional().catch(undefined),
  unit: id("单位").optional().catch(undefined),
  state: z.enum(NOTICE_STATES).optional().catch(undefined),
  overdue: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});

export type NoticeFilter = z.infer<typeof noticeFilterSchema>;

export function parseNoticeFilter(searchParams: Record<string, string | string[] | undefined>): NoticeFilter {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return noticeFilterSchema.parse(flat);
}
