import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { extendedDeadline, newDeadlineRefusal, overdueAppealRefusal, returnAppealRefusal } from "@/lib/appeals";
import { APPEAL_DECISION_LABELS, APPEAL_SUBJECT_LABELS, type AppealDecision } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { Queryable } from "../client";
import { appeals, measures, problems, progressReports, rounds, units, users } from "../schema";
import { recordAudit } from "./audit";
import { notifyUnit } from "./notifications";

// 申诉: a unit contests a return or an overdue mark; the office decides once. The caller
// (server/appeals.ts) has checked who may act on which measure; these check the subject's
// state (lib/appeals.ts) inside the write's transaction and write one audit row each.

/**
 * Appeals already made against a subject: one still open, one the office decided. For an
 * overdue mark the subject is the measure's current deadline; an earlier one was another.
 */
function appealsAgainst(q: Queryable, subject: { reportId: number } | { measureId: number; deadline: string | null }) {
  const where =
    "reportId" in subject
      ? and(eq(appeals.subject, "return"), eq(appeals.progressReportId, subject.reportId))
      : and(eq(appeals.subject, "overdue"), eq(appeals.measureId, subject.measureId));
  const open = q.select({ id: appeals.id }).from(appeals).where(and(where, isNull(appeals.decision))).get();
  const decidedWhere = "reportId" in subject ? where : and(where, subject.deadline === null ? sql`0` : eq(appeals.overdueDeadline, subject.deadline));
  const decided = q.select({ id: appeals.id }).from(appeals).where(and(decidedWhere, isNotNull(appeals.decision))).limit(1).get();
  return { hasOpenAppeal: open !== undefined, appealedBefore: decided !== undefined };
}

/** A claim and what an appeal against its return must know: is it the measure's latest claim, was it appealed. */
export function claimForAppeal(q: Queryable, params: { reportId: number }) {
  const report = q
    .select({
      id: progressReports.id,
      measureId: progressReports.measureId,
      isClaim: progressReports.isClaim,
      reviewState: progressReports.reviewState,
      reviewNote: progressReports.reviewNote,
    })
    .from(progressReports)
    .where(eq(progressReports.id, params.reportId))
    .get();
  if (!report) return undefined;
  // The same order as the unit's inbox uses for "the latest claim" (db/queries/measures.ts).
  const latest = q
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(and(eq(progressReports.measureId, report.measureId), eq(progressReports.isClaim, true)))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
    .limit(1)
    .get();
  return { ...report, isLatestClaim: latest?.id === report.id, ...appealsAgainst(q, { reportId: report.id }) };
}

/** A measure's deadline and the appeals against being overdue on it. */
export function measureForOverdueAppeal(q: Queryable, params: { measureId: number }) {
  const measure = q
    .select({ id: measures.id, deadline: measures.deadline, status: measures.status })
    .from(measures)
    .where(eq(measures.id, params.measureId))
    .get();
  if (!measure) return undefined;
  return { ...measure, ...appealsAgainst(q, { measureId: measure.id, deadline: measure.deadline }) };
}

/**
 * What a measure's lead unit could appeal today: its latest claim if the office returned it,
 * and its overdue mark if it is overdue; each with the reason it cannot be appealed, if any.
 * For the measure page, which offers the forms; the writes check the same rules again.
 */
export function appealSubjectsOf(q: Queryable, params: { measureId: number; today: string }) {
  const latest = q
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(and(eq(progressReports.measureId, params.measureId), eq(progressReports.isClaim, true)))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
    .limit(1)
    .get();
  const claim = latest ? claimForAppeal(q, { reportId: latest.id }) : undefined;
  const measure = measureForOverdueAppeal(q, { measureId: params.measureId });
  const overdue = measure ? { ...measure, today: params.today } : undefined;
  // Overdue whether or not it is already under appeal: the form then says why not again.
  const isOverdue = overdue !== undefined && overdueAppealRefusal({ ...overdue, hasOpenAppeal: false, appealedBefore: false }) === null;
  return {
    returnedClaim: claim?.reviewState === "returned" ? { id: claim.id, returnNote: claim.reviewNote, refusal: returnAppealRefusal(claim) } : null,
    overdue: isOverdue ? { deadline: overdue.deadline, refusal: overdueAppealRefusal(overdue) } : null,
  };
}

// The partial unique indexes are the last word on "one open appeal per subject": a second
// process racing past the check above meets them, and the unit is told the same thing.
function insertAppeal(tx: Queryable, values: typeof appeals.$inferInsert, already: string) {
  try {
    return tx.insert(appeals).values(values).returning().get();
  } catch (error) {
    if ((error as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new AppError("CONFLICT", already);
    throw error;
  }
}

/** A unit appeals the office's return of its claim. */
export function submitReturnAppeal(tx: Queryable, params: { actorId: string; unitId: number; reportId: number; reason: string }) {
  const claim = claimForAppeal(tx, { reportId: params.reportId });
  if (!claim) throw new AppError("NOT_FOUND", "未找到该申报");
  const refusal = returnAppealRefusal(claim);
  if (refusal) throw new AppError("CONFLICT", refusal);
  const appeal = insertAppeal(
    tx,
    {
      measureId: claim.measureId,
      subject: "return",
      progressReportId: claim.id,
      unitId: params.unitId,
      filedById: params.actorId,
      reason: params.reason,
      returnNote: claim.reviewNote,
    },
    "已对该退回提出申诉,请等待整改办处理",
  );
  recordAudit(tx, {
    actorId: params.actorId,
    action: "appeal.submit",
    entity: "appeal",
    entityId: appeal.id,
    after: { measureId: appeal.measureId, subject: appeal.subject, reportId: claim.id, returnNote: claim.reviewNote, appealReason: appeal.reason },
  });
  return appeal;
}

/** A unit appeals its measure's overdue mark. */
export function submitOverdueAppeal(tx: Queryable, params: { actorId: string; unitId: number; measureId: number; reason: string; today: string }) {
  const measure = measureForOverdueAppeal(tx, { measureId: params.measureId });
  if (!measure) throw new AppError("NOT_FOUND", "未找到该整改措施");
  const refusal = overdueAppealRefusal({ ...measure, today: params.today });
  if (refusal) throw new AppError("CONFLICT", refusal);
  const appeal = insertAppeal(
    tx,
    {
      measureId: measure.id,
      subject: "overdue",
      unitId: params.unitId,
      filedById: params.actorId,
      reason: params.reason,
      overdueDeadline: measure.deadline,
    },
    "已对该措施的逾期提出申诉,请等待整改办处理",
  );
  recordAudit(tx, {
    actorId: params.actorId,
    action: "appeal.submit",
    entity: "appeal",
    entityId: appeal.id,
    after: { measureId: appeal.measureId, subject: appeal.subject, deadline: measure.deadline, appealReason: appeal.reason },
  });
  return appeal;
}

/**
 * The office decides an open appeal. Granted against a return: the claim is back to 待审核,
 * in the review queue, to be signed off (or returned again) the ordinary way. Granted
 * against an overdue mark: the measure gets the new deadline (延期). Rejected: nothing else
 * changes. Either way the unit is told, and one audit row holds the decision and its effect.
 */
export function decideAppeal(
  tx: Queryable,
  params: { actorId: string; appealId: number; decision: AppealDecision; decisionReason: string; newDeadline: string | null; today: string },
) {
  const before = tx.select().from(appeals).where(eq(appeals.id, params.appealId)).get();
  if (!before) throw new AppError("NOT_FOUND", "未找到该申诉");
  const already = () => new AppError("CONFLICT", "该申诉已处理,不能重复处理");
  if (before.decision) throw already();
  const granted = params.decision === "granted";
  const extending = granted && before.subject === "overdue";
  if (extending) {
    const refusal = newDeadlineRefusal(params.newDeadline, params.today);
    if (refusal) throw new AppError("VALIDATION", refusal, { newDeadline: [refusal] });
  }
  // The `decision is null` guard makes a second, concurrent decision a no-op, not an overwrite.
  const after = tx
    .update(appeals)
    .set({
      decision: params.decision,
      decisionReason: params.decisionReason,
      newDeadline: extending ? params.newDeadline : null,
      decidedById: params.actorId,
      decidedAt: new Date(),
    })
    .where(and(eq(appeals.id, before.id), isNull(appeals.decision)))
    .returning()
    .get();
  if (!after) throw already();

  const effect = granted ? (before.subject === "return" ? reopenReturnedClaim(tx, before.progressReportId!) : extendDeadline(tx, before.measureId, params.newDeadline!)) : { before: {}, after: {} };
  recordAudit(tx, {
    actorId: params.actorId,
    action: granted ? "appeal.grant" : "appeal.reject",
    entity: "appeal",
    entityId: after.id,
    before: { decision: null, ...effect.before },
    after: { measureId: after.measureId, subject: after.subject, decision: after.decision, decisionReason: after.decisionReason, ...effect.after },
  });
  notifyUnit(tx, {
    unitId: after.unitId,
    notification: {
      kind: "appeal_decided",
      title: `对${APPEAL_SUBJECT_LABELS[after.subject]}的申诉:${APPEAL_DECISION_LABELS[params.decision]}`,
      body: `${extending ? `完成时限延至 ${params.newDeadline}。` : ""}处理理由:${params.decisionReason}`,
      link: `/measures/${after.measureId}#appeals`,
      dedupeKey: `appeal:${after.id}:decided`,
    },
  });
  return after;
}

/** A granted appeal against a return: the claim waits for the office's verdict again. */
function reopenReturnedClaim(tx: Queryable, reportId: number) {
  // A unit may answer the return with a new claim while its appeal waits; reopening the old
  // one then would leave two claims of one measure waiting for the same verdict.
  const newer = tx
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(
      and(
        eq(progressReports.isClaim, true),
        gt(progressReports.id, reportId),
        eq(progressReports.measureId, sql`(select measure_id from progress_reports where id = ${reportId})`),
      ),
    )
    .get();
  if (newer) throw new AppError("CONFLICT", "单位在申诉后已重新申报,原申报不再恢复待审核:请直接审核新的申报,本申诉请处理为“申诉不成立”并说明");
  const claim = tx
    .update(progressReports)
    .set({ reviewState: "pending", reviewerId: null, reviewedAt: null, reviewNote: null })
    .where(and(eq(progressReports.id, reportId), eq(progressReports.reviewState, "returned")))
    .returning({ id: progressReports.id })
    .get();
  // Nothing but an appeal moves a returned claim, and this one was open: unreachable unless the data was edited by hand.
  if (!claim) throw new AppError("CONFLICT", "该申报已不是退回状态,请刷新后查看");
  return { before: { reviewState: "returned" }, after: { reportId, reviewState: "pending" } };
}

/** A granted appeal against an overdue mark: the measure's new deadline (延期). */
function extendDeadline(tx: Queryable, measureId: number, newDeadline: string) {
  const measure = tx.select().from(measures).where(eq(measures.id, measureId)).get()!;
  const next = extendedDeadline(newDeadline, measure.deadlineKind);
  // The version moves on, so an edit form opened before the extension sees a conflict.
  tx.update(measures)
    .set({ ...next, version: measure.version + 1 })
    .where(eq(measures.id, measureId))
    .run();
  return {
    before: { deadline: measure.deadline, deadlineKind: measure.deadlineKind, deadlineText: measure.deadlineText },
    after: next,
  };
}

// ── reading ──────────────────────────────────────────────────────────────

const filers = alias(users, "filers");
const deciders = alias(users, "deciders");

const appealColumns = {
  id: appeals.id,
  subject: appeals.subject,
  reason: appeals.reason,
  returnNote: appeals.returnNote,
  overdueDeadline: appeals.overdueDeadline,
  decision: appeals.decision,
  decisionReason: appeals.decisionReason,
  newDeadline: appeals.newDeadline,
  createdAt: appeals.createdAt,
  decidedAt: appeals.decidedAt,
  unitName: units.name,
  filerName: filers.name,
  deciderName: deciders.name,
  measureId: measures.id,
};

/** `unitIds` null = every unit (the office); otherwise only appeals those units filed. */
function unitWhere(unitIds: readonly number[] | null): SQL | undefined {
  if (unitIds === null) return undefined;
  return unitIds.length === 0 ? sql`0` : inArray(appeals.unitId, [...unitIds]);
}

const viewWhere = { open: isNull(appeals.decision), decided: isNotNull(appeals.decision) };

/** The /appeals list: open ones oldest first (the office's queue), decided ones newest first. */
export function listAppeals(q: Queryable, params: { view: "open" | "decided"; unitIds: readonly number[] | null; limit?: number }) {
  return q
    .select({
      ...appealColumns,
      measureText: measures.text,
      problemNumber: problems.number,
      position: measures.position,
      roundName: rounds.name,
    })
    .from(appeals)
    .innerJoin(measures, eq(measures.id, appeals.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .innerJoin(units, eq(units.id, appeals.unitId))
    .innerJoin(filers, eq(filers.id, appeals.filedById))
    .leftJoin(deciders, eq(deciders.id, appeals.decidedById))
    .where(and(viewWhere[params.view], unitWhere(params.unitIds)))
    .orderBy(...(params.view === "open" ? [asc(appeals.createdAt), asc(appeals.id)] : [desc(appeals.decidedAt), desc(appeals.id)]))
    .limit(params.limit ?? 200)
    .all();
}

export type AppealRow = ReturnType<typeof listAppeals>[number];

/** How many appeals each view of /appeals holds, for its tabs and the review page's link. */
export function appealCounts(q: Queryable, params: { unitIds: readonly number[] | null }): Record<"open" | "decided", number> {
  const row = q
    .select({
      open: sql<number>`coalesce(sum(${appeals.decision} is null), 0)`,
      decided: sql<number>`coalesce(sum(${appeals.decision} is not null), 0)`,
    })
    .from(appeals)
    .where(unitWhere(params.unitIds))
    .get();
  return { open: row?.open ?? 0, decided: row?.decided ?? 0 };
}

/** The measures with an appeal still waiting for the office, among these units' appeals (我的任务 marks them). */
export function measuresAppealing(q: Queryable, params: { unitIds: readonly number[] | null }): Set<number> {
  const rows = q
    .selectDistinct({ measureId: appeals.measureId })
    .from(appeals)
    .where(and(isNull(appeals.decision), unitWhere(params.unitIds)))
    .all();
  return new Set(rows.map((r) => r.measureId));
}

/** One measure's appeals, newest first, for its page. */
export function listMeasureAppeals(q: Queryable, params: { measureId: number }) {
  return q
    .select({ ...appealColumns, progressReportId: appeals.progressReportId })
    .from(appeals)
    .innerJoin(measures, eq(measures.id, appeals.measureId))
    .innerJoin(units, eq(units.id, appeals.unitId))
    .innerJoin(filers, eq(filers.id, appeals.filedById))
    .leftJoin(deciders, eq(deciders.id, appeals.decidedById))
    .where(eq(appeals.measureId, params.measureId))
    .orderBy(desc(appeals.createdAt), desc(appeals.id))
    .all();
}

export type MeasureAppealRow = ReturnType<typeof listMeasureAppeals>[number];

/** One appeal row, for the message after a decision. */
export function getAppeal(q: Queryable, params: { id: number }) {
  return q.select().from(appeals).where(eq(appeals.id, params.id)).get();
}
