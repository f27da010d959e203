import { z } from "zod";
import { LOOK_BACK_RESULTS, type DeadlineKind, type Status } from "@/lib/domain";
import { id, isoDate, optionalText } from "./common";
import { institutionChecksFromForm, institutionChecksSchema } from "./institution";

// 回头看: the office schedules a re-check of a finished (or 并长期坚持) measure and later
// records whether the result holds. One set of schemas for the forms and the API.

export const NOTE_MAX = 1000;

/** Why a measure cannot get a look-back, or null when it can (DOMAIN.md §8, issue 4 item 7). */
export function lookBackRefusal(measure: { status: Status; deadlineKind: DeadlineKind }): string | null {
  if (measure.status === "completed" || measure.deadlineKind === "ongoing") return null;
  return "只有已完成或“并长期坚持”的整改措施才能安排回头看";
}

export const scheduleLookBackBody = z.object({ scheduledDate: isoDate("回头看日期") });
export const scheduleLookBackSchema = scheduleLookBackBody.extend({ measureId: id("整改措施") });

const lookBackResultFields = {
  result: z.enum(LOOK_BACK_RESULTS, { error: "请选择回头看结果(巩固或反弹)" }),
  note: optionalText("情况说明", NOTE_MAX),
  // 是否执行到位 of each rule answering the measure's problem (db/queries/look-backs.ts says
  // which rules are asked and refuses a missing answer).
  institutionChecks: institutionChecksSchema,
};

// A relapse reopens the measure; the note is the reason recorded with it and sent to the unit.
const relapseHasNote = (v: { result: string; note: string }) => v.result !== "relapsed" || v.note.length > 0;
const relapseNoteMissing = { path: ["note"], message: "反弹时须填写情况说明(将作为重新打开的原因)" };

export const lookBackResultBody = z.object(lookBackResultFields).refine(relapseHasNote, relapseNoteMissing);
export const lookBackResultSchema = z.preprocess(
  institutionChecksFromForm,
  z.object({ ...lookBackResultFields, lookBackId: id("回头看") }).refine(relapseHasNote, relapseNoteMissing),
);

export type LookBackResultInput = z.infer<typeof lookBackResultBody>;

// ── the /look-backs list, read from the URL ─────────────────────────────────
// A malformed value is ignored rather than failing the page (same as list-filter.ts).

export const LOOK_BACK_VIEWS = ["due", "upcoming", "unscheduled", "checked"] as const;
export type LookBackView = (typeof LOOK_BACK_VIEWS)[number];
export const LOOK_BACK_VIEW_LABELS: Record<LookBackView, string> = {
  due: "到期待查",
  upcoming: "即将开展",
  unscheduled: "待安排",
  checked: "已查结果",
};

export const lookBackFilterSchema = z.object({
  round: id("轮次").optional().catch(undefined),
  view: z.enum(LOOK_BACK_VIEWS).optional().catch(undefined),
});
export type LookBackFilter = z.infer<typeof lookBackFilterSchema>;

export function parseLookBackFilter(searchParams: Record<string, string | string[] | undefined>): LookBackFilter {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return lookBackFilterSchema.parse(flat);
}

/** GET /api/v1/look-backs: unlike the page, a malformed parameter is an error, not ignored. */
export const lookBackQuerySchema = z.object({
  round: id("轮次").optional(),
  view: z.enum(LOOK_BACK_VIEWS, { error: `view 应为 ${LOOK_BACK_VIEWS.join(" / ")}` }).optional(),
});
