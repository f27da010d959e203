import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, max, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { NoticeFilter } from "@/lib/validations/notice";
import type { Queryable } from "../client";
import { measures, problems, rounds, supervisionNoticeMeasures, supervisionNotices, units, users } from "../schema";
import { measureOfUnit } from "./measure-filter";
import { outer } from "./sql";

// Reads of 督办单. Every list takes `unitIds`: the units the reader may see (a responsible
// unit's scope), or null for the office and leaders. The filter is in the SQL, so a unit
// never reads another unit's notice. Writes are in notice-writes.ts.

export { noticeNumber } from "@/lib/notice";

type UnitIds = readonly number[] | null;

function scoped(unitIds: UnitIds): SQL | undefined {
  return unitIds === null ? undefined : inArray(supervisionNotices.unitId, [...unitIds]);
}

const listColumns = {
  id: supervisionNotices.id,
  year: supervisionNotices.year,
  sequence: supervisionNotices.sequence,
  level: supervisionNotices.level,
  state: supervisionNotices.state,
  request: supervisionNotices.request,
  replyDeadline: supervisionNotices.replyDeadline,
  createdAt: supervisionNotices.createdAt,
  repliedAt: supervisionNotices.repliedAt,
  closedAt: supervisionNotices.closedAt,
  unitId: supervisionNotices.unitId,
  unitName: units.name,
  roundId: supervisionNotices.roundId,
  roundName: rounds.name,
  measureCount: sql<number>`(select count(*) from ${supervisionNoticeMeasures} where ${supervisionNoticeMeasures.noticeId} = ${outer(supervisionNotices.id)})`,
};

/** The notice lists (/notices and GET /api/v1/notices), newest number first. */
export function listNotices(q: Queryable, params: { unitIds: UnitIds; filter?: NoticeFilter; today: string }) {
  if (params.unitIds !== null && params.unitIds.length === 0) return [];
  const f = params.filter;
  const where = and(
    scoped(params.unitIds),
    f?.round ? eq(supervisionNotices.roundId, f.round) : undefined,
    f?.unit ? eq(supervisionNotices.unitId, f.unit) : undefined,
    f?.state ? eq(supervisionNotices.state, f.state) : undefined,
    f?.overdue ? and(eq(supervisionNotices.state, "open"), lt(supervisionNotices.replyDeadline, params.today)) : undefined,
  );
  return q
    .select(listColumns)
    .from(supervisionNotices)
    .innerJoin(units, eq(units.id, supervisionNotices.unitId))
    .innerJoin(rounds, eq(rounds.id, supervisionNotices.roundId))
    .where(where)
    .orderBy(desc(supervisionNotices.year), desc(supervisionNotices.sequence))
    .all();
}

export type NoticeListRow = ReturnType<typeof listNotices>[number];

/** The notices that name one measure (shown on the measure's page), within the reader's scope. */
export function listNoticesForMeasure(q: Queryable, params: { measureId: number; unitIds: UnitIds }) {
  if (params.unitIds !== null && params.unitIds.length === 0) return [];
  return q
    .select(listColumns)
    .from(supervisionNotices)
    .innerJoin(units, eq(units.id, supervisionNotices.unitId))
    .innerJoin(rounds, eq(rounds.id, supervisionNotices.roundId))
    .innerJoin(supervisionNoticeMeasures, eq(supervisionNoticeMeasures.noticeId, supervisionNotices.id))
    .where(and(eq(supervisionNoticeMeasures.measureId, params.measureId), scoped(params.unitIds)))
    .orderBy(desc(supervisionNotices.year), desc(supervisionNotices.sequence))
    .all();
}

const issuer = alias(users, "issuer");
const replier = alias(users, "replier");
const closer = alias(users, "closer");

/**
 * One notice with everything its page shows. The caller checks `ownership` against the
 * reader (a unit user asking for another unit's notice gets 404).
 */
export function getNotice(q: Queryable, params: { id: number }) {
  const row = q
    .select({
      notice: supervisionNotices,
      unitName: units.name,
      roundName: rounds.name,
      issuedByName: issuer.name,
      repliedByName: replier.name,
      closedByName: closer.name,
    })
    .from(supervisionNotices)
    .innerJoin(units, eq(units.id, supervisionNotices.unitId))
    .innerJoin(rounds, eq(rounds.id, supervisionNotices.roundId))
    .innerJoin(issuer, eq(issuer.id, supervisionNotices.issuedById))
    .leftJoin(replier, eq(replier.id, supervisionNotices.repliedById))
    .leftJoin(closer, eq(closer.id, supervisionNotices.closedById))
    .where(eq(supervisionNotices.id, params.id))
    .get();
  if (!row) return undefined;
  const noticeMeasures = q
    .select({
      id: measures.id,
      text: measures.text,
      status: measures.status,
      deadline: measures.deadline,
      problemNumber: problems.number,
      position: measures.position,
    })
    .from(supervisionNoticeMeasures)
    .innerJoin(measures, eq(measures.id, supervisionNoticeMeasures.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .where(eq(supervisionNoticeMeasures.noticeId, params.id))
    .orderBy(asc(problems.number), asc(measures.position))
    .all();
  return { ...row, measures: noticeMeasures, ownership: { unitIds: [row.notice.unitId] } };
}

export type NoticeDetail = NonNullable<ReturnType<typeof getNotice>>;

// ── options for the issue form and the list filters ─────────────────────

/** Rounds a notice may be issued in: archived rounds are finished business. */
export function openRoundOptions(q: Queryable) {
  return q.select({ id: rounds.id, name: rounds.name }).from(rounds).where(isNull(rounds.archivedAt)).orderBy(desc(rounds.id)).all();
}

/** Rounds and units that have notices, for the office's list filters. */
export function noticeFilterOptions(q: Queryable) {
  const roundOptions = q
    .selectDistinct({ id: rounds.id, name: rounds.name })
    .from(rounds)
    .innerJoin(supervisionNotices, eq(supervisionNotices.roundId, rounds.id))
    .orderBy(desc(rounds.id))
    .all();
  const unitOptions = q
    .selectDistinct({ id: units.id, name: units.name })
    .from(units)
    .innerJoin(supervisionNotices, eq(supervisionNotices.unitId, units.id))
    .orderBy(asc(units.name))
    .all();
  return { rounds: roundOptions, units: unitOptions };
}

/** The measures a unit answers for (lead or co-responsible) in a round, in plan order. */
export function unitMeasuresInRound(q: Queryable, params: { roundId: number; unitId: number }) {
  return q
    .select({
      id: measures.id,
      text: measures.text,
      status: measures.status,
      deadline: measures.deadline,
      isLead: sql<boolean>`${measures.leadUnitId} = ${params.unitId}`.mapWith(Boolean),
      problemNumber: problems.number,
    })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .where(and(eq(measures.roundId, params.roundId), measureOfUnit(params.unitId)))
    .orderBy(asc(problems.number), asc(measures.position))
    .all();
}

/** The next number of the year: max + 1. Call it inside the transaction that inserts. */
export function nextNoticeSequence(q: Queryable, params: { year: number }): number {
  const row = q
    .select({ last: max(supervisionNotices.sequence) })
    .from(supervisionNotices)
    .where(eq(supervisionNotices.year, params.year))
    .get();
  return (row?.last ?? 0) + 1;
}
