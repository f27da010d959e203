import { addMonths, formatISO, parseISO } from "date-fns";

// 整改成效评估: at least six months after feedback, evaluators grade each responsible unit on
// a template's weighted indicators (e.g. 4 areas, a dozen indicators, weights summing to 100;
// grades 好/较好/一般/差 worth a share of the weight). A measure found 敷衍 or 虚假 gets a red
// card and is reopened. Pure: the page, the dashboard and the 通报 compute scores alike.

export const RED_CARD_KINDS = ["perfunctory", "false"] as const;
export type RedCardKind = (typeof RED_CARD_KINDS)[number];
export const RED_CARD_KIND_LABELS: Record<RedCardKind, string> = { perfunctory: "敷衍整改", false: "虚假整改" };

/** The months the published practice asks between feedback and an evaluation. */
export const DEFAULT_MONTHS_AFTER_FEEDBACK = 6;

/** The first day an evaluation may be held: feedback date + `months` (end of month clamps, 8-31 + 6 → 2-28). */
export function earliestEvaluationDate(feedbackDate: string, months: number): string {
  return formatISO(addMonths(parseISO(feedbackDate), months), { representation: "date" });
}

export interface EvaluationIndicator {
  id: number;
  area: string;
  name: string;
  /** Points the indicator is worth; a template's weights sum to 100. */
  weight: number;
}

export interface EvaluationGrade {
  id: number;
  name: string;
  /** Share of the weight the grade earns, 0–1 (好 1, 较好 0.8, 一般 0.6, 差 0.3). */
  factor: number;
}

export interface UnitScore {
  /** Points earned on the indicators graded so far. */
  score: number;
  graded: number;
  indicators: number;
  complete: boolean;
}

/** A unit's total: Σ weight × grade factor, over the indicators it was graded on. */
export function unitScore(
  indicators: readonly EvaluationIndicator[],
  grades: readonly EvaluationGrade[],
  gradeOf: ReadonlyMap<number, number>,
): UnitScore {
  const factor = new Map(grades.map((g) => [g.id, g.factor]));
  let score = 0;
  let graded = 0;
  for (const indicator of indicators) {
    const gradeId = gradeOf.get(indicator.id);
    if (gradeId === undefined || !factor.has(gradeId)) continue;
    score += indicator.weight * factor.get(gradeId)!;
    graded++;
  }
  return { score: round1(score), graded, indicators: indicators.length, complete: indicators.length > 0 && graded === indicators.length };
}

/** The overall score: the mean of the fully graded units' totals; null before any is complete. */
export function overallScore(scores: readonly UnitScore[]): number | null {
  const complete = scores.filter((s) => s.complete);
  if (complete.length === 0) return null;
  return round1(complete.reduce((sum, s) => sum + s.score, 0) / complete.length);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The sum of a template's weights, which the seed and the tests keep at 100. */
export const totalWeight = (indicators: readonly Pick<EvaluationIndicator, "weight">[]) => round1(indicators.reduce((s, i) => s + i.weight, 0));

export interface EvaluationSummary {
  templateName: string;
  scheduledDate: string;
  overall: number | null;
  unitsScored: number;
  redCards: { kind: RedCardKind; measureText: string }[];
}

/**
 * The 通报's paragraph: "按照《…》,对N个责任单位开展整改成效评估,平均得分X分;发现敷衍整改1项、
 * 虚假整改1项,已亮出“红牌”并重新打开整改". Null while no unit has been fully graded and no card given.
 */
export function evaluationParagraph(summary: EvaluationSummary, chineseDate: (iso: string) => string): string | null {
  if (summary.overall === null && summary.redCards.length === 0) return null;
  const scored =
    summary.overall === null ? "" : `对${summary.unitsScored}个责任单位的整改成效逐项评分,平均得分${summary.overall}分`;
  const counts = RED_CARD_KINDS.map((kind) => [kind, summary.redCards.filter((c) => c.kind === kind).length] as const).filter(([, n]) => n > 0);
  const cards = counts.length
    ? `发现${counts.map(([kind, n]) => `${RED_CARD_KIND_LABELS[kind]}${n}项`).join("、")},已亮出“红牌”并重新打开整改`
    : "未发现敷衍整改、虚假整改问题";
  const intro = `${chineseDate(summary.scheduledDate)}起,按照《${summary.templateName}》开展整改成效评估`;
  return `${intro}${scored ? `,${scored}` : ""};${cards}。`;
}
