import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Status } from "@/lib/domain";
import type { ProgressReportInput } from "@/lib/validations/progress";
import type { Queryable } from "../client";
import { evidenceFiles, measureCoUnits, measureIndicators, measures, problems, progressReports, rounds, units, users } from "../schema";
import type { InstitutionInput } from "@/lib/validations/institution";
import { recordAudit } from "./audit";
import { registerInstitutions } from "./institutions";
import { setMeasureStatus } from "./measure-status";
import { notifyUnit } from "./notifications";
import { roundOpenToUnits } from "./rounds";
import { outer } from "./sql";
import { COMMAND_LINE_AUTHOR } from "@/lib/domain";

/** A measure's units: the lead first, then co-responsible ones. */
export function measureOwners(q: Queryable, params: { measureId: number }) {
  const measure = q
    .select({ id: measures.id, leadUnitId: measures.leadUnitId, status: measures.status, roundId: measures.roundId, openToUnits: roundOpenToUnits })
    .from(measures)
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .where(eq(measures.id, params.measureId))
    .get();
  if (!measure) return undefined;
  const coUnitIds = q
    .select({ id: measureCoUnits.unitId })
    .from(measureCoUnits)
    .where(eq(measureCoUnits.measureId, measure.id))
    .all()
    .map((r) => r.id);
  // A round that waits for its plan's approval owns no unit yet: units neither see nor report.
  const unitIds = measure.openToUnits ? [...(measure.leadUnitId ? [measure.leadUnitId] : []), ...coUnitIds] : [];
  return { ...measure, unitIds };
}

export interface NewEvidence {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storedPath: string;
}

/**
 * Appends a progress report (整改动态) with its evidence. It is a claim for the office to
 * review only when the lead unit says 基本完成 or 已完成; a co-unit's report is progress
 * information and carries the measure's current status rather than a claim.
 */
export function addProgressReport(
  tx: Queryable,
  params: {
    actorId: string;
    measureId: number;
    unitId: number;
    isLead: boolean;
    currentStatus: Status;
    input: ProgressReportInput;
    evidence: NewEvidence[];
    /** 建章立制 the report announces. */
    institutions?: readonly InstitutionInput[];
    /** The client's idempotency key and the digest of what it asked for (see keyedReport). */
    idempotency?: { key: string; digest: string };
  },
) {
  const { input } = params;
  const isClaim = params.isLead && input.claimedStatus !== "incomplete";
  const measure = tx.select({ roundId: measures.roundId, problemId: measures.problemId, deadlineKind: measures.deadlineKind }).from(measures).where(eq(measures.id, params.measureId)).get()!;
  // A long-term measure already signed off 已完成 claims it again only to prove it still holds.
  const isReproof = isClaim && input.claimedStatus === "completed" && params.currentStatus === "completed" && measure.deadlineKind === "ongoing";
  const indicatorActual = input.indicatorActual ?? null;
  if (indicatorActual !== null) recordIndicatorActual(tx, params.measureId, { reportDate: input.reportDate, actual: indicatorActual });
  const report = tx
    .insert(progressReports)
    .values({
      measureId: params.measureId,
      unitId: params.unitId,
      authorId: params.actorId,
      reportDate: input.reportDate,
      text: input.text,
      percent: input.percent,
      milestone: input.milestone,
      indicatorActual,
      claimedStatus: params.isLead ? input.claimedStatus : params.currentStatus,
      isClaim,
      isReproof,
      // Updates need no verdict; only claims wait in the office's queue.
      reviewState: isClaim ? "pending" : "signed_off",
      idempotencyKey: params.idempotency?.key ?? null,
      idempotencyDigest: params.idempotency?.digest ?? null,
    })
    .returning()
    .get();
  for (const file of params.evidence) {
    tx.insert(evidenceFiles).values({ progressReportId: report.id, ...file }).run();
  }
  const registered = registerInstitutions(tx, {
    roundId: measure.roundId,
    unitId: params.unitId,
    progressReportId: report.id,
    problemId: measure.problemId,
    registeredOn: input.reportDate,
    items: params.institutions ?? [],
  });
  recordAudit(tx, {
    actorId: params.actorId,
    action: isClaim ? "progress.claim" : "progress.create",
    entity: "progress_report",
    entityId: report.id,
    after: {
      ...withoutDigest(report),
      evidence: params.evidence.map((e) => ({ fileName: e.fileName, sha256: e.sha256, size: e.size })),
      institutions: registered.map(({ id, title, documentNumber, issuedDate, reviewDate }) => ({ id, title, documentNumber, issuedDate, reviewDate })),
    },
  });
  return report;
}

/**
 * The measure's 量化指标 takes the reported actual value, unless a later-dated report already
 * gave one (a late entry for an earlier week must not overwrite this week's figure).
 */
function recordIndicatorActual(tx: Queryable, measureId: number, input: { reportDate: string; actual: number }) {
  const indicator = tx.select().from(measureIndicators).where(eq(measureIndicators.measureId, measureId)).get();
  if (!indicator) {
    throw new AppError("VALIDATION", "该整改措施未设置量化指标,不能填报指标实际值", { indicatorActual: ["该整改措施未设置量化指标"] });
  }
  if (indicator.actualDate !== null && indicator.actualDate > input.reportDate) return;
  tx.update(measureIndicators)
    .set({ actual: input.actual, actualDate: input.reportDate, updatedAt: new Date() })
    .where(eq(measureIndicators.measureId, measureId))
    .run();
}

// The digest is a hash of the request, meaningless to a reader of the log.
function withoutDigest<T extends { idempotencyDigest: string | null }>(report: T): Omit<T, "idempotencyDigest"> {
  const rest: Partial<T> = { ...report };
  delete rest.idempotencyDigest;
  return rest as Omit<T, "idempotencyDigest">;
}

/**
 * The report an author already wrote with this idempotency key, if any. Only the author's
 * own reports are looked at: another user's (another unit's) key never matches.
 */
export function keyedReport(q: Queryable, params: { authorId: string; key: string }) {
  return q
    .select({
      id: progressReports.id,
      measureId: progressReports.measureId,
      isClaim: progressReports.isClaim,
      claimedStatus: progressReports.claimedStatus,
      digest: progressReports.idempotencyDigest,
    })
    .from(progressReports)
    .where(and(eq(progressReports.authorId, params.authorId), eq(progressReports.idempotencyKey, params.key)))
    .get();
}

const claimColumns = {
  id: progressReports.id,
  measureId: measures.id,
  measureText: measures.text,
  measureStatus: measures.status,
  position: measures.position,
  problemNumber: problems.number,
  roundId: rounds.id,
  roundName: rounds.name,
  unitName: units.name,
  authorName: sql<string>`coalesce(${users.name}, ${COMMAND_LINE_AUTHOR})`,
  reportDate: progressReports.reportDate,
  text: progressReports.text,
  claimedStatus: progressReports.claimedStatus,
  isReproof: progressReports.isReproof,
  createdAt: progressReports.createdAt,
  evidenceCount: sql<number>`(select count(*) from ${evidenceFiles} e where e.progress_report_id = ${outer(progressReports.id)})`,
};

/** 对账销号 queue: claims awaiting the office's verdict, oldest first. */
export function reviewQueue(q: Queryable, params: { roundId?: number; unitId?: number }) {
  return q
    .select(claimColumns)
    .from(progressReports)
    .innerJoin(measures, eq(measures.id, progressReports.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .leftJoin(users, eq(users.id, progressReports.authorId))
    .where(
      and(
        eq(progressReports.isClaim, true),
        eq(progressReports.reviewState, "pending"),
        params.roundId ? eq(measures.roundId, params.roundId) : undefined,
        params.unitId ? eq(progressReports.unitId, params.unitId) : undefined,
      ),
    )
    .orderBy(asc(progressReports.createdAt), asc(progressReports.id))
    .all();
}

function pendingClaim(tx: Queryable, reportId: number) {
  const report = tx.select().from(progressReports).where(eq(progressReports.id, reportId)).get();
  if (!report || !report.isClaim) throw new AppError("NOT_FOUND", "未找到该申报");
  if (report.reviewState !== "pending") throw new AppError("CONFLICT", "该申报已被审核,请刷新后查看");
  return report;
}

/**
 * Signs a claim off: the measure's official status becomes the claimed one (the only way it
 * rises), the problem rolls up again, and the lead unit is told. One audit row, written by
 * setMeasureStatus with the report's id.
 */
export function signOffClaim(tx: Queryable, params: { actorId: string; reportId: number }) {
  const report = pendingClaim(tx, params.reportId);
  tx.update(progressReports)
    .set({ reviewState: "signed_off", reviewerId: params.actorId, reviewedAt: new Date() })
    .where(eq(progressReports.id, report.id))
    .run();
  const measure = setMeasureStatus(tx, {
    actorId: params.actorId,
    measureId: report.measureId,
    status: report.claimedStatus,
    action: "measure.sign_off",
    reportId: report.id,
  });
  notifyUnit(tx, {
    unitId: report.unitId,
    notification: {
      kind: "claim_signed_off",
      title: "申报已销号",
      body: `整改措施“${measure?.text.slice(0, 40) ?? ""}”已确认为${report.claimedStatus === "completed" ? "已完成" : "基本完成"}`,
      link: `/measures/${report.measureId}`,
      dedupeKey: `signoff:report:${report.id}`,
    },
  });
  return measure;
}

export function returnClaim(tx: Queryable, params: { actorId: string; reportId: number; reason: string }) {
  const report = pendingClaim(tx, params.reportId);
  tx.update(progressReports)
    .set({ reviewState: "returned", reviewerId: params.actorId, reviewedAt: new Date(), reviewNote: params.reason })
    .where(eq(progressReports.id, report.id))
    .run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "claim.return",
    entity: "progress_report",
    entityId: report.id,
    before: { reviewState: "pending" },
    after: { reviewState: "returned", reviewNote: params.reason, measureId: report.measureId },
  });
  notifyUnit(tx, {
    unitId: report.unitId,
    notification: {
      kind: "claim_returned",
      title: "申报被退回",
      body: `退回理由:${params.reason}`,
      link: `/measures/${report.measureId}`,
      dedupeKey: `return:report:${report.id}`,
    },
  });
}

/** An evidence file with the units that may see it (its measure's owners). */
export function getEvidence(q: Queryable, params: { id: number }) {
  const row = q
    .select({ file: evidenceFiles, measureId: progressReports.measureId })
    .from(evidenceFiles)
    .innerJoin(progressReports, eq(progressReports.id, evidenceFiles.progressReportId))
    .where(eq(evidenceFiles.id, params.id))
    .get();
  if (!row) return undefined;
  const owners = measureOwners(q, { measureId: row.measureId });
  return { ...row.file, measureId: row.measureId, ownership: { unitIds: owners?.unitIds ?? [], roundId: owners?.roundId } };
}

export function evidenceOfReports(q: Queryable, params: { reportIds: readonly number[] }) {
  if (params.reportIds.length === 0) return [];
  return q
    .select({ id: evidenceFiles.id, progressReportId: evidenceFiles.progressReportId, fileName: evidenceFiles.fileName, size: evidenceFiles.size })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.progressReportId, [...params.reportIds]))
    .orderBy(asc(evidenceFiles.id))
    .all();
}
