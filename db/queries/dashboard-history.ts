import "server-only";
import { sql } from "drizzle-orm";
import { burnUpSeries, type BurnUpPoint, type MeasureHistory } from "@/lib/dashboard-figures";
import type { Status } from "@/lib/domain";
import type { Queryable } from "../client";
import { auditLog, measures } from "../schema";

// The dashboard's history: the burn-up (completed vs total since the measures were entered),
// read from the audit log so it is what happened rather than an estimate; empty when the
// rounds have no sign-off or reopen yet (imported or seeded, nothing reviewed here). The arithmetic on
// the rows is lib/dashboard-figures.ts.

/** The burn-up of some rounds, from their measures and the sign-off / reopen audit rows. */
export function burnUp(q: Queryable, params: { roundIds: readonly number[]; today: string }): BurnUpPoint[] {
  if (params.roundIds.length === 0) return [];
  const ids = sql.join(params.roundIds.map((id) => sql`${id}`), sql`, `);
  const rows = q.all<{ id: number; createdAt: number; status: Status }>(
    sql`select id, created_at as createdAt, status from ${measures} where round_id in (${ids})`,
  );
  const events = q.all<{ measureId: string; at: number; before: Status | null; after: Status | null }>(sql`
    select entity_id as measureId, created_at as at,
      json_extract(before, '$.status') as before, json_extract(after, '$.status') as after
    from ${auditLog}
    where entity = 'measure' and action in ('measure.sign_off', 'measure.reopen')
      and entity_id in (select cast(id as text) from ${measures} where round_id in (${ids}))
    order by id`);
  const byMeasure = new Map<number, MeasureHistory["events"]>();
  for (const e of events) {
    if (!e.before || !e.after) continue;
    const list = byMeasure.get(Number(e.measureId)) ?? [];
    list.push({ at: e.at, before: e.before, after: e.after });
    byMeasure.set(Number(e.measureId), list);
  }
  return burnUpSeries({
    today: params.today,
    measures: rows.map((r) => ({ createdAt: r.createdAt, status: r.status, events: byMeasure.get(r.id) ?? [] })),
  });
}
