import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { parseNoticeFilter } from "@/lib/validations/notice";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, problems, progressReports, rounds, units } from "../schema";
import { ageingBuckets, type AgeingBucket, type BurnUpPoint } from "@/lib/dashboard-figures";
import { whileUnchanged } from "./data-version";
import { burnUp } from "./dashboard-history";
import { listNotices } from "./notices";
import { roundSummary, type Counts } from "./summary";

// 驾驶舱: everything the dashboard shows, for one round or for all rounds in progress. The
// headline figures are roundSummary's (summed over rounds for "all"), so they always equal
// the summary API; every other count is made with the same conditions as the list it links
// to (measureConditions in measure-filter.ts), so a click lands on exactly those rows.

export interface RoundFigures {
  id: number;
  name: string;
  feedbackDate: string | null;
  problems: Counts;
  measures: Counts;
  overdue: number;
  dueSoon: number;
  pendingClaims: number;
  openNotices: number;
}

/** A bar of the completion chart: an aspect of a round, or (across rounds) a whole round. */
export interface CompletionGroup extends Counts {
  roundId: number;
  aspectId: number | null;
  label: string;
}

/** A responsible unit's measures (as lead or co-responsible unit, like the list's unit filter). */
export interface UnitStanding extends Counts {
  unitId: number;
  unitName: string;
  lead: number;
  overdue: number;
}

export interface DashboardData {
  /** null = 全部轮次 */
  roundId: number | null;
  title: string;
  today: string;
  /** When these figures were read (ms): the page shows it, react-query ages its cache by it. */
  generatedAt: number;
  rounds: RoundFigures[];
  totals: Omit<RoundFigures, "id" | "name" | "feedbackDate">;
  groups: CompletionGroup[];
  units: UnitStanding[];
  /** Empty when the rounds have no sign-off history yet (see burnUpSeries). */
  burnUp: BurnUpPoint[];
  ageing: AgeingBucket[];
}

const zero = (): Counts => ({ total: 0, completed: 0, basicallyCompleted: 0, incomplete: 0 });
const add = (a: Counts, b: Counts): Counts => ({
  total: a.total + b.total,
  completed: a.completed + b.completed,
  basicallyCompleted: a.basicallyCompleted + b.basicallyCompleted,
  incomplete: a.incomplete + b.incomplete,
});

/** Rounds a dashboard may show: those not archived (archiving hides a finished round). */
export function dashboardRounds(q: Queryable): readonly { id: number; name: string; feedbackDate: string | null }[] {
  // Read on every dashboard request (twice without ?round=): kept until the next write.
  return whileUnchanged(q, "dashboard-rounds", () =>
    q
      .select({ id: rounds.id, name: rounds.name, feedbackDate: rounds.feedbackDate })
      .from(rounds)
      .where(isNull(rounds.archivedAt))
      .orderBy(sql`${rounds.feedbackDate} desc`, asc(rounds.id))
      .all(),
  );
}

/**
 * Claims waiting for sign-off per round: the review queue's rows counted in one query (the
 * queue's joins only add columns), instead of reading every round's whole queue.
 */
function pendingClaimsByRound(q: Queryable, roundIds: readonly number[]): Map<number, number> {
  if (roundIds.length === 0) return new Map();
  const rows = q
    .select({ roundId: measures.roundId, n: sql<number>`count(*)` })
    .from(progressReports)
    .innerJoin(measures, eq(measures.id, progressReports.measureId))
    .where(and(eq(progressReports.isClaim, true), eq(progressReports.reviewState, "pending"), inArray(measures.roundId, [...roundIds])))
    .groupBy(measures.roundId)
    .all();
  return new Map(rows.map((r) => [r.roundId, r.n]));
}

function roundFigures(
  q: Queryable,
  round: { id: number; name: string; feedbackDate: string | null },
  today: string,
  pendingClaims: Map<number, number>,
): RoundFigures {
  const summary = roundSummary(q, { roundId: round.id, today })!;
  return {
    ...round,
    problems: summary.problems,
    measures: summary.measures,
    overdue: summary.overdue,
    dueSoon: summary.dueSoon,
    pendingClaims: pendingClaims.get(round.id) ?? 0,
    openNotices: listNotices(q, { unitIds: null, filter: parseNoticeFilter({ round: String(round.id), state: "open" }), today }).length,
  };
}

const statusSums = {
  total: sql<number>`count(*)`,
  completed: sql<number>`coalesce(sum(${measures.status} = 'completed'), 0)`,
  basicallyCompleted: sql<number>`coalesce(sum(${measures.status} = 'basically_completed'), 0)`,
  incomplete: sql<number>`coalesce(sum(${measures.status} = 'incomplete'), 0)`,
};

/** Measures per aspect and status: the bars link to `?aspect=&status=`, which counts measures. */
function aspectGroups(q: Queryable, roundId: number): CompletionGroup[] {
  return q
    .select({ aspectId: aspects.id, label: aspects.name, ...statusSums })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(aspects, eq(aspects.id, problems.aspectId))
    .where(eq(measures.roundId, roundId))
    .groupBy(aspects.id)
    .orderBy(asc(aspects.position), asc(aspects.id))
    .all()
    .map((g) => ({ ...g, roundId }));
}

/**
 * The "红黄绿" ranking: per unit, the measures it leads or shares (what `?unit=` lists),
 * most overdue first, then most unfinished, then by name.
 */
export function unitStandings(q: Queryable, params: { roundIds: readonly number[]; today: string }): UnitStanding[] {
  if (params.roundIds.length === 0) return [];
  const ids = sql.join(params.roundIds.map((id) => sql`${id}`), sql`, `);
  // One row per (measure, unit answering for it); a unit both leading and sharing counts once.
  const rows = q.all<UnitStanding>(sql`
    select u.id as unitId, u.name as unitName, count(*) as total,
      coalesce(sum(m.status = 'completed'), 0) as completed,
      coalesce(sum(m.status = 'basically_completed'), 0) as basicallyCompleted,
      coalesce(sum(m.status = 'incomplete'), 0) as incomplete,
      coalesce(sum(m.lead_unit_id = u.id), 0) as lead,
      coalesce(sum(m.status != 'completed' and m.deadline < ${params.today}), 0) as overdue
    from (
      select id as measure_id, lead_unit_id as unit_id from ${measures} where round_id in (${ids}) and lead_unit_id is not null
      union
      select c.measure_id, c.unit_id from ${measureCoUnits} c join ${measures} mm on mm.id = c.measure_id where mm.round_id in (${ids})
    ) o
    join ${measures} m on m.id = o.measure_id
    join ${units} u on u.id = o.unit_id
    group by u.id`);
  return rows
    .sort((a, b) => b.overdue - a.overdue || b.incomplete - a.incomplete || a.unitName.localeCompare(b.unitName, "zh-CN"));
}

/** Overdue measures per deadline, for the ageing chart (same condition as `?overdue=1`). */
function overdueDeadlines(q: Queryable, roundIds: readonly number[], today: string) {
  if (roundIds.length === 0) return [];
  return q
    .select({ deadline: sql<string>`${measures.deadline}`, n: sql<number>`count(*)` })
    .from(measures)
    .where(and(inArray(measures.roundId, [...roundIds]), ne(measures.status, "completed"), sql`${measures.deadline} < ${today}`))
    .groupBy(measures.deadline)
    .all();
}

/**
 * The dashboard of one round (`roundId`) or of all rounds in progress (`roundId: null`).
 * Undefined when the round does not exist or is archived.
 */
/**
 * Which rounds a dashboard reading may cover: null for every round in progress, else only
 * these (a reviewer's assigned rounds; see visibleRoundIds in lib/permissions.ts).
 */
export type DashboardScope = readonly number[] | null;

/** The rounds in progress that `scope` lets the dashboard show, newest feedback first. */
export function scopedDashboardRounds(q: Queryable, scope: DashboardScope = null) {
  const active = dashboardRounds(q);
  return scope === null ? active : active.filter((r) => scope.includes(r.id));
}

export function dashboardData(q: Queryable, params: { roundId: number | null; today: string; scope?: DashboardScope }): DashboardData | undefined {
  const active = scopedDashboardRounds(q, params.scope);
  const selected = params.roundId === null ? active : active.filter((r) => r.id === params.roundId);
  if (params.roundId !== null && selected.length === 0) return undefined;
  const pending = pendingClaimsByRound(q, selected.map((r) => r.id));
  const figures = selected.map((r) => roundFigures(q, r, params.today, pending));
  const totals = figures.reduce(
    (sum, r) => ({
      problems: add(sum.problems, r.problems),
      measures: add(sum.measures, r.measures),
      overdue: sum.overdue + r.overdue,
      dueSoon: sum.dueSoon + r.dueSoon,
      pendingClaims: sum.pendingClaims + r.pendingClaims,
      openNotices: sum.openNotices + r.openNotices,
    }),
    { problems: zero(), measures: zero(), overdue: 0, dueSoon: 0, pendingClaims: 0, openNotices: 0 },
  );
  const roundIds = selected.map((r) => r.id);
  // Aspects belong to one round; across rounds each round is one bar instead.
  const groups =
    params.roundId === null
      ? figures.map((r) => ({ roundId: r.id, aspectId: null, label: r.name, ...r.measures }))
      : aspectGroups(q, params.roundId);
  return {
    roundId: params.roundId,
    title: params.roundId === null ? "全部轮次" : selected[0]!.name,
    today: params.today,
    generatedAt: Date.now(),
    rounds: figures,
    totals,
    groups,
    units: unitStandings(q, { roundIds, today: params.today }),
    burnUp: burnUp(q, { roundIds, today: params.today }),
    ageing: ageingBuckets(overdueDeadlines(q, roundIds, params.today), params.today),
  };
}

/**
 * The `round` of /dashboard?round= and GET /api/v1/dashboard?round=: "all" for every round
 * in progress, a round id, or nothing for the newest round in progress (or all, if none).
 * Undefined for anything else, so the caller can answer 404.
 */
export function resolveDashboardRound(q: Queryable, raw: string | null | undefined, scope: DashboardScope = null): number | null | undefined {
  if (raw === "all") return null;
  if (raw === null || raw === undefined || raw === "") return scopedDashboardRounds(q, scope)[0]?.id ?? null;
  if (!/^[1-9]\d{0,9}$/.test(raw)) return undefined;
  return Number(raw);
}
