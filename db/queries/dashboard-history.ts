import "server-only";
import { addDays, differenceInCalendarDays, formatISO, parseISO } from "date-fns";
import { sql } from "drizzle-orm";
import type { Status } from "@/lib/domain";
import type { Queryable } from "../client";
import { auditLog, measures } from "../schema";

// The dashboard's history: the burn-up (completed vs total since the feedback date), read
// from the audit log so it is what happened rather than an estimate, and overdue ageing.

export interface BurnUpPoint {
  date: string;
  total: number;
  completed: number;
  /** 已完成 + 基本完成 */
  completedOrBasically: number;
}

export interface AgeingBucket {
  label: string;
  /** Days overdue, inclusive; maxDays null = no upper bound. */
  minDays: number;
  maxDays: number | null;
  /** The deadline range of the bucket, for the list's `from`/`to` filter. */
  from: string | null;
  to: string;
  count: number;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar day of an instant in China, where the offices are. China has kept UTC+8
 * without daylight saving since 1991, so plain arithmetic is exact, and it matters: the
 * burn-up calls this for every measure and sign-off, and building an Intl formatter per
 * call made a province-wide dashboard take 19 s.
 */
export function chinaDate(at: Date | number): string {
  return new Date(+at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const iso = (d: Date) => formatISO(d, { representation: "date" });

export interface MeasureHistory {
  createdAt: number;
  status: Status;
  /** Official status changes (sign-off, reopen), oldest first. */
  events: { at: number; before: Status; after: Status }[];
}

/** At most this many points: a multi-year round is sampled, not drawn day by day. */
const MAX_POINTS = 60;

/**
 * Pure part of the burn-up. A measure counts in the total from when it was entered
 * (import, seed or hand entry). Its status at entry is the `before` of its first status
 * event, or, with no events, its current status: a measure imported or seeded already
 * completed counts as completed from its entry. The chart runs from `since` (the feedback
 * date) to today, or to the last event if that is later (tests run on a frozen today).
 */
export function burnUpSeries(params: { since: string | null; today: string; measures: readonly MeasureHistory[] }): BurnUpPoint[] {
  type Delta = { day: string; total: number; completed: number; basically: number };
  const deltas: Delta[] = [];
  const weight = (s: Status) => ({ completed: s === "completed" ? 1 : 0, basically: s === "basically_completed" ? 1 : 0 });
  for (const m of params.measures) {
    const initial = m.events[0]?.before ?? m.status;
    deltas.push({ day: chinaDate(m.createdAt), total: 1, ...weight(initial) });
    for (const e of m.events) {
      const before = weight(e.before);
      const after = weight(e.after);
      deltas.push({ day: chinaDate(e.at), total: 0, completed: after.completed - before.completed, basically: after.basically - before.basically });
    }
  }
  if (deltas.length === 0) return [];
  deltas.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const first = [params.since, deltas[0]!.day].filter((d): d is string => !!d).sort()[0]!;
  const last = [params.today, deltas.at(-1)!.day].sort().at(-1)!;
  const span = differenceInCalendarDays(parseISO(last), parseISO(first));
  const days = new Set<string>();
  for (let i = 0; i < MAX_POINTS; i++) days.add(iso(addDays(parseISO(first), Math.round((i * span) / (MAX_POINTS - 1)))));
  const points: BurnUpPoint[] = [];
  let total = 0;
  let completed = 0;
  let basically = 0;
  let next = 0;
  for (const day of [...days].sort()) {
    // State at the end of `day`.
    while (next < deltas.length && deltas[next]!.day <= day) {
      total += deltas[next]!.total;
      completed += deltas[next]!.completed;
      basically += deltas[next]!.basically;
      next++;
    }
    points.push({ date: day, total, completed, completedOrBasically: completed + basically });
  }
  return points;
}

/** The burn-up of some rounds, from their measures and the sign-off / reopen audit rows. */
export function burnUp(q: Queryable, params: { roundIds: readonly number[]; since: string | null; today: string }): BurnUpPoint[] {
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
    since: params.since,
    today: params.today,
    measures: rows.map((r) => ({ createdAt: r.createdAt, status: r.status, events: byMeasure.get(r.id) ?? [] })),
  });
}

const BUCKETS: { label: string; minDays: number; maxDays: number | null }[] = [
  { label: "0–7天", minDays: 1, maxDays: 7 },
  { label: "8–30天", minDays: 8, maxDays: 30 },
  { label: "31–90天", minDays: 31, maxDays: 90 },
  { label: "90天以上", minDays: 91, maxDays: null },
];

/**
 * Overdue ageing. An overdue measure's deadline is before today, so it is at least one day
 * late; "0–7" is the offices' name for the first week. Each bucket carries the deadline
 * range that selects it, so `?overdue=1&from=&to=` lists exactly its measures.
 */
export function ageingBuckets(overdue: readonly { deadline: string; n: number }[], today: string): AgeingBucket[] {
  const day = parseISO(today);
  return BUCKETS.map((b) => {
    const count = overdue
      .filter((o) => {
        const late = differenceInCalendarDays(day, parseISO(o.deadline));
        return late >= b.minDays && (b.maxDays === null || late <= b.maxDays);
      })
      .reduce((sum, o) => sum + o.n, 0);
    return {
      ...b,
      from: b.maxDays === null ? null : iso(addDays(day, -b.maxDays)),
      to: iso(addDays(day, -b.minDays)),
      count,
    };
  });
}
