import "server-only";
import { db } from "@/db";
import * as notificationQueries from "@/db/queries/notifications";
import type { Actor } from "@/lib/permissions";

/**
 * Marks the actor's own notifications read; returns how many changed. Another user's ids
 * match nothing (the query filters by user), so they cannot be probed. Like every write it
 * leaves one audit row, written by the query in this transaction.
 */
export function markNotificationsRead(actor: Actor, target: { ids: readonly number[] } | { all: true }): number {
  return db.transaction((tx) => notificationQueries.markNotificationsRead(tx, { userId: actor.id, target }));
}
