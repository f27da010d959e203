import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../client";
import { roundReviewers, units, users } from "../schema";
import { recordAudit } from "./audit";

// Which rounds a superior office's reviewer (上级督导) may see, and who reviews a round.

export function reviewRoundIdsOf(q: Queryable, params: { userId: string }): number[] {
  return q
    .select({ roundId: roundReviewers.roundId })
    .from(roundReviewers)
    .where(eq(roundReviewers.userId, params.userId))
    .orderBy(asc(roundReviewers.roundId))
    .all()
    .map((r) => r.roundId);
}

/** Every reviewer account, with whether it reviews `roundId`: the choices of the assignment form. */
export function reviewerChoices(q: Queryable, params: { roundId: number }) {
  const assigned = new Set(reviewersOf(q, params).map((r) => r.id));
  return q
    .select({ id: users.id, name: users.name, username: users.username, unitName: units.name, disabled: users.disabled })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.role, "reviewer"))
    .orderBy(asc(units.name), asc(users.name))
    .all()
    .map((u) => ({ ...u, assigned: assigned.has(u.id) }));
}

export function reviewersOf(q: Queryable, params: { roundId: number }) {
  return q
    .select({ id: users.id, name: users.name, unitName: units.name })
    .from(roundReviewers)
    .innerJoin(users, eq(users.id, roundReviewers.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(roundReviewers.roundId, params.roundId))
    .orderBy(asc(users.name))
    .all();
}

/** Replaces a round's reviewers with `userIds` (reviewer accounts only; the caller checked). */
export function setRoundReviewers(tx: Queryable, params: { actorId: string; roundId: number; userIds: readonly string[] }): void {
  const before = reviewersOf(tx, { roundId: params.roundId }).map((r) => r.id);
  tx.delete(roundReviewers).where(eq(roundReviewers.roundId, params.roundId)).run();
  for (const userId of params.userIds) tx.insert(roundReviewers).values({ roundId: params.roundId, userId }).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "round.assign_reviewers",
    entity: "round",
    entityId: params.roundId,
    before: { reviewerIds: before },
    after: { reviewerIds: [...params.userIds] },
  });
}

/** Of `userIds`, those that are reviewer accounts. */
export function reviewerAccounts(q: Queryable, params: { userIds: readonly string[] }): string[] {
  if (params.userIds.length === 0) return [];
  return q
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...params.userIds]), eq(users.role, "reviewer")))
    .all()
    .map((u) => u.id);
}
