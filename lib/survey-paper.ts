import type { SurveyChoice } from "./domain";

// 纸质问卷: offices hand paper forms out at 街道 and 社区 and enter them in batches of tallied
// forms (份数, and per question the count of each choice), beside the online answers.

export const PAPER_LABEL_MAX = 60;
/** One pile counted by hand; a typo beyond it (an extra zero) is refused rather than summed. */
export const PAPER_FORMS_MAX = 10_000;
/** Batches listed on the survey page; a county collects a few dozen. */
export const PAPER_BATCHES_SHOWN = 200;

/** The grid's field for one cell: counts.<第N题>.<choice>. The validation reads the same name. */
export const paperCell = (position: number, choice: SurveyChoice) => `counts.${position}.${choice}`;

/** The note the survey page shows once the online survey is closed. */
export const PAPER_AFTER_CLOSE = "网上测评已关闭,但陆续收回的纸质问卷仍可录入,录入后计入结果。";
