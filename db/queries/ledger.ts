import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, problems, units } from "../schema";

/**
 * 整改台账: one row per measure, in plan order, with the latest progress and whether the
 * latest claim has been signed off (销号情况).
 */
export function ledgerRows(q: Queryable, params: { roundId: number }) {
  const coUnitNames = sql<string | null>`(
    select group_concat(u.name, '、') from ${measureCoUnits} mc join ${units} u on u.id = mc.unit_id
    where mc.measure_id = ${measures.id})`;
  const latest = (column: string) =>
    sql.raw(`(select pr.${column} from progress_reports pr where pr.measure_id = "measures"."id"
      order by pr.report_date desc, pr.id desc limit 1)`);
  return q
    .select({
      id: measures.id,
      aspectPosition: aspects.position,
      aspectName: aspects.name,
      problemNumber: problems.number,
      problemTitle: problems.title,
      leadLeader: problems.leadLeader,
      position: measures.position,
      text: measures.text,
      leadUnitName: units.name,
      coUnitNames,
      deadline: measures.deadline,
      deadlineText: measures.deadlineText,
      status: measures.status,
      latestProgress: sql<string | null>`${latest("text")}`,
      latestReviewState: sql<"pending" | "signed_off" | "returned" | null>`${latest("review_state")}`,
    })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(eq(measures.roundId, params.roundId))
    .orderBy(asc(aspects.position), asc(problems.number), asc(measures.position))
    .all();
}

export type LedgerRow = ReturnType<typeof ledgerRows>[number];
