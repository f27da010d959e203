import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { onTimeRate } from "@/lib/dashboard-figures";
import type { Queryable } from "../client";
import { auditLog, measures, problems, rounds } from "../schema";
import { measureOfUnit } from "./measure-filter";
import { listNotices } from "./notices";
import { reportingOverview } from "./reminders";
import { outer } from "./sql";

// The office's page for one responsible unit (/units/[id]), across every round in progress.

/**
 * When the measure last became 已完成 through a sign-off (对账销号), from the audit log.
 * Null for a measure entered already completed (import, demo seed): its sign-off happened
 * outside the system and its date is unknown.
 */
const completedAt = sql<number | null>`(
  select max(a.created_at) from ${auditLog} a
  where a.entity = 'measure' and a.entity_id = cast(${outer(measures.id)} as text)
    and a.action = 'measure.sign_off' and json_extract(a.after, '$.status') = 'completed')`;

/** The unit's measures (lead or co-responsible) in rounds in progress: overdue first, then by deadline. */
export function unitMeasures(q: Queryable, params: { unitId: number; today: string }) {
  const overdue = sql`(${measures.status} != 'completed' and ${measures.deadline} < ${params.today})`;
  return q
    .select({
      id: measures.id,
      roundId: rounds.id,
      roundName: rounds.name,
      dueSoonDays: rounds.dueSoonDays,
      problemNumber: problems.number,
      position: measures.position,
      text: measures.text,
      status: measures.status,
      deadline: measures.deadline,
      deadlineText: measures.deadlineText,
      isLead: sql<boolean>`${measures.leadUnitId} = ${params.unitId}`.mapWith(Boolean),
      completedAt: completedAt.mapWith((v: number | null) => (v === null ? null : Number(v))),
    })
    .from(measures)
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .where(and(isNull(rounds.archivedAt), measureOfUnit(params.unitId)))
    .orderBy(sql`${overdue} desc`, sql`${measures.deadline} is null`, asc(measures.deadline), asc(rounds.id), asc(problems.number), asc(measures.position))
    .all();
}

export type UnitMeasureRow = ReturnType<typeof unitMeasures>[number];

/** Per reporting round, this cycle's window and the unit's open measures with no report in it. */
export function unitMissingReports(q: Queryable, params: { unitId: number; today: string }) {
  return reportingOverview(q, { today: params.today }).flatMap(({ round, window, units }) => {
    const mine = units.find((u) => u.unitId === params.unitId);
    return mine ? [{ roundId: round.id, roundName: round.name, cycle: window.label, start: window.start, end: window.end, ...mine }] : [];
  });
}

/** Everything /units/[id] shows. */
export function unitOverview(q: Queryable, params: { unitId: number; today: string }) {
  const rows = unitMeasures(q, params);
  return {
    measures: rows,
    onTime: onTimeRate(rows),
    missingReports: unitMissingReports(q, params),
    notices: listNotices(q, { unitIds: [params.unitId], today: params.today }),
  };
}
