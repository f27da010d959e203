import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Status } from "@/lib/domain";
import { countStatuses, type StatusCounts } from "@/lib/status";
import { splitRoundInput, type RoundInput } from "@/lib/validations/round";
import type { Queryable } from "../client";
import { measures, problems, rounds, type Round } from "../schema";
import { recordAudit } from "./audit";
import { whileUnchanged } from "./data-version";
import { saveThresholds, thresholdsOf } from "./escalation-thresholds";

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

/** listRoundsWithCounts, read once per change of the database (the rounds API and every page that lists rounds). */
export function listRoundsWithCountsWhileUnchanged(q: Queryable): RoundWithCounts[] {
  return whileUnchanged(q, "listRoundsWithCounts", () => listRoundsWithCounts(q));
}

export function getRound(q: Queryable, params: { id: number }): Round | undefined {
  return q.select().from(rounds).where(eq(rounds.id, params.id)).get();
}

export function findRoundByName(q: Queryable, params: { name: string }): Round | undefined {
  return q.select().from(rounds).where(eq(rounds.name, params.name)).get();
}

/** A new round; its escalation ladder is written when the input sets one (the form does). */
export function createRound(tx: Queryable, params: { actorId: string | null; input: RoundInput }): Round {
  const { round, escalation } = splitRoundInput(params.input);
  const created = tx.insert(rounds).values(round).returning().get();
  if (escalation) saveThresholds(tx, { roundId: created.id, thresholds: escalation });
  const after = escalation ? { ...created, escalation } : created;
  recordAudit(tx, { actorId: params.actorId, action: "round.create", entity: "round", entityId: created.id, after });
  return created;
}

export function updateRound(
  tx: Queryable,
  params: { actorId: string; roundId: number; input: RoundInput },
): Round | undefined {
  const before = getRound(tx, { id: params.roundId });
  if (!before) return undefined;
  const { round, escalation } = splitRoundInput(params.input);
  const after = tx.update(rounds).set(round).where(eq(rounds.id, params.roundId)).returning().get();
  // The ladder is part of the round as the office edits it: one audit row says both.
  const ladderBefore = escalation ? thresholdsOf(tx, { roundId: after.id }) : null;
  if (escalation) saveThresholds(tx, { roundId: after.id, thresholds: escalation });
  recordAudit(tx, {
    actorId: params.actorId,
    action: "round.update",
    entity: "round",
    entityId: after.id,
    before: ladderBefore ? { ...before, escalation: ladderBefore } : before,
    after: escalation ? { ...after, escalation } : after,
  });
  return after;
}

/** Archiving hides a finished round from inboxes and dashboards; nothing is deleted. */
export function setRoundArchived(
  tx: Queryable,
  params: { actorId: string; roundId: number; archived: boolean },
): Round | undefined {
  const before = getRound(tx, { id: params.roundId });
  if (!before) return undefined;
  const after = tx
    .update(rounds)
    .set({ archivedAt: params.archived ? new Date() : null })
    .where(eq(rounds.id, params.roundId))
    .returning()
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.archived ? "round.archive" : "round.unarchive",
    entity: "round",
    entityId: after.id,
    before: { archivedAt: before.archivedAt },
    after: { archivedAt: after.archivedAt },
  });
  return after;
}

/**
 * Whether a round's measures reach the responsible units: always, unless the round waits
 * for the superior office to approve its plan (rounds.units_see_unapproved_plan off).
 */
export const roundOpenToUnits = sql<boolean>`(${rounds.unitsSeeUnapprovedPlan} = 1 or ${rounds.planApprovedAt} is not null)`.mapWith(Boolean);

/** The round setting of plan review: may units see their tasks before the plan is approved? */
export function setUnitsSeeUnapprovedPlan(tx: Queryable, params: { actorId: string; roundId: number; value: boolean }): Round | undefined {
  const before = getRound(tx, { id: params.roundId });
  if (!before) return undefined;
  const after = tx.update(rounds).set({ unitsSeeUnapprovedPlan: params.value }).where(eq(rounds.id, params.roundId)).returning().get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "round.update",
    entity: "round",
    entityId: after.id,
    before: { unitsSeeUnapprovedPlan: before.unitsSeeUnapprovedPlan },
    after: { unitsSeeUnapprovedPlan: after.unitsSeeUnapprovedPlan },
  });
  return after;
}
