import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { notifications, users } from "../schema";

export interface NotificationInput {
  kind:
    | "assignment"
    | "claim_returned"
    | "claim_signed_off"
    | "notice_received"
    | "notice_replied"
    | "due_soon"
    | "overdue"
    | "report_missing"
    | "relapsed";
  title: string;
  body?: string;
  link?: string;
  /**
   * Makes the insert idempotent: the same key is stored once per user (the daily reminder
   * job runs twice without duplicates). Include whatever makes the event unique, e.g.
   * `due:7:measure:12:2026-11-21`.
   */
  dedupeKey: string;
}

/** Notifies users; returns how many notifications were new. */
export function notifyUsers(tx: Queryable, params: { userIds: readonly string[]; notification: NotificationInput }): number {
  let created = 0;
  const { notification: n } = params;
  for (const userId of new Set(params.userIds)) {
    const result = tx
      .insert(notifications)
      .values({ userId, kind: n.kind, title: n.title, body: n.body ?? "", link: n.link ?? null, dedupeKey: `${n.dedupeKey}:user:${userId}` })
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .run();
    created += result.changes;
  }
  return created;
}

/** Notifies every active account of a unit (the unit's liaison staff). */
export function notifyUnit(tx: Queryable, params: { unitId: number; notification: NotificationInput }): number {
  const userIds = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, params.unitId), eq(users.disabled, false)))
    .all()
    .map((u) => u.id);
  return notifyUsers(tx, { userIds, notification: params.notification });
}

export function unreadCount(q: Queryable, params: { userId: string }): number {
  return (
    q
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, params.userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export function listNotifications(q: Queryable, params: { userId: string; limit: number }) {
  return q
    .select()
    .from(notifications)
    .where(eq(notifications.userId, params.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(params.limit)
    .all();
}
