import { addMonths, dueSoonUntil, reproofState } from "./reproof";

// 建章立制's 复查: a rule is re-examined (does it still fit, is it applied) a year after it was
// issued, or after it was registered when the issue date is not known. Calendar months, as
// offices count them: a rule issued on 29 February 2024 is reviewed on 28 February 2025.

export const INSTITUTION_REVIEW_MONTHS = 12;

/** The default 复查日期 of a rule issued on `issuedDate` (null: unknown) and registered on `registeredOn`. */
export function defaultReviewDate(issuedDate: string | null, registeredOn: string): string {
  return addMonths(issuedDate ?? registeredOn, INSTITUTION_REVIEW_MONTHS);
}

export type InstitutionReviewState = "overdue" | "due_soon" | null;

export const INSTITUTION_REVIEW_STATE_LABELS: Record<Exclude<InstitutionReviewState, null>, string> = {
  overdue: "已到期",
  due_soon: "即将到期",
};

/**
 * Where a rule's review stands on `today`: 已到期 once the day has come, 即将到期 within the
 * round's `dueSoonDays` before it, otherwise nothing to say (also when no date is set).
 */
export function institutionReviewState(params: { reviewDate: string | null; today: string; dueSoonDays: number }): InstitutionReviewState {
  // The same calendar as a long-term measure's re-proof: due on the day, due soon before it.
  const state = reproofState({ nextDue: params.reviewDate, today: params.today, dueSoonDays: params.dueSoonDays });
  return state === "due" ? "overdue" : state === "due_soon" ? "due_soon" : null;
}

/** The last day whose review is 已到期 or 即将到期 on `today`: the 到期复查 filter's bound. */
export function reviewDueBy(today: string, dueSoonDays: number): string {
  return dueSoonUntil(today, dueSoonDays);
}
