import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import {
  aspects,
  evidenceFiles,
  measureCoUnits,
  measureIndicators,
  measures,
  problems,
  progressReports,
  rounds,
  units,
  users,
} from "../schema";
import { roundOpenToUnits } from "./rounds";
import { outer } from "./sql";
import { COMMAND_LINE_AUTHOR } from "@/lib/domain";

/** A measure with everything its page shows, and the units that answer for it. */
export function getMeasureDetail(q: Queryable, params: { id: number }) {
  const row = q
    .select({
      measure: measures,
      problem: { id: problems.id, number: problems.number, title: problems.title, leadLeader: problems.leadLeader, status: problems.status },
      aspectName: aspects.name,
      round: { id: rounds.id, name: rounds.name, dueSoonDays: rounds.dueSoonDays },
      openToUnits: roundOpenToUnits,
      leadUnitName: units.name,
    })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(eq(measures.id, params.id))
    .get();
  if (!row) return undefined;
  const coUnits = q
    .select({ id: units.id, name: units.name })
    .from(measureCoUnits)
    .innerJoin(units, eq(units.id, measureCoUnits.unitId))
    .where(eq(measureCoUnits.measureId, params.id))
    .orderBy(asc(units.id))
    .all();
  const reports = q
    .select({
      id: progressReports.id,
      reportDate: progressReports.reportDate,
      text: progressReports.text,
      percent: progressReports.percent,
      claimedStatus: progressReports.claimedStatus,
      isClaim: progressReports.isClaim,
      isReproof: progressReports.isReproof,
      reviewState: progressReports.reviewState,
      reviewNote: progressReports.reviewNote,
      milestone: progressReports.milestone,
      indicatorActual: progressReports.indicatorActual,
      authorName: sql<string>`coalesce(${users.name}, ${COMMAND_LINE_AUTHOR})`,
      unitName: units.name,
      evidenceCount: sql<number>`(select count(*) from ${evidenceFiles} where ${evidenceFiles.progressReportId} = ${outer(progressReports.id)})`,
    })
    .from(progressReports)
    .leftJoin(users, eq(users.id, progressReports.authorId))
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .where(eq(progressReports.measureId, params.id))
    .orderBy(desc(progressReports.reportDate), desc(progressReports.id))
    .all();
  const ownerUnitIds = [row.measure.leadUnitId, ...coUnits.map((u) => u.id)].filter(
    (id): id is number => id !== null,
  );
  // Before the plan is approved, a round set to wait keeps its measures from the units.
  const indicator = q.select().from(measureIndicators).where(eq(measureIndicators.measureId, params.id)).get() ?? null;
  return { ...row, coUnits, reports, indicator, ownership: { unitIds: row.openToUnits ? ownerUnitIds : [], roundId: row.round.id } };
}

export type MeasureDetail = NonNullable<ReturnType<typeof getMeasureDetail>>;

/**
 * The measures a responsible unit answers for, as lead or co-responsible unit. The unit
 * filter is in the SQL, so nothing of another unit is ever read for a unit user.
 */
export function listMeasuresForUnits(q: Queryable, params: { unitIds: readonly number[] }) {
  if (params.unitIds.length === 0) return [];
  const unitIds = [...params.unitIds];
  return q
    .select({
      id: measures.id,
      text: measures.text,
      deadline: measures.deadline,
      deadlineText: measures.deadlineText,
      status: measures.status,
      isLead: sql<number>`${measures.leadUnitId} in (${sql.join(unitIds.map((id) => sql`${id}`), sql`, `)})`,
      problemNumber: problems.number,
      problemTitle: problems.title,
      roundName: rounds.name,
      dueSoonDays: rounds.dueSoonDays,
      pendingClaims: sql<number>`(select count(*) from ${progressReports} pr where pr.measure_id = ${outer(measures.id)} and pr.is_claim = 1 and pr.review_state = 'pending')`,
      // The latest claim's verdict and note: a returned claim waits in the unit's inbox.
      lastClaimState: sql<"pending" | "signed_off" | "returned" | null>`(select pr.review_state from ${progressReports} pr
        where pr.measure_id = ${outer(measures.id)} and pr.is_claim = 1 order by pr.created_at desc, pr.id desc limit 1)`,
      lastClaimNote: sql<string | null>`(select pr.review_note from ${progressReports} pr
        where pr.measure_id = ${outer(measures.id)} and pr.is_claim = 1 order by pr.created_at desc, pr.id desc limit 1)`,
    })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .where(
      and(
        sql`${rounds.archivedAt} is null`,
        roundOpenToUnits,
        or(
          inArray(measures.leadUnitId, unitIds),
          inArray(
            measures.id,
            q.select({ id: measureCoUnits.measureId }).from(measureCoUnits).where(inArray(measureCoUnits.unitId, unitIds)),
          ),
        ),
      ),
    )
    .orderBy(sql`${measures.deadline} is null`, asc(measures.deadline), asc(problems.number), asc(measures.position))
    .all();
}
