import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { addDays, formatISO, parseISO } from "date-fns";
import type { Queryable } from "../client";
import { measures, rounds } from "../schema";

/** Overdue and due-soon measure counts of a round on `today` (not yet 已完成). */
export function deadlineCounts(q: Queryable, params: { roundId: number; today: string }) {
  const round = q.select({ dueSoonDays: rounds.dueSoonDays }).from(rounds).where(eq(rounds.id, params.roundId)).get();
  const dueSoonEnd = formatISO(addDays(parseISO(params.today), round?.dueSoonDays ?? 7), { representation: "date" });
  const row = q
    .select({
      overdue: sql<number>`coalesce(sum(${measures.deadline} < ${params.today}), 0)`,
      dueSoon: sql<number>`coalesce(sum(${measures.deadline} between ${params.today} and ${dueSoonEnd}), 0)`,
    })
    .from(measures)
    .where(and(eq(measures.roundId, params.roundId), ne(measures.status, "completed")))
    .get();
  return { overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}
