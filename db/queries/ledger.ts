import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { tallyStatuses } from "@/lib/status";
import type { ListFilter } from "@/lib/validations/list-filter";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measureIndicators, measures, problems, progressReports, rounds, units } from "../schema";
import { measureConditions, measureOrder } from "./measure-filter";
import { outer } from "./sql";

const coUnitNames = sql<string | null>`(
  select group_concat(u.name, '、') from ${measureCoUnits} mc join ${units} u on u.id = mc.unit_id
  where mc.measure_id = ${outer(measures.id)})`;

const latestReport = (column: "text" | "report_date" | "review_state") =>
  sql`(select pr.${sql.identifier(column)} from ${progressReports} pr where pr.measure_id = ${outer(measures.id)}
    order by pr.report_date desc, pr.id desc limit 1)`;

const ledgerColumns = {
  id: measures.id,
  aspectId: aspects.id,
  aspectPosition: aspects.position,
  aspectName: aspects.name,
  problemId: problems.id,
  problemNumber: problems.number,
  problemTitle: problems.title,
  problemStatus: problems.status,
  leadLeader: problems.leadLeader,
  position: measures.position,
  text: measures.text,
  goal: measures.goal,
  leadUnitId: measures.leadUnitId,
  leadUnitName: units.name,
  coUnitNames,
  deadline: measures.deadline,
  deadlineKind: measures.deadlineKind,
  deadlineText: measures.deadlineText,
  category: measures.category,
  status: measures.status,
  version: measures.version,
  latestProgress: sql<string | null>`${latestReport("text")}`,
  latestReportDate: sql<string | null>`${latestReport("report_date")}`,
  latestReviewState: sql<"pending" | "signed_off" | "returned" | null>`${latestReport("review_state")}`,
  // 量化指标 (null when the measure has none). A snapshot stored before they existed lacks them.
  indicatorName: measureIndicators.name,
  indicatorUnit: measureIndicators.unit,
  indicatorDirection: measureIndicators.direction,
  indicatorBaseline: measureIndicators.baseline,
  indicatorTarget: measureIndicators.target,
  indicatorActual: measureIndicators.actual,
};

function baseQuery(q: Queryable) {
  return q
    .select(ledgerColumns)
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .leftJoin(measureIndicators, eq(measureIndicators.measureId, measures.id));
}

interface LedgerParams {
  roundId: number;
  filter: ListFilter;
  today: string;
}

function dueSoonDaysOf(q: Queryable, roundId: number): number {
  return q.select({ d: rounds.dueSoonDays }).from(rounds).where(eq(rounds.id, roundId)).get()?.d ?? 7;
}

/**
 * 整改台账 (and the measure lists): one row per measure, filtered and sorted, one page at a
 * time, with the status counts of everything the filter matches (the counts at the top).
 */
export function ledgerPage(q: Queryable, params: LedgerParams & { pageSize: number }) {
  const where = measureConditions({ ...params, dueSoonDays: dueSoonDaysOf(q, params.roundId) });
  const countRows = q
    .select({ status: measures.status, n: sql<number>`count(*)` })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .where(where)
    .groupBy(measures.status)
    .all();
  const counts = tallyStatuses(countRows);
  const pages = Math.max(1, Math.ceil(counts.total / params.pageSize));
  const page = Math.min(params.filter.page ?? 1, pages);
  // The page's ids first, then its columns: SQLite computes the select list (latest
  // progress, co-units: correlated sub-selects) for every row it sorts, so selecting them
  // with the sort cost that for all of a unit's hundreds of rows instead of one page's.
  const ids = q
    .select({ id: measures.id })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(where)
    .orderBy(...measureOrder(params.filter))
    .limit(params.pageSize)
    .offset((page - 1) * params.pageSize)
    .all()
    .map((r) => r.id);
  const rows = ids.length === 0 ? [] : baseQuery(q).where(inArray(measures.id, ids)).orderBy(...measureOrder(params.filter)).all();
  return { rows, counts, page, pages };
}

/** Every row the filter matches, in order: for export and printing. */
export function ledgerRows(q: Queryable, params: LedgerParams) {
  const where = measureConditions({ ...params, dueSoonDays: dueSoonDaysOf(q, params.roundId) });
  return baseQuery(q).where(where).orderBy(...measureOrder(params.filter)).all();
}

export type LedgerRow = ReturnType<typeof ledgerRows>[number];
