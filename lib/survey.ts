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
  const answered = answeredOf(counts);
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

/** How many answered, 不了解 included: a choice's count summed. */
export function answeredOf(counts: ChoiceCounts): number {
  return SURVEY_CHOICES.reduce((sum, choice) => sum + counts[choice], 0);
}

export interface QuestionCounts {
  id: number;
  text: string;
  subject: "aspect" | "problem";
  /** The aspect the question is about, or the aspect of its problem; null without one. */
  aspectId: number | null;
  aspectName: string | null;
  /** Online and paper answers added: what the rate is computed on. */
  counts: ChoiceCounts;
  /** 网上: the public page's answers. */
  online: ChoiceCounts;
  /** 纸质: the tallied paper batches' answers (a form left blank on the question is not one). */
  paper: ChoiceCounts;
}

/** 作答人数 by where the answers came from; `answered` of the Tally is their sum. */
export interface AnsweredBySource {
  online: number;
  paper: number;
}

/** One question's figures: the combined tally and its answers online and on paper. */
export function questionResult(question: QuestionCounts): Tally & AnsweredBySource {
  return { ...tally(question.counts), online: answeredOf(question.online), paper: answeredOf(question.paper) };
}

export interface AspectResult {
  aspectId: number | null;
  aspectName: string;
  /** How many questions fed the row: the aspect's own and its problems'. */
  questions: number;
  result: Tally & AnsweredBySource;
}

/**
 * Per aspect: the aspect's own question and its problems' questions added together, in the
 * order the questions first name the aspect. Problems without an aspect form one row.
 */
export function byAspect(questions: readonly QuestionCounts[]): AspectResult[] {
  const rows = new Map<number | null, { aspectName: string; questions: QuestionCounts[] }>();
  for (const q of questions) {
    const row = rows.get(q.aspectId) ?? { aspectName: q.aspectName ?? "未归入方面的问题", questions: [] };
    row.questions.push(q);
    rows.set(q.aspectId, row);
  }
  return [...rows].map(([aspectId, row]) => ({ aspectId, aspectName: row.aspectName, questions: row.questions.length, result: overall(row.questions) }));
}

/** Every answer to every question added together, online and paper apart and combined. */
export function overall(questions: readonly QuestionCounts[]): Tally & AnsweredBySource {
  const sum = (pick: (q: QuestionCounts) => ChoiceCounts) => questions.reduce((total, q) => addCounts(total, pick(q)), noChoices());
  return { ...tally(sum((q) => q.counts)), online: answeredOf(sum((q) => q.online)), paper: answeredOf(sum((q) => q.paper)) };
}

/** The questionnaires a survey has collected: each online response, each paper form. */
export interface CollectedForms {
  online: number;
  paper: number;
}

/** A round's survey as the 通报 states it. */
export interface SurveyFigures extends CollectedForms {
  rate: number | null;
}

/**
 * The 通报's sentence: "开展群众满意度测评,共收回问卷N份,其中网上X份、纸质Y份,满意率Z%。"
 * Null before any form came back; the rate is left out when nobody rated.
 */
export function surveySentence(figures: SurveyFigures): string | null {
  const total = figures.online + figures.paper;
  if (total === 0) return null;
  const split = `其中网上${figures.online}份、纸质${figures.paper}份`;
  return `开展群众满意度测评,共收回问卷${total}份,${split}${figures.rate === null ? "" : `,满意率${formatRate(figures.rate)}`}。`;
}
