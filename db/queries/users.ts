import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, ne, sql, type SQLWrapper } from "drizzle-orm";
import type { Queryable } from "../client";
import { accounts, sessions, units, users } from "../schema";
import { recordAudit } from "./audit";
import type { CreateUserInput } from "@/lib/validations/account";

const publicUserColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  isAdmin: users.isAdmin,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  phone: users.phone,
  createdAt: users.createdAt,
};

export type UserListRow = {
  id: string;
  username: string;
  name: string;
  role: CreateUserInput["role"];
  unitId: number;
  unitName: string;
  isAdmin: boolean;
  disabled: boolean;
  mustChangePassword: boolean;
  phone: string | null;
  createdAt: Date;
};

export function getUserWithUnit(q: Queryable, params: { userId: string }): UserListRow | undefined {
  return q
    .select(publicUserColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, params.userId))
    .get();
}

/** A session row by its token: whose it is and until when (server/session-lookup.ts). */
export function sessionByToken(q: Queryable, params: { token: string }) {
  return q.select({ userId: sessions.userId, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.token, params.token)).get();
}

export function listUsers(q: Queryable): UserListRow[] {
  return q
    .select(publicUserColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .orderBy(asc(users.role), asc(units.name), asc(users.username))
    .all();
}

export function findUserByUsername(q: Queryable, params: { username: string }) {
  return q.select({ id: users.id }).from(users).where(eq(users.username, params.username)).get();
}

/** Audit rows describe a user without anything secret. */
function auditView(row: UserListRow | undefined) {
  if (!row) return null;
  const { id, username, name, role, unitId, isAdmin, disabled, phone } = row;
  return { id, username, name, role, unitId, isAdmin, disabled, phone };
}

// Accounts are written here rather than through better-auth's sign-up endpoint so that the
// user, its credential and the audit row land in one transaction. The hash comes from
// better-auth's own hasher (server/accounts.ts), so its sign-in verifies it.
export function createUserWithPassword(
  tx: Queryable,
  params: {
    actorId: string | null;
    input: Omit<CreateUserInput, "password">;
    passwordHash: string;
    /** A one-time password: the first sign-in must replace it. */
    mustChangePassword?: boolean;
    phone?: string | null;
  },
): UserListRow {
  const id = crypto.randomUUID();
  const { input } = params;
  tx.insert(users)
    .values({
      id,
      name: input.name,
      username: input.username,
      displayUsername: input.username,
      email: `${input.username}@users.rectify.local`,
      role: input.role,
      unitId: input.unitId,
      isAdmin: input.role === "office" && input.isAdmin,
      mustChangePassword: params.mustChangePassword ?? false,
      phone: params.phone ?? null,
    })
    .run();
  tx.insert(accounts)
    .values({
      id: crypto.randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: params.passwordHash,
    })
    .run();
  const created = getUserWithUnit(tx, { userId: id });
  if (!created) throw new Error("user vanished inside its own transaction");
  recordAudit(tx, {
    actorId: params.actorId,
    action: "user.create",
    entity: "user",
    entityId: id,
    after: auditView(created),
  });
  return created;
}

export function setUserDisabled(
  tx: Queryable,
  params: { actorId: string; userId: string; disabled: boolean },
): UserListRow | undefined {
  const before = getUserWithUnit(tx, { userId: params.userId });
  if (!before) return undefined;
  tx.update(users).set({ disabled: params.disabled }).where(eq(users.id, params.userId)).run();
  // A disabled account is signed out everywhere at once.
  if (params.disabled) tx.delete(sessions).where(eq(sessions.userId, params.userId)).run();
  const after = getUserWithUnit(tx, { userId: params.userId });
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.disabled ? "user.disable" : "user.enable",
    entity: "user",
    entityId: params.userId,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

export function getPasswordHash(q: Queryable, params: { userId: string }): string | null {
  const row = q
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, params.userId), eq(accounts.providerId, "credential")))
    .get();
  return row?.password ?? null;
}

/**
 * Replaces a user's password and ends their other sessions (all of them when an admin
 * resets it; all but the current one when users change their own).
 */
export function setUserPassword(
  tx: Queryable,
  params: {
    actorId: string;
    userId: string;
    passwordHash: string;
    action: "user.reset_password" | "user.change_password";
    keepSessionToken?: string;
  },
): boolean {
  const updated = tx
    .update(accounts)
    .set({ password: params.passwordHash })
    .where(and(eq(accounts.userId, params.userId), eq(accounts.providerId, "credential")))
    .run();
  if (updated.changes === 0) return false;
  // Choosing one's own password ends the one-time password's term; a password the admin
  // set is known to the admin (and to whoever carried it), so it becomes one-time too.
  const mustChangePassword = params.action === "user.reset_password";
  tx.update(users).set({ mustChangePassword }).where(eq(users.id, params.userId)).run();
  tx.delete(sessions)
    .where(
      params.keepSessionToken
        ? and(eq(sessions.userId, params.userId), ne(sessions.token, params.keepSessionToken))
        : eq(sessions.userId, params.userId),
    )
    .run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.action,
    entity: "user",
    entityId: params.userId,
    after: mustChangePassword ? { passwordChanged: true, mustChangePassword } : { passwordChanged: true },
  });
  return true;
}

/** The first active office administrator: who the command line acts for by default. */
export function findOfficeAdmin(q: Queryable) {
  return q
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.role, "office"), eq(users.isAdmin, true), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt))
    .get();
}

export function countUsers(q: Queryable): number {
  return q.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
}

export function findUserByPhone(q: Queryable, params: { phone: string }) {
  return q.select({ id: users.id }).from(users).where(eq(users.phone, params.phone)).get();
}

/**
 * A user signed in through unified identity while still holding a one-time password: the
 * password is replaced by one nobody knows (the distribution sheet no longer opens the
 * account) and the forced change is dropped, since this user never needs a local password.
 */
export function retireOneTimePassword(tx: Queryable, params: { userId: string; passwordHash: string }): boolean {
  const user = tx.select({ pending: users.mustChangePassword }).from(users).where(eq(users.id, params.userId)).get();
  if (!user?.pending) return false;
  tx.update(accounts)
    .set({ password: params.passwordHash })
    .where(and(eq(accounts.userId, params.userId), eq(accounts.providerId, "credential")))
    .run();
  tx.update(users).set({ mustChangePassword: false }).where(eq(users.id, params.userId)).run();
  recordAudit(tx, { actorId: params.userId, action: "user.retire_one_time_password", entity: "user", entityId: params.userId, after: { oneTimePassword: "作废" } });
  return true;
}

/**
 * Active (not disabled) accounts of a unit, as a subquery: a unit without any receives
 * nothing in the app, neither 催报 reminders nor 督办单, so both pages say so.
 */
export function activeAccountsOf(unitId: SQLWrapper | number) {
  return sql<number>`(select count(*) from ${users} where ${users.unitId} = ${unitId} and ${users.disabled} = 0)`;
}

export function countActiveAccounts(q: Queryable, params: { unitId: number }): number {
  return q.get<{ n: number }>(sql`select ${activeAccountsOf(params.unitId)} as n`)?.n ?? 0;
}
