import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { nextReproofDate, reproofState } from "@/lib/reproof";
import type { Queryable } from "../client";
import { measures, progressReports, rounds, units } from "../schema";

// 并长期坚持: a measure with an ongoing deadline, once signed off, proves itself again every
// interval the office set for it (quarterly unless changed: lib/reproof.ts). The last proof is the report date of its latest claim
// the office signed off, so the unit's next 已完成 report with evidence, once accepted, moves
// the next due date without anything else to keep in step.

// Spelled out with table names: in a one-table select drizzle leaves columns unqualified,
// and a bare "id" inside the subquery would name the report's own id.
const lastProof = sql<string | null>`(select max(pr.report_date) from ${progressReports} pr
  where pr.measure_id = "measures"."id" and pr.is_claim = 1 and pr.review_state = 'signed_off')`;

/** The signed-off long-term measures of open rounds (of `unitIds`' lead, null: all) with their next proof and its state on `today`. */
export function longTermMeasures(q: Queryable, params: { today: string; unitIds: readonly number[] | null }) {
  const rows = q
    .select({
      id: measures.id,
      text: measures.text,
      roundId: rounds.id,
      roundName: rounds.name,
      dueSoonDays: rounds.dueSoonDays,
      leadUnitId: measures.leadUnitId,
      leadUnitName: units.name,
      interval: measures.reproofInterval,
      lastProof,
    })
    .from(measures)
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(
      and(
        eq(measures.deadlineKind, "ongoing"),
        eq(measures.status, "completed"),
        isNull(rounds.archivedAt),
        params.unitIds === null ? undefined : inArray(measures.leadUnitId, [...params.unitIds]),
      ),
    )
    .all();
  return rows.map((r) => {
    const nextDue = nextReproofDate(r.lastProof, r.interval);
    return { ...r, nextDue, state: reproofState({ nextDue, today: params.today, dueSoonDays: r.dueSoonDays }) };
  });
}

/** Those of them whose proof is due or due soon on `today`, the earliest first. */
export function reproofsDue(q: Queryable, params: { today: string; unitIds: readonly number[] | null }) {
  return longTermMeasures(q, params)
    .filter((r) => r.state === "due" || r.state === "due_soon")
    .sort((a, b) => (a.nextDue! < b.nextDue! ? -1 : a.nextDue! > b.nextDue! ? 1 : a.id - b.id));
}

export type DueReproof = ReturnType<typeof reproofsDue>[number];

/** One measure's standing: its last accepted proof and the next due, for the measure page. */
export function measureReproof(q: Queryable, params: { measureId: number; today: string; dueSoonDays: number }) {
  const row = q
    .select({ kind: measures.deadlineKind, status: measures.status, interval: measures.reproofInterval, lastProof })
    .from(measures)
    .where(eq(measures.id, params.measureId))
    .get();
  if (!row || row.kind !== "ongoing" || row.status !== "completed") return null;
  const nextDue = nextReproofDate(row.lastProof, row.interval);
  return { lastProof: row.lastProof, interval: row.interval, nextDue, state: reproofState({ nextDue, today: params.today, dueSoonDays: params.dueSoonDays }) };
}
