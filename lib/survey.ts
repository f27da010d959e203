import { SURVEY_CHOICES, type SurveyChoice } from "./domain";

// 群众满意度测评: the rules the round's survey page, the dashboard and the public page share.
// Pure: the counts come from db/queries/surveys.ts.

/** The formula, as every page that shows a rate states it. */
export const SATISFACTION_FORMULA = "满意率 =(满意 + 基本满意)÷(作答人数 − 不了解)× 100%";

export const SURVEY_TITLE_MAX = 100;
export const SURVEY_INTRO_MAX = 500;
export const SURVEY_COMMENT_MAX = 500;
/** A questionnaire longer than this is not answered on a phone; the office should choose. */
export const SURVEY_QUESTIONS_MAX = 60;
/** The public answer's body: far above any honest answer (60 choices and 500 characters). */
export const SURVEY_BODY_MAX_BYTES = 16 * 1024;

/** The device cookie, set by proxy.ts on a first visit to /survey/… and read on submission. */
export const SURVEY_DEVICE_COOKIE = "rectify_survey_device";
export const SURVEY_COOKIE_PATH = "/survey";
/** What proxy.ts mints: 24 random bytes, base64url. Anything else is not our cookie. */
export const DEVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** The public link's secret part. */
export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function aspectQuestion(aspectName: string): string {
  return `您对“${aspectName}”的整改成效是否满意?`;
}

export function problemQuestion(problem: { number: number; title: string }): string {
  return `您对第 ${problem.number} 个问题“${problem.title}”的整改成效是否满意?`;
}

export type ChoiceCounts = Record<SurveyChoice, number>;

export const noChoices = (): ChoiceCounts => ({ satisfied: 0, basically_satisfied: 0, dissatisfied: 0, unknown: 0 });

export interface Tally extends ChoiceCounts {
  /** Everyone who answered the question, 不了解 included. */
  answered: number;
  /** (满意 + 基本满意) / (answered − 不了解); null when nobody rated it. */
  rate: number | null;
}

export function tally(counts: ChoiceCounts): Tally {
  const answered = SURVEY_CHOICES.reduce((sum, choice) => sum + counts[choice], 0);
  const rated = answered - counts.unknown;
  return { ...counts, answered, rate: rated > 0 ? (counts.satisfied + counts.basically_satisfied) / rated : null };
}

export function addCounts(a: ChoiceCounts, b: ChoiceCounts): ChoiceCounts {
  return Object.fromEntries(SURVEY_CHOICES.map((c) => [c, a[c] + b[c]])) as ChoiceCounts;
}

/** "85.7%", or a dash when nobody rated. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export interface QuestionCounts {
  id: number;
  text: string;
  subject: "aspect" | "problem";
  /** The aspect the question is about, or the aspect of its problem; null without one. */
  aspectId: number | null;
  aspectName: string | null;
  counts: ChoiceCounts;
}

export interface AspectResult {
  aspectId: number | null;
  aspectName: string;
  /** How many questions fed the row: the aspect's own and its problems'. */
  questions: number;
  result: Tally;
}

/**
 * Per aspect: the aspect's own question and its problems' questions added together, in the
 * order the questions first name the aspect. Problems without an aspect form one row.
 */
export function byAspect(questions: readonly QuestionCounts[]): AspectResult[] {
  const rows = new Map<number | null, { aspectName: string; questions: number; counts: ChoiceCounts }>();
  for (const q of questions) {
    const row = rows.get(q.aspectId) ?? { aspectName: q.aspectName ?? "未归入方面的问题", questions: 0, counts: noChoices() };
    row.questions += 1;
    row.counts = addCounts(row.counts, q.counts);
    rows.set(q.aspectId, row);
  }
  return [...rows].map(([aspectId, row]) => ({ aspectId, aspectName: row.aspectName, questions: row.questions, result: tally(row.counts) }));
}

/** Every answer to every question added together. */
export function overall(questions: readonly QuestionCounts[]): Tally {
  return tally(questions.reduce((sum, q) => addCounts(sum, q.counts), noChoices()));
}
