import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { earliestEvaluationDate, overallScore, RED_CARD_KIND_LABELS, unitScore, type EvaluationSummary, type RedCardKind } from "@/lib/evaluation";
import { AppError } from "@/lib/errors";
import type { ScoreUnitInput } from "@/lib/validations/evaluation";
import type { Queryable } from "../client";
import {
  evaluationGrades,
  evaluationIndicators,
  evaluationRedCards,
  evaluations,
  evaluationScores,
  evaluationTemplates,
  measures,
  problems,
  rounds,
  units,
} from "../schema";
import { recordAudit } from "./audit";
import { builtInTemplate, insertStandardTemplate } from "./evaluation-templates";
import { setMeasureStatus } from "./measure-status";
import { notifyUnit } from "./notifications";

// 整改成效评估: reads for the evaluation page, the dashboard and the 通报, and the office's
// three writes (schedule, grade a unit, red card), each with exactly one audit row.

export function listEvaluationTemplates(q: Queryable) {
  return q.select().from(evaluationTemplates).orderBy(asc(evaluationTemplates.id)).all();
}

function templateParts(q: Queryable, templateId: number) {
  const indicators = q.select().from(evaluationIndicators).where(eq(evaluationIndicators.templateId, templateId)).orderBy(asc(evaluationIndicators.position)).all();
  const grades = q.select().from(evaluationGrades).where(eq(evaluationGrades.templateId, templateId)).orderBy(asc(evaluationGrades.position)).all();
  return { indicators, grades };
}

/** The units evaluated: every lead unit of the round's measures, in name order. */
function evaluatedUnits(q: Queryable, roundId: number) {
  return q
    .selectDistinct({ id: units.id, name: units.name })
    .from(measures)
    .innerJoin(units, eq(units.id, measures.leadUnitId))
    .where(and(eq(measures.roundId, roundId), isNotNull(measures.leadUnitId)))
    .orderBy(asc(units.name))
    .all();
}

/** The round's evaluation with its template, grades given, unit totals and red cards; undefined when none is scheduled. */
export function evaluationOfRound(q: Queryable, params: { roundId: number }) {
  const evaluation = q.select().from(evaluations).where(eq(evaluations.roundId, params.roundId)).get();
  if (!evaluation) return undefined;
  const template = q.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, evaluation.templateId)).get()!;
  const { indicators, grades } = templateParts(q, template.id);
  const scores = q.select().from(evaluationScores).where(eq(evaluationScores.evaluationId, evaluation.id)).all();
  const unitRows = evaluatedUnits(q, params.roundId).map((unit) => {
    const gradeOf = new Map(scores.filter((s) => s.unitId === unit.id).map((s) => [s.indicatorId, s.gradeId]));
    return { ...unit, gradeOf, ...unitScore(indicators, grades, gradeOf) };
  });
  const redCards = q
    .select({
      id: evaluationRedCards.id,
      kind: evaluationRedCards.kind,
      reason: evaluationRedCards.reason,
      createdAt: evaluationRedCards.createdAt,
      measureId: measures.id,
      measureText: measures.text,
      measureStatus: measures.status,
      problemNumber: problems.number,
      position: measures.position,
      unitName: units.name,
    })
    .from(evaluationRedCards)
    .innerJoin(measures, eq(measures.id, evaluationRedCards.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(eq(evaluationRedCards.evaluationId, evaluation.id))
    .orderBy(asc(evaluationRedCards.id))
    .all();
  return { evaluation, template, indicators, grades, units: unitRows, overall: overallScore(unitRows), redCards };
}

export type RoundEvaluation = NonNullable<ReturnType<typeof evaluationOfRound>>;

/** What the 通报 and the dashboard say of an evaluation. */
export function evaluationSummaries(q: Queryable, params: { roundIds?: readonly number[] }): (EvaluationSummary & { roundId: number; roundName: string; units: number })[] {
  const rows = q
    .select({ roundId: evaluations.roundId, roundName: rounds.name })
    .from(evaluations)
    .innerJoin(rounds, eq(rounds.id, evaluations.roundId))
    .where(params.roundIds ? inArray(evaluations.roundId, [...params.roundIds]) : undefined)
    .orderBy(asc(evaluations.roundId))
    .all();
  return rows.map(({ roundId, roundName }) => {
    const found = evaluationOfRound(q, { roundId })!;
    return {
      roundId,
      roundName,
      templateName: found.template.name,
      scheduledDate: found.evaluation.scheduledDate,
      overall: found.overall,
      unitsScored: found.units.filter((u) => u.complete).length,
      units: found.units.length,
      redCards: found.redCards.map((c) => ({ kind: c.kind, measureText: c.measureText })),
    };
  });
}

/** Red cards given to measures the actor's units lead (the unit's view on its measure page). */
export function redCardsOfMeasure(q: Queryable, params: { measureId: number }) {
  return q.select().from(evaluationRedCards).where(eq(evaluationRedCards.measureId, params.measureId)).orderBy(asc(evaluationRedCards.id)).all();
}

// ── writes ──────────────────────────────────────────────────────────────

/**
 * Schedules the round's evaluation no earlier than the template's months after feedback; a
 * schedule may be changed until grading starts.
 */
export function scheduleEvaluation(tx: Queryable, params: { actorId: string; roundId: number; templateId: number | "standard"; scheduledDate: string }) {
  const round = tx.select().from(rounds).where(eq(rounds.id, params.roundId)).get();
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  // "standard": the built-in set, stored the first time an evaluation uses it.
  const template =
    params.templateId === "standard"
      ? (builtInTemplate(tx) ?? insertStandardTemplate(tx))
      : tx.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, params.templateId)).get();
  if (!template) throw new AppError("VALIDATION", "所选评估指标体系不存在", { templateId: ["所选评估指标体系不存在,请刷新后重新选择"] });
  if (!round.feedbackDate) {
    throw new AppError("VALIDATION", "该轮次未填写反馈日期,无法确定评估时间;请先在“编辑轮次”中填写反馈日期", { scheduledDate: ["轮次未填写反馈日期"] });
  }
  const earliest = earliestEvaluationDate(round.feedbackDate, template.monthsAfterFeedback);
  if (params.scheduledDate < earliest) {
    const message = `成效评估应在反馈后至少 ${template.monthsAfterFeedback} 个月进行,评估日期不能早于 ${earliest}`;
    throw new AppError("VALIDATION", message, { scheduledDate: [message] });
  }
  const before = tx.select().from(evaluations).where(eq(evaluations.roundId, round.id)).get();
  if (before && hasResults(tx, before.id)) {
    throw new AppError("CONFLICT", "成效评估已开始评分或已亮红牌,不能再更改评估日期和指标体系");
  }
  const values = { templateId: template.id, scheduledDate: params.scheduledDate };
  const after = before
    ? tx.update(evaluations).set(values).where(eq(evaluations.id, before.id)).returning().get()
    : tx.insert(evaluations).values({ ...values, roundId: round.id, createdById: params.actorId }).returning().get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "evaluation.schedule",
    entity: "evaluation",
    entityId: after.id,
    before: before ? { evaluationTemplateId: before.templateId, evaluationDate: before.scheduledDate } : undefined,
    after: { roundId: after.roundId, evaluationTemplateId: after.templateId, evaluationDate: after.scheduledDate },
  });
  return after;
}

function hasResults(q: Queryable, evaluationId: number) {
  const scored = q.select({ n: evaluationScores.unitId }).from(evaluationScores).where(eq(evaluationScores.evaluationId, evaluationId)).limit(1).get();
  const carded = q.select({ n: evaluationRedCards.id }).from(evaluationRedCards).where(eq(evaluationRedCards.evaluationId, evaluationId)).limit(1).get();
  return Boolean(scored || carded);
}

/** The evaluation, once its day has come: no result is recorded before the date it was set for. */
function heldEvaluation(q: Queryable, evaluationId: number, today: string) {
  const evaluation = q.select().from(evaluations).where(eq(evaluations.id, evaluationId)).get();
  if (!evaluation) throw new AppError("NOT_FOUND", "未找到该成效评估");
  if (today < evaluation.scheduledDate) throw new AppError("CONFLICT", `成效评估定于 ${evaluation.scheduledDate} 开展,届时方可评分或亮红牌`);
  return evaluation;
}

/** Grades one unit on the template's indicators; a blank grade clears that indicator's. */
export function scoreUnit(tx: Queryable, params: { actorId: string; today: string } & ScoreUnitInput) {
  const evaluation = heldEvaluation(tx, params.evaluationId, params.today);
  if (!evaluatedUnits(tx, evaluation.roundId).some((u) => u.id === params.unitId)) {
    throw new AppError("VALIDATION", "该单位不是本轮次的牵头单位,不在评估范围内", { unitId: ["不在评估范围内"] });
  }
  const { indicators, grades } = templateParts(tx, evaluation.templateId);
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const gradeIds = new Set(grades.map((g) => g.id));
  for (const { indicatorId, gradeId } of params.grades) {
    if (!indicatorIds.has(indicatorId)) throw new AppError("VALIDATION", "评估指标不属于该评估的指标体系,请刷新后重试");
    if (gradeId !== null && !gradeIds.has(gradeId)) {
      throw new AppError("VALIDATION", "所选评价等次不存在,请刷新后重试", { [`grade.${indicatorId}`]: ["所选评价等次不存在"] });
    }
  }
  const mine = and(eq(evaluationScores.evaluationId, evaluation.id), eq(evaluationScores.unitId, params.unitId));
  const gradesOf = () =>
    Object.fromEntries(tx.select().from(evaluationScores).where(mine).orderBy(asc(evaluationScores.indicatorId)).all().map((s) => [String(s.indicatorId), s.gradeId]));
  const before = gradesOf();
  for (const { indicatorId, gradeId } of params.grades) {
    const key = { evaluationId: evaluation.id, unitId: params.unitId, indicatorId };
    if (gradeId === null) {
      tx.delete(evaluationScores).where(and(mine, eq(evaluationScores.indicatorId, indicatorId))).run();
      continue;
    }
    tx.insert(evaluationScores)
      .values({ ...key, gradeId, scoredById: params.actorId })
      .onConflictDoUpdate({
        target: [evaluationScores.evaluationId, evaluationScores.unitId, evaluationScores.indicatorId],
        set: { gradeId, scoredById: params.actorId, updatedAt: new Date() },
      })
      .run();
  }
  const after = gradesOf();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "evaluation.score",
    entity: "evaluation",
    entityId: evaluation.id,
    before: { unitId: params.unitId, grades: before },
    after: { unitId: params.unitId, grades: after },
  });
  return { evaluation, graded: Object.keys(after).length, indicators: indicators.length };
}

/**
 * 红牌: the measure's rectification is judged 敷衍 or 虚假. As a relapse at 回头看 does, it
 * reopens the measure (status back to 未完成, the reason on its timeline) and tells its lead
 * unit; the reopen row, naming the card, is the one audit row.
 */
export function issueRedCard(tx: Queryable, params: { actorId: string; today: string; evaluationId: number; measureId: number; kind: RedCardKind; reason: string }) {
  const evaluation = heldEvaluation(tx, params.evaluationId, params.today);
  const measure = tx
    .select()
    .from(measures)
    .where(and(eq(measures.id, params.measureId), eq(measures.roundId, evaluation.roundId)))
    .get();
  if (!measure) throw new AppError("NOT_FOUND", "未找到该整改措施,或它不属于本轮次", { measureId: ["不属于本轮次"] });
  if (measure.status === "incomplete") {
    throw new AppError("VALIDATION", "该措施仍为未完成,无需重新打开;红牌只用于已完成或基本完成的措施", { measureId: ["该措施仍为未完成"] });
  }
  const already = tx
    .select({ id: evaluationRedCards.id })
    .from(evaluationRedCards)
    .where(and(eq(evaluationRedCards.evaluationId, evaluation.id), eq(evaluationRedCards.measureId, measure.id)))
    .get();
  if (already) throw new AppError("CONFLICT", "本次评估已对该措施亮过红牌");
  const card = tx
    .insert(evaluationRedCards)
    .values({ evaluationId: evaluation.id, measureId: measure.id, kind: params.kind, reason: params.reason, issuedById: params.actorId })
    .returning()
    .get();
  const label = RED_CARD_KIND_LABELS[params.kind];
  const reason = `成效评估认定为${label}(红牌):${params.reason}`;
  setMeasureStatus(tx, { actorId: params.actorId, measureId: measure.id, status: "incomplete", action: "measure.reopen", reason, redCardId: card.id });
  if (measure.leadUnitId) {
    notifyUnit(tx, {
      unitId: measure.leadUnitId,
      notification: {
        kind: "red_card",
        title: `成效评估认定为${label},整改措施已重新打开:${measure.text.length > 40 ? `${measure.text.slice(0, 40)}…` : measure.text}`,
        body: params.reason,
        link: `/measures/${measure.id}`,
        dedupeKey: `red_card:${card.id}`,
      },
    });
  }
  return { card, measure };
}

/** The measures a red card may reopen: the round's 已完成 and 基本完成 ones, in plan order. */
export function redCardCandidates(q: Queryable, params: { roundId: number }) {
  return q
    .select({ id: measures.id, text: measures.text, status: measures.status, problemNumber: problems.number, position: measures.position, unitName: units.name })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(and(eq(measures.roundId, params.roundId), inArray(measures.status, ["completed", "basically_completed"])))
    .orderBy(asc(problems.number), asc(measures.position))
    .all();
}
