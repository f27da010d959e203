import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../client";
import { rounds, supervisionNotices, units } from "../schema";

/** Supervision notices; `unitIds` limits them to a responsible unit's own (null = all). */
export function listNotices(q: Queryable, params: { unitIds: readonly number[] | null }) {
  const query = q
    .select({
      id: supervisionNotices.id,
      year: supervisionNotices.year,
      sequence: supervisionNotices.sequence,
      level: supervisionNotices.level,
      state: supervisionNotices.state,
      request: supervisionNotices.request,
      replyDeadline: supervisionNotices.replyDeadline,
      unitName: units.name,
      roundName: rounds.name,
    })
    .from(supervisionNotices)
    .innerJoin(units, eq(units.id, supervisionNotices.unitId))
    .innerJoin(rounds, eq(rounds.id, supervisionNotices.roundId))
    .orderBy(desc(supervisionNotices.year), desc(supervisionNotices.sequence));
  if (params.unitIds === null) return query.all();
  if (params.unitIds.length === 0) return [];
  return query.where(inArray(supervisionNotices.unitId, [...params.unitIds])).all();
}

export function noticeNumber(notice: { year: number; sequence: number }): string {
  return `督办〔${notice.year}〕${notice.sequence}号`;
}
