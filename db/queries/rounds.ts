import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Status } from "@/lib/domain";
import { countStatuses, type StatusCounts } from "@/lib/status";
import type { Queryable } from "../client";
import { measures, problems, rounds, type Round } from "../schema";

export interface RoundWithCounts extends Round {
  problemCounts: StatusCounts;
  measureCounts: StatusCounts;
}

function countsByRound(q: Queryable, table: typeof problems | typeof measures) {
  const rows = q
    .select({ roundId: table.roundId, status: table.status, n: sql<number>`count(*)` })
    .from(table)
    .groupBy(table.roundId, table.status)
    .all();
  const byRound = new Map<number, Status[]>();
  for (const row of rows) {
    const list = byRound.get(row.roundId) ?? [];
    for (let i = 0; i < row.n; i++) list.push(row.status);
    byRound.set(row.roundId, list);
  }
  return (roundId: number) => countStatuses(byRound.get(roundId) ?? []);
}

/** Every round, newest feedback first, with problem and measure counts per status. */
export function listRoundsWithCounts(q: Queryable): RoundWithCounts[] {
  const problemCounts = countsByRound(q, problems);
  const measureCounts = countsByRound(q, measures);
  return q
    .select()
    .from(rounds)
    .orderBy(sql`${rounds.archivedAt} is not null`, sql`${rounds.feedbackDate} desc`, asc(rounds.id))
    .all()
    .map((round) => ({
      ...round,
      problemCounts: problemCounts(round.id),
      measureCounts: measureCounts(round.id),
    }));
}

export function getRound(q: Queryable, params: { id: number }): Round | undefined {
  return q.select().from(rounds).where(eq(rounds.id, params.id)).get();
}
