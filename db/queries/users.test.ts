import { hashPassword, verifyPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/testing/test-db";
import type { DB } from "../client";
import { accounts, auditLog, sessions, units, users } from "../schema";
import { createUserWithPassword, getPasswordHash, setUserDisabled, setUserPassword } from "./users";

const PASSWORD = "Jiaoyu2021zg";
let passwordHash: string; // scrypt is slow: hash once for the whole file

let db: DB;
let cleanup: () => void;
let unitId: number;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});
beforeEach(() => {
  ({ db, cleanup } = createTestDb());
  unitId = db.insert(units).values({ name: "区教育局", kind: "government" }).returning().get().id;
});
afterEach(() => cleanup());

const OFFICE_ID = "office-admin";

function createJiaoyu(q: Parameters<typeof createUserWithPassword>[0] = db) {
  return createUserWithPassword(q, {
    actorId: OFFICE_ID,
    passwordHash,
    input: { username: "jiaoyu", name: "林教育", role: "unit", unitId, isAdmin: false },
  });
}

function addSession(userId: string, token: string) {
  db.insert(sessions)
    .values({ id: `s-${token}`, token, userId, expiresAt: new Date(Date.now() + 3_600_000) })
    .run();
}

const sessionTokens = (userId: string) =>
  db.select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, userId)).all().map((s) => s.token).sort();

describe("createUserWithPassword", () => {
  it("writes the user, a credential better-auth accepts, and one audit row without secrets", async () => {
    const user = createJiaoyu();

    expect(db.select().from(users).all()).toMatchObject([
      { id: user.id, username: "jiaoyu", name: "林教育", role: "unit", unitId, isAdmin: false, disabled: false },
    ]);
    const account = db.select().from(accounts).where(eq(accounts.userId, user.id)).get();
    expect(account).toMatchObject({ providerId: "credential", accountId: user.id });
    expect(await verifyPassword({ hash: account!.password!, password: PASSWORD })).toBe(true);

    const audit = db.select().from(auditLog).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: OFFICE_ID, action: "user.create", entity: "user", entityId: user.id });
    const written = JSON.stringify(audit[0]);
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain(passwordHash);
  });

  it("never makes an office admin of a unit user", () => {
    const user = createUserWithPassword(db, {
      actorId: OFFICE_ID,
      passwordHash,
      input: { username: "xinan", name: "黄新安", role: "unit", unitId, isAdmin: true },
    });
    expect(user.isAdmin).toBe(false);
  });

  it("leaves nothing behind when the surrounding transaction fails", () => {
    expect(() =>
      db.transaction((tx) => {
        createJiaoyu(tx);
        throw new Error("later step failed");
      }),
    ).toThrow("later step failed");
    expect(db.select().from(users).all()).toEqual([]);
    expect(db.select().from(accounts).all()).toEqual([]);
    expect(db.select().from(auditLog).all()).toEqual([]);
  });
});

describe("setUserDisabled", () => {
  it("disables the account, signs it out everywhere and audits before/after", () => {
    const user = createJiaoyu();
    addSession(user.id, "jiaoyu-laptop");
    addSession(user.id, "jiaoyu-phone");

    const after = setUserDisabled(db, { actorId: OFFICE_ID, userId: user.id, disabled: true });

    expect(after?.disabled).toBe(true);
    expect(sessionTokens(user.id)).toEqual([]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "user.disable")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: OFFICE_ID,
      entityId: user.id,
      before: { username: "jiaoyu", disabled: false },
      after: { username: "jiaoyu", disabled: true },
    });
  });

  it("re-enables without touching sessions and audits it as user.enable", () => {
    const user = createJiaoyu();
    setUserDisabled(db, { actorId: OFFICE_ID, userId: user.id, disabled: true });
    addSession(user.id, "jiaoyu-laptop");

    const after = setUserDisabled(db, { actorId: OFFICE_ID, userId: user.id, disabled: false });

    expect(after?.disabled).toBe(false);
    expect(sessionTokens(user.id)).toEqual(["jiaoyu-laptop"]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "user.enable")).get()).toMatchObject({
      before: { disabled: true },
      after: { disabled: false },
    });
  });

  it("returns undefined and audits nothing for an unknown user", () => {
    expect(setUserDisabled(db, { actorId: OFFICE_ID, userId: "nobody", disabled: true })).toBeUndefined();
    expect(db.select().from(auditLog).all()).toEqual([]);
  });
});

describe("setUserPassword", () => {
  const NEW_HASH = "new-salt:new-key"; // stored verbatim; hashing is server/accounts.ts's job

  it("keeps the session the user changed it from and ends the others", () => {
    const user = createJiaoyu();
    addSession(user.id, "jiaoyu-laptop");
    addSession(user.id, "jiaoyu-phone");

    const changed = setUserPassword(db, {
      actorId: user.id,
      userId: user.id,
      passwordHash: NEW_HASH,
      action: "user.change_password",
      keepSessionToken: "jiaoyu-laptop",
    });

    expect(changed).toBe(true);
    expect(getPasswordHash(db, { userId: user.id })).toBe(NEW_HASH);
    expect(sessionTokens(user.id)).toEqual(["jiaoyu-laptop"]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "user.change_password")).get();
    expect(audit).toMatchObject({ actorId: user.id, entityId: user.id, after: { passwordChanged: true } });
    expect(JSON.stringify(audit)).not.toContain(NEW_HASH);
  });

  it("ends every session when an admin resets the password", () => {
    const user = createJiaoyu();
    addSession(user.id, "jiaoyu-laptop");

    setUserPassword(db, { actorId: OFFICE_ID, userId: user.id, passwordHash: NEW_HASH, action: "user.reset_password" });

    expect(sessionTokens(user.id)).toEqual([]);
  });

  it("makes an admin's reset a one-time password, which the user's own change retires", () => {
    const user = createJiaoyu();
    const pending = () => db.select({ v: users.mustChangePassword }).from(users).where(eq(users.id, user.id)).get()?.v;

    setUserPassword(db, { actorId: OFFICE_ID, userId: user.id, passwordHash: NEW_HASH, action: "user.reset_password" });
    expect(pending()).toBe(true);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "user.reset_password")).get();
    expect(audit?.after).toEqual({ passwordChanged: true, mustChangePassword: true });

    setUserPassword(db, { actorId: user.id, userId: user.id, passwordHash: NEW_HASH, action: "user.change_password" });
    expect(pending()).toBe(false);
  });

  it("returns false and audits nothing for a user without a credential", () => {
    expect(
      setUserPassword(db, { actorId: OFFICE_ID, userId: "nobody", passwordHash: NEW_HASH, action: "user.reset_password" }),
    ).toBe(false);
    expect(db.select().from(auditLog).all()).toEqual([]);
  });
});
