import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { ReportInput } from "@/lib/bulletin";
import { nextStepOf } from "@/lib/bulletin-progress";
import { indicatorFromColumns } from "@/lib/indicators";
import { parseListFilter } from "@/lib/validations/list-filter";
import { parseStoredTexts, type ReportTexts } from "@/lib/validations/report";
import type { Queryable } from "../client";
import { aspects, measures, problems, progressReports, reportDrafts, rounds } from "../schema";
import { recordAudit } from "./audit";
import { roundClueFigures } from "./clues";
import { evaluationSummaries } from "./evaluations";
import { roundSurveyFigures } from "./surveys";
import { listInstitutions } from "./institutions";
import { ledgerRows } from "./ledger";
import { roundSummary } from "./summary";

// Reads and writes behind the 整改进展情况通报: the office's draft texts, and everything the
// pure report builder (lib/bulletin.ts) needs, read at generation time.

export function getReportDraft(q: Queryable, params: { roundId: number }): { texts: ReportTexts; updatedAt: Date | null } {
  const row = q.select().from(reportDrafts).where(eq(reportDrafts.roundId, params.roundId)).get();
  return { texts: parseStoredTexts(row?.texts), updatedAt: row?.updatedAt ?? null };
}

/**
 * One draft per round: insert or replace its texts, with one audit row. Texts for problems
 * of another round are dropped (ids come from a form), and so are empty ones.
 */
export function saveReportDraft(tx: Queryable, params: { actorId: string; roundId: number; texts: ReportTexts }) {
  const own = new Set(
    tx.select({ id: problems.id }).from(problems).where(eq(problems.roundId, params.roundId)).all().map((p) => String(p.id)),
  );
  const texts: ReportTexts = {
    ...params.texts,
    problems: Object.fromEntries(
      Object.entries(params.texts.problems).filter(([id, t]) => own.has(id) && (t.explanation.trim() || t.nextSteps.trim())),
    ),
  };
  const before = tx.select().from(reportDrafts).where(eq(reportDrafts.roundId, params.roundId)).get();
  const saved = tx
    .insert(reportDrafts)
    .values({ roundId: params.roundId, texts, updatedById: params.actorId })
    .onConflictDoUpdate({
      target: reportDrafts.roundId,
      set: { texts, updatedById: params.actorId, updatedAt: new Date() },
    })
    .returning()
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "report_draft.save",
    entity: "round",
    entityId: params.roundId,
    before: before ? { texts: before.texts } : null,
    after: { texts: saved.texts },
  });
  return saved;
}

// What the public may read: updates (stored as signed off, they need no verdict) and claims
// the office signed off — never a claim still pending or one it returned.
const publishable = eq(progressReports.reviewState, "signed_off");

/**
 * Per measure: its latest published progress, and the latest next step ("下一步…") its lead
 * unit wrote in a published report — which may be an earlier report than the latest one.
 */
function publishedProgress(q: Queryable, roundId: number) {
  const rows = q
    .select({
      measureId: progressReports.measureId,
      text: progressReports.text,
      date: progressReports.reportDate,
      indicatorActual: progressReports.indicatorActual,
      // A measure without a lead unit takes any unit's word.
      byLeadUnit: sql<number>`${progressReports.unitId} = coalesce(${measures.leadUnitId}, ${progressReports.unitId})`,
    })
    // The round's measures first, then each one's reports by its index (a cross join keeps
    // that order): left to choose, SQLite walked every signed-off report of every round by the
    // review-state index, 6 s on the province database instead of 30 ms.
    .from(measures)
    .crossJoin(progressReports)
    .where(and(eq(progressReports.measureId, measures.id), publishable, eq(measures.roundId, roundId)))
    .orderBy(asc(progressReports.reportDate), asc(progressReports.id))
    .all();
  // Ascending, so the last one written per measure is its latest.
  const latest = new Map<number, { text: string; date: string }>();
  const nextSteps = new Map<number, { text: string; date: string }>();
  // The 量化指标's actual value as published: a pending or returned claim's figure is not yet the office's word.
  const actuals = new Map<number, number>();
  for (const row of rows) {
    if (row.indicatorActual !== null) actuals.set(row.measureId, row.indicatorActual);
    latest.set(row.measureId, { text: row.text, date: row.date });
    const nextStep = row.byLeadUnit ? nextStepOf(row.text) : null;
    if (nextStep) nextSteps.set(row.measureId, { text: nextStep, date: row.date });
  }
  return { latest, nextSteps, actuals };
}

/** Everything the report of one round is built from, read now (numbers are never stored). */
export function reportInput(q: Queryable, params: { roundId: number; today: string }): ReportInput | undefined {
  const round = q.select().from(rounds).where(eq(rounds.id, params.roundId)).get();
  const summary = roundSummary(q, params);
  if (!round || !summary) return undefined;
  const { latest: progress, nextSteps, actuals } = publishedProgress(q, round.id);
  const measureRows = ledgerRows(q, { roundId: round.id, filter: parseListFilter({}), today: params.today }).map((row) => ({
    problemId: row.problemId,
    text: row.text,
    status: row.status,
    deadline: row.deadline,
    deadlineText: row.deadlineText,
    progress: progress.get(row.id)?.text ?? null,
    progressDate: progress.get(row.id)?.date ?? null,
    nextStep: nextSteps.get(row.id)?.text ?? null,
    nextStepDate: nextSteps.get(row.id)?.date ?? null,
    indicator: indicatorFromColumns({ ...row, indicatorActual: actuals.get(row.id) ?? null }),
  }));
  // From the problems table, not the ledger: a problem without measures still counts.
  const problemRows = q
    .select({ id: problems.id, number: problems.number, title: problems.title, status: problems.status, aspectName: aspects.name })
    .from(problems)
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .where(eq(problems.roundId, round.id))
    .orderBy(asc(aspects.position), asc(problems.number), asc(problems.id))
    .all();
  return {
    round,
    figures: summary,
    problems: problemRows,
    measures: measureRows,
    institutions: listInstitutions(q, { roundId: round.id }),
    clues: roundClueFigures(q, { roundId: round.id }),
    texts: getReportDraft(q, { roundId: round.id }).texts,
    date: params.today,
    evaluation: evaluationSummaries(q, { roundIds: [round.id] })[0] ?? null,
    survey: roundSurveyFigures(q, { roundId: round.id }),
  };
}
