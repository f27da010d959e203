import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { addDays, formatISO, parseISO } from "date-fns";
import type { Queryable } from "../client";
import { aspects, measures, problems, rounds } from "../schema";
import { whileUnchanged } from "./data-version";

export interface Counts {
  total: number;
  completed: number;
  basicallyCompleted: number;
  incomplete: number;
}

/** The figures of one round, exactly as the CLI, the API and the UI report them. */
export interface RoundSummary {
  roundId: number;
  problems: Counts;
  measures: Counts;
  overdue: number;
  dueSoon: number;
  aspects: ({ name: string } & Counts)[];
}

const countColumns = (
  status: typeof problems.status | typeof measures.status,
  id: typeof problems.id | typeof measures.id,
) => ({
  total: sql<number>`count(${id})`,
  completed: sql<number>`coalesce(sum(${status} = 'completed'), 0)`,
  basicallyCompleted: sql<number>`coalesce(sum(${status} = 'basically_completed'), 0)`,
  incomplete: sql<number>`coalesce(sum(${status} = 'incomplete'), 0)`,
});

/**
 * One aggregate per figure, all driven by the (round_id, status) indexes. Overdue and due
 * soon count measures not yet 已完成 whose deadline is before today / within the round's
 * due-soon window (today inclusive).
 */
export function roundSummary(q: Queryable, params: { roundId: number; today: string }): RoundSummary | undefined {
  const round = q.select({ id: rounds.id, dueSoonDays: rounds.dueSoonDays }).from(rounds).where(eq(rounds.id, params.roundId)).get();
  if (!round) return undefined;
  const dueSoonEnd = formatISO(addDays(parseISO(params.today), round.dueSoonDays), { representation: "date" });
  const problemCounts = q.select(countColumns(problems.status, problems.id)).from(problems).where(eq(problems.roundId, round.id)).get()!;
  const measureCounts = q
    .select({
      ...countColumns(measures.status, measures.id),
      overdue: sql<number>`coalesce(sum(${measures.status} != 'completed' and ${measures.deadline} < ${params.today}), 0)`,
      dueSoon: sql<number>`coalesce(sum(${measures.status} != 'completed' and ${measures.deadline} between ${params.today} and ${dueSoonEnd}), 0)`,
    })
    .from(measures)
    .where(eq(measures.roundId, round.id))
    .get()!;
  const aspectCounts = q
    .select({ name: aspects.name, ...countColumns(problems.status, problems.id) })
    .from(aspects)
    .leftJoin(problems, eq(problems.aspectId, aspects.id))
    .where(eq(aspects.roundId, round.id))
    .groupBy(aspects.id)
    .orderBy(asc(aspects.position), asc(aspects.id))
    .all();
  const { overdue, dueSoon, ...measureTotals } = measureCounts;
  return {
    roundId: round.id,
    problems: problemCounts,
    measures: measureTotals,
    overdue,
    dueSoon,
    aspects: aspectCounts,
  };
}

/**
 * roundSummary, read once per change of the database: the API, the round pages and every
 * dashboard ask for the same figures far more often than they change. Exact, never stale.
 */
export function roundSummaryWhileUnchanged(q: Queryable, params: { roundId: number; today: string }): RoundSummary | undefined {
  return whileUnchanged(q, `roundSummary:${params.roundId}:${params.today}`, () => roundSummary(q, params));
}
