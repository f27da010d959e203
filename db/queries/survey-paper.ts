import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { SURVEY_CHOICE_LABELS, SURVEY_CHOICES, type SurveyChoice } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { PaperBatchInput, PaperCount } from "@/lib/validations/survey-paper";
import type { Queryable } from "../client";
import { surveyPaperBatches, surveyPaperCounts, surveyQuestions, surveys } from "../schema";
import { recordAudit } from "./audit";

// 纸质问卷批次: the office's tallies of paper forms beside the online answers. The caller
// (server/survey-paper.ts) has checked the permission; these check that the batch is the
// survey's and the questions are the survey's, inside the write's transaction, and write one
// audit row each — with the tallies as text, so a correction can be read back.

export interface PaperBatch {
  id: number;
  label: string;
  collectedOn: string;
  forms: number;
  counts: PaperCount[];
}

/** The survey's batches, newest collection first, each with its counts by 题号. */
export function listPaperBatches(q: Queryable, params: { surveyId: number; limit: number }): PaperBatch[] {
  const batches = q
    .select({ id: surveyPaperBatches.id, label: surveyPaperBatches.label, collectedOn: surveyPaperBatches.collectedOn, forms: surveyPaperBatches.forms })
    .from(surveyPaperBatches)
    .where(eq(surveyPaperBatches.surveyId, params.surveyId))
    .orderBy(asc(surveyPaperBatches.collectedOn), asc(surveyPaperBatches.id))
    .limit(params.limit)
    .all();
  if (batches.length === 0) return [];
  const counts = q
    .select({ batchId: surveyPaperCounts.batchId, position: surveyQuestions.position, choice: surveyPaperCounts.choice, count: surveyPaperCounts.count })
    .from(surveyPaperCounts)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyPaperCounts.questionId))
    .innerJoin(surveyPaperBatches, eq(surveyPaperBatches.id, surveyPaperCounts.batchId))
    .where(eq(surveyPaperBatches.surveyId, params.surveyId))
    .orderBy(asc(surveyQuestions.position))
    .all();
  // In the grid's order: by question, then the choices as the questionnaire lists them.
  const order = (c: { position: number; choice: SurveyChoice }) => c.position * SURVEY_CHOICES.length + SURVEY_CHOICES.indexOf(c.choice);
  return batches.map((b) => ({
    ...b,
    counts: counts
      .filter((c) => c.batchId === b.id)
      .map(({ position, choice, count }) => ({ position, choice, count }))
      .sort((x, y) => order(x) - order(y)),
  }));
}

function surveyOf(tx: Queryable, surveyId: number) {
  const survey = tx.select({ id: surveys.id, roundId: surveys.roundId }).from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!survey) throw new AppError("NOT_FOUND", "未找到该满意度测评");
  return survey;
}

/** The batch, which must be the named survey's: a form of one round never reaches another's. */
function batchOf(tx: Queryable, params: { surveyId: number; batchId: number }) {
  const batch = tx.select().from(surveyPaperBatches).where(eq(surveyPaperBatches.id, params.batchId)).get();
  if (!batch) throw new AppError("NOT_FOUND", "未找到该纸质问卷批次,可能已被删除,请刷新页面");
  if (batch.surveyId !== params.surveyId) throw new AppError("VALIDATION", "该纸质问卷批次不属于本测评,请刷新页面后重试");
  return batch;
}

function refuseDuplicateLabel(tx: Queryable, params: { surveyId: number; label: string; exceptId?: number }) {
  const clash = tx
    .select({ id: surveyPaperBatches.id })
    .from(surveyPaperBatches)
    .where(
      and(
        eq(surveyPaperBatches.surveyId, params.surveyId),
        eq(surveyPaperBatches.label, params.label),
        params.exceptId === undefined ? undefined : ne(surveyPaperBatches.id, params.exceptId),
      ),
    )
    .get();
  if (clash) {
    const message = `本测评已有名为“${params.label}”的批次,请换一个名称(如加上“第2批”)`;
    throw new AppError("CONFLICT", message, { label: [message] });
  }
}

/**
 * The counts with their questions' ids. A 题号 the survey does not have is refused by name, and
 * so is a question counted more often than the batch has forms (the form's schema says so
 * first; this holds for any other caller).
 */
function countRows(tx: Queryable, surveyId: number, forms: number, counts: readonly PaperCount[]) {
  const questions = new Map(
    tx.select({ id: surveyQuestions.id, position: surveyQuestions.position }).from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).all().map((r) => [r.position, r.id]),
  );
  const unknown = [...new Set(counts.map((c) => c.position).filter((p) => !questions.has(p)))];
  if (unknown.length > 0) {
    const message = `本问卷没有第 ${unknown.join("、")} 题,请刷新页面后重新录入`;
    throw new AppError("VALIDATION", message, Object.fromEntries(unknown.map((p) => [`counts.${p}`, [message]])));
  }
  for (const position of new Set(counts.map((c) => c.position))) {
    const sum = counts.filter((c) => c.position === position).reduce((total, c) => total + c.count, 0);
    if (sum > forms) {
      const message = `第 ${position} 题各项合计 ${sum} 份,多于本批的 ${forms} 份`;
      throw new AppError("VALIDATION", message, { [`counts.${position}`]: [message] });
    }
  }
  return counts.map((c) => ({ questionId: questions.get(c.position)!, choice: c.choice, count: c.count }));
}

/** "第1题 满意12 基本满意3;第2题 …": the tallies as the audit log keeps them. */
function talliesText(counts: readonly PaperCount[]): string {
  const positions = [...new Set(counts.map((c) => c.position))].sort((a, b) => a - b);
  return positions
    .map((p) => {
      const cells = SURVEY_CHOICES.map((choice) => [choice, counts.find((c) => c.position === p && c.choice === choice)?.count ?? 0] as const);
      return `第${p}题 ${cells.filter(([, n]) => n > 0).map(([choice, n]) => `${SURVEY_CHOICE_LABELS[choice as SurveyChoice]}${n}`).join(" ")}`;
    })
    .join(";");
}

function snapshot(batch: { label: string; collectedOn: string; forms: number }, counts: readonly PaperCount[], surveyId: number) {
  return { surveyId, label: batch.label, collectedOn: batch.collectedOn, forms: batch.forms, tallies: talliesText(counts) };
}

function storedCounts(tx: Queryable, batchId: number): PaperCount[] {
  return tx
    .select({ position: surveyQuestions.position, choice: surveyPaperCounts.choice, count: surveyPaperCounts.count })
    .from(surveyPaperCounts)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyPaperCounts.questionId))
    .where(eq(surveyPaperCounts.batchId, batchId))
    .all();
}

/** A new batch: any state of the survey (paper arrives after the online survey has closed). */
export function createPaperBatch(tx: Queryable, params: { actorId: string; input: PaperBatchInput }): { id: number; roundId: number } {
  const { surveyId, label, collectedOn, forms, counts } = params.input;
  const survey = surveyOf(tx, surveyId);
  refuseDuplicateLabel(tx, { surveyId, label });
  const rows = countRows(tx, surveyId, forms, counts);
  const { id } = tx
    .insert(surveyPaperBatches)
    .values({ surveyId, label, collectedOn, forms, createdById: params.actorId })
    .returning({ id: surveyPaperBatches.id })
    .get();
  if (rows.length > 0) tx.insert(surveyPaperCounts).values(rows.map((r) => ({ ...r, batchId: id }))).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "survey_paper_batch.create",
    entity: "survey_paper_batch",
    entityId: id,
    after: snapshot(params.input, counts, surveyId),
  });
  return { id, roundId: survey.roundId };
}

/** A correction: the batch's label, day, forms and every count replaced by the form's. */
export function updatePaperBatch(
  tx: Queryable,
  params: { actorId: string; input: PaperBatchInput & { batchId: number } },
): { id: number; roundId: number } {
  const { surveyId, batchId, label, collectedOn, forms, counts } = params.input;
  const survey = surveyOf(tx, surveyId);
  const batch = batchOf(tx, { surveyId, batchId });
  refuseDuplicateLabel(tx, { surveyId, label, exceptId: batchId });
  const rows = countRows(tx, surveyId, forms, counts);
  const before = snapshot(batch, storedCounts(tx, batchId), surveyId);
  tx.update(surveyPaperBatches).set({ label, collectedOn, forms }).where(eq(surveyPaperBatches.id, batchId)).run();
  tx.delete(surveyPaperCounts).where(eq(surveyPaperCounts.batchId, batchId)).run();
  if (rows.length > 0) tx.insert(surveyPaperCounts).values(rows.map((r) => ({ ...r, batchId }))).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "survey_paper_batch.update",
    entity: "survey_paper_batch",
    entityId: batchId,
    before,
    after: snapshot(params.input, counts, surveyId),
  });
  return { id: batchId, roundId: survey.roundId };
}

/** Removes a batch entered by mistake; its counts go with it, the audit row keeps them. */
export function deletePaperBatch(tx: Queryable, params: { actorId: string; surveyId: number; batchId: number }): { roundId: number } {
  const survey = surveyOf(tx, params.surveyId);
  const batch = batchOf(tx, params);
  const before = snapshot(batch, storedCounts(tx, batch.id), batch.surveyId);
  tx.delete(surveyPaperBatches).where(eq(surveyPaperBatches.id, batch.id)).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "survey_paper_batch.delete",
    entity: "survey_paper_batch",
    entityId: batch.id,
    before,
  });
  return { roundId: survey.roundId };
}
