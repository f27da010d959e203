import "server-only";
import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { enqueueWebhook, notificationText, webhookUrl } from "@/lib/delivery";
import type { NotificationInput } from "@/lib/notification";
import type { Queryable } from "../client";
import { notifications, users } from "../schema";
import { recordAudit } from "./audit";


/** Notifies users; returns how many notifications were new. */
export function notifyUsers(tx: Queryable, params: { userIds: readonly string[]; notification: NotificationInput }): number {
  const created: { id: number; dedupeKey: string }[] = [];
  const { notification: n } = params;
  for (const userId of new Set(params.userIds)) {
    const row = tx
      .insert(notifications)
      .values({ userId, kind: n.kind, title: n.title, body: n.body ?? "", link: n.link ?? null, dedupeKey: `${n.dedupeKey}:user:${userId}` })
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id, dedupeKey: notifications.dedupeKey })
      .get();
    if (row) created.push(row);
  }
  deliverAfterCommit(tx, created);
  return created.length;
}

/** Notifies every active account of a unit (the unit's liaison staff). */
export function notifyUnit(tx: Queryable, params: { unitId: number; notification: NotificationInput }): number {
  return notifyUnits(tx, { unitIds: [params.unitId], notification: params.notification });
}

/** Notifies every active account of several units (a measure's lead and co-responsible units) once. */
export function notifyUnits(tx: Queryable, params: { unitIds: readonly number[]; notification: NotificationInput }): number {
  if (params.unitIds.length === 0) return 0;
  const userIds = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.unitId, [...new Set(params.unitIds)]), eq(users.disabled, false)))
    .all()
    .map((u) => u.id);
  return notifyUsers(tx, { userIds, notification: params.notification });
}

/** Rows per INSERT in bulk notification: well under SQLite's limit on bound variables. */
const BULK_ROWS = 400;

/**
 * notifyUnits for many notifications at once, as the daily reminder job sends them: the
 * units' accounts are read in one query and the rows inserted a few hundred per statement.
 * Same dedupe keys and delivery as notifyUnits; returns how many were new for each item. At
 * province scale the job sends tens of thousands, and one query each stalled the server.
 */
export function notifyUnitsInBulk(tx: Queryable, items: readonly { unitIds: readonly number[]; notification: NotificationInput }[]): number[] {
  const usersOf = activeAccountsOfUnits(tx, items.flatMap((item) => item.unitIds));
  return notifyUsersInBulk(
    tx,
    items.map(({ unitIds, notification }) => ({ userIds: unitIds.flatMap((id) => (usersOf.get(id) ?? []).map((u) => u.userId)), notification })),
  );
}

/** The active accounts of each unit, read a few hundred units per query. */
export function activeAccountsOfUnits(tx: Queryable, unitIds: readonly number[]): Map<number, { userId: string; name: string }[]> {
  const ids = [...new Set(unitIds)];
  const usersOf = new Map<number, { userId: string; name: string }[]>();
  for (let i = 0; i < ids.length; i += BULK_ROWS) {
    const rows = tx
      .select({ id: users.id, name: users.name, unitId: users.unitId })
      .from(users)
      .where(and(inArray(users.unitId, ids.slice(i, i + BULK_ROWS)), eq(users.disabled, false)))
      .orderBy(users.name)
      .all();
    for (const row of rows) usersOf.set(row.unitId, [...(usersOf.get(row.unitId) ?? []), { userId: row.id, name: row.name }]);
  }
  return usersOf;
}

/** notifyUsers for many notifications at once; returns how many were new for each item. */
export function notifyUsersInBulk(tx: Queryable, items: readonly { userIds: readonly string[]; notification: NotificationInput }[]): number[] {
  const itemOfKey = new Map<string, number>();
  const rows: (typeof notifications.$inferInsert)[] = [];
  items.forEach(({ userIds, notification: n }, index) => {
    for (const userId of new Set(userIds)) {
      const dedupeKey = `${n.dedupeKey}:user:${userId}`;
      if (itemOfKey.has(dedupeKey)) continue;
      itemOfKey.set(dedupeKey, index);
      rows.push({ userId, kind: n.kind, title: n.title, body: n.body ?? "", link: n.link ?? null, dedupeKey });
    }
  });
  const created: { id: number; dedupeKey: string }[] = [];
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    created.push(
      ...tx
        .insert(notifications)
        .values(rows.slice(i, i + BULK_ROWS))
        .onConflictDoNothing({ target: notifications.dedupeKey })
        .returning({ id: notifications.id, dedupeKey: notifications.dedupeKey })
        .all(),
    );
  }
  deliverAfterCommit(tx, created);
  const counts = items.map(() => 0);
  for (const row of created) counts[itemOfKey.get(row.dedupeKey)!]! += 1;
  return counts;
}

/**
 * Hands new notifications to the webhook once the surrounding transaction has ended.
 * better-sqlite3 transactions are synchronous, so by the time setImmediate fires the
 * transaction has committed or rolled back; re-reading the rows (id and key must both
 * match) tells which, and a rolled-back notification is never pushed.
 */
function deliverAfterCommit(q: Queryable, created: { id: number; dedupeKey: string }[]): void {
  if (created.length === 0 || !webhookUrl()) return;
  const keyOf = new Map(created.map((c) => [c.id, c.dedupeKey]));
  setImmediate(() => {
    try {
      const rows = q
        .select({ id: notifications.id, dedupeKey: notifications.dedupeKey, title: notifications.title, body: notifications.body, link: notifications.link, recipient: users.name })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(inArray(notifications.id, [...keyOf.keys()]))
        .all()
        .filter((row) => keyOf.get(row.id) === row.dedupeKey);
      void enqueueWebhook(rows.map((row) => notificationText(row)));
    } catch (error) {
      console.error("[rectify] 通知推送准备失败", error);
    }
  });
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

/**
 * One user's notifications, newest first. The user filter is in the SQL: nobody can list
 * another user's notifications. `before` (an id) pages back through older ones.
 */
export function listNotifications(q: Queryable, params: { userId: string; limit: number; before?: number | null; unreadOnly?: boolean }) {
  return q
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, params.userId),
        params.before ? lt(notifications.id, params.before) : undefined,
        params.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(params.limit)
    .all();
}

/**
 * Marks the user's own notifications read: the listed ids, or all of them. Ids of other
 * users' notifications match nothing (the user filter is part of the update), so the
 * answer is the same whether such an id exists or not. One audit row per call.
 */
export function markNotificationsRead(
  tx: Queryable,
  params: { userId: string; target: { ids: readonly number[] } | { all: true }; now?: Date },
): number {
  const now = params.now ?? new Date();
  const ids = "ids" in params.target ? [...new Set(params.target.ids)] : null;
  const updated =
    ids && ids.length === 0
      ? 0
      : tx
          .update(notifications)
          .set({ readAt: now })
          .where(and(eq(notifications.userId, params.userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
          .run().changes;
  recordAudit(tx, {
    actorId: params.userId,
    action: ids ? "notification.read" : "notification.read_all",
    entity: "notification",
    entityId: ids?.length === 1 ? ids[0]! : ids ? ids.join(",").slice(0, 200) : "all",
    after: { ids: ids ?? "all", updated },
  });
  return updated;
}
