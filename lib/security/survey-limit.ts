import { waitMinutes, windowWaitMs } from "./sliding-window";

// Flooding a public survey: answers sent from one client address to one survey are counted,
// accepted or not, and past the limit refused for a while. The limit is generous because
// people answering together (a meeting room, a carrier's shared address) share an address;
// one device still answers only once. Counted in the database like the sign-in lock
// (db/queries/survey-attempts.ts), so a restart forgets nothing.

export const SURVEY_WINDOW_MS = 10 * 60 * 1000;
/** Submissions allowed per address and survey in the window. */
export const MAX_SURVEY_SUBMISSIONS = 30;

/** Minutes until the address may submit again, or 0 when it may now. */
export function surveyWaitMinutes(attempts: readonly number[], now: number): number {
  return waitMinutes(windowWaitMs(attempts, MAX_SURVEY_SUBMISSIONS, SURVEY_WINDOW_MS, now));
}

export function surveyLimitMessage(minutes: number): string {
  return `提交过于频繁,请 ${minutes} 分钟后再试`;
}
