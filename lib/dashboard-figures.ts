import { addDays, differenceInCalendarDays, formatISO, parseISO } from "date-fns";
import type { Status } from "./domain";

// The dashboard's arithmetic, on rows already read: the burn-up series, overdue ageing and
// the on-time rate. The SQL that feeds them is in db/queries/dashboard-history.ts and
// db/queries/unit-overview.ts.

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
 * completed counts as completed from its entry.
 *
 * The chart runs from the first entry, not the feedback date: before a round was entered
 * (imported months after feedback, say) the system knows nothing, and a line flat at 0
 * that jumps on the import date read as "nothing was done until then". With no sign-off or
 * reopen at all there is no history, only the entry state, so there is no series (empty):
 * the dashboard says so instead of drawing a flat line. It runs to today, or to the last
 * event if that is later (tests run on a frozen today).
 */
export function burnUpSeries(params: { today: string; measures: readonly MeasureHistory[] }): BurnUpPoint[] {
  type Delta = { day: string; total: number; completed: number; basically: number };
  if (!params.measures.some((m) => m.events.length > 0)) return [];
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
  deltas.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const first = deltas[0]!.day;
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

export interface OnTimeRate {
  /** Completed measures with a deadline and a known sign-off date. */
  counted: number;
  /** Of those, signed off on or before the deadline (dates in China time). */
  onTime: number;
  /** Completed with a deadline but entered already completed: no sign-off date, left out. */
  unknown: number;
  rate: number | null;
}

/**
 * 按期完成率 = completed measures signed off on or before their deadline ÷ completed measures
 * with a deadline. The sign-off date is the day of the audit row that made the measure
 * 已完成 (the latest, if it was reopened and signed off again). Measures imported or seeded
 * as completed have no such row; they are counted apart (`unknown`) rather than guessed.
 */
export function onTimeRate(rows: readonly { status: Status; deadline: string | null; completedAt: number | null }[]): OnTimeRate {
  const done = rows.filter((r) => r.status === "completed" && r.deadline);
  const known = done.filter((r) => r.completedAt !== null);
  const onTime = known.filter((r) => chinaDate(r.completedAt!) <= r.deadline!).length;
  return { counted: known.length, onTime, unknown: done.length - known.length, rate: known.length ? onTime / known.length : null };
}
