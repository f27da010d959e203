import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "@/db/client";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
  TRUSTED_FOR_MS,
} from "@/lib/security/sign-in-limit";
import { createTestDb } from "@/testing/test-db";
import { beginSignInAttempt, forgiveSignInAttempt, pruneSignInRecords } from "./sign-in-failures";

const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);
const MIN = 60_000;

let db: DB;
let file: string;
let cleanup: () => void;

beforeEach(() => {
  ({ db, file, cleanup } = createTestDb());
});
afterEach(() => cleanup());

/** One sign-in attempt as server/sign-in.ts makes it: check and record in one transaction. */
const begin = (account: string, address: string, now = T0, on: DB = db) =>
  on.transaction((tx) => beginSignInAttempt(tx, { account, address, now }));
const lockedMinutes = (account: string, address: string, now = T0, on: DB = db) => {
  const started = begin(account, address, now, on);
  return "lockedMinutes" in started ? started.lockedMinutes : 0;
};
/** `count` wrong passwords (each attempt begun and never forgiven). */
function fail(count: number, account: string, address: (i: number) => string, now = T0, on: DB = db) {
  for (let i = 0; i < count; i++) expect(begin(account, address(i), now, on)).toHaveProperty("attemptId");
}
/** A right password: the attempt begins like any other and is then forgiven. */
const succeed = (account: string, address: string, now = T0, on: DB = db) => {
  const started = begin(account, address, now, on);
  if (!("attemptId" in started)) throw new Error(`locked: ${started.lockedMinutes}`);
  on.transaction((tx) => forgiveSignInAttempt(tx, { attemptId: started.attemptId, account, address, now }));
};
const rows = (table: string) => db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe("the sign-in lock in the database", () => {
  it("locks an account at one address after 5 failures, counting each attempt when it begins", () => {
    fail(MAX_FAILURES_PER_ADDRESS - 1, "jiaoyu", () => "10.0.0.1");
    // The fifth attempt is let through (and counted); its password is not yet checked.
    fail(1, "jiaoyu", () => "10.0.0.1");
    expect(begin("jiaoyu", "10.0.0.1")).toEqual({ lockedMinutes: 15 });
    expect(lockedMinutes("jiaoyu", "10.0.0.1", T0 + 5 * MIN)).toBe(10);
    // A refused attempt is not counted again: the lock does not grow while it is tried.
    expect(rows("sign_in_failures")).toBe(MAX_FAILURES_PER_ADDRESS);
  });

  it("leaves another address and another account unlocked", () => {
    fail(MAX_FAILURES_PER_ADDRESS, "jiaoyu", () => "10.0.0.1");
    expect(lockedMinutes("jiaoyu", "10.0.0.1")).toBe(15);
    expect(lockedMinutes("jiaoyu", "10.0.0.2")).toBe(0);
    expect(lockedMinutes("xinan", "10.0.0.1")).toBe(0);
  });

  it("locks an account guessed at from 20 addresses, but not at an address it signed in from", () => {
    succeed("jiaoyu", "10.0.0.7", T0 - 1000);
    fail(MAX_FAILURES_PER_ACCOUNT - 1, "jiaoyu", (i) => `10.0.1.${i}`);
    expect(lockedMinutes("jiaoyu", "10.9.9.8")).toBe(0); // the twentieth, let through
    expect(lockedMinutes("jiaoyu", "10.9.9.9")).toBe(15);
    expect(lockedMinutes("jiaoyu", "10.0.0.7")).toBe(0);
  });

  it("stops trusting an address 30 days after its last successful sign-in", () => {
    succeed("jiaoyu", "10.0.0.7", T0 - TRUSTED_FOR_MS);
    fail(MAX_FAILURES_PER_ACCOUNT, "jiaoyu", (i) => `10.0.1.${i}`);
    expect(lockedMinutes("jiaoyu", "10.0.0.7")).toBe(15);
  });

  it("forgives a successful attempt and clears the address's earlier failures", () => {
    fail(MAX_FAILURES_PER_ADDRESS - 1, "jiaoyu", () => "10.0.0.1");
    succeed("jiaoyu", "10.0.0.1");
    expect(rows("sign_in_failures")).toBe(0);
    fail(MAX_FAILURES_PER_ADDRESS - 1, "jiaoyu", () => "10.0.0.1");
    expect(lockedMinutes("jiaoyu", "10.0.0.1")).toBe(0);
  });

  it("forgives only that account at that address", () => {
    fail(MAX_FAILURES_PER_ADDRESS - 1, "jiaoyu", () => "10.0.0.2");
    fail(MAX_FAILURES_PER_ADDRESS - 1, "xinan", () => "10.0.0.1");
    succeed("jiaoyu", "10.0.0.1");
    fail(1, "jiaoyu", () => "10.0.0.2");
    expect(lockedMinutes("jiaoyu", "10.0.0.2")).toBe(15);
    fail(1, "xinan", () => "10.0.0.1");
    expect(lockedMinutes("xinan", "10.0.0.1")).toBe(15);
  });

  it("lets the account try again once the window has passed, and drops the expired rows", () => {
    fail(MAX_FAILURES_PER_ADDRESS, "jiaoyu", () => "10.0.0.1");
    expect(lockedMinutes("jiaoyu", "10.0.0.1", T0 + SIGN_IN_WINDOW_MS - 1)).toBe(1);
    expect(begin("jiaoyu", "10.0.0.1", T0 + SIGN_IN_WINDOW_MS)).toHaveProperty("attemptId");
    expect(rows("sign_in_failures")).toBe(1);
  });

  it("sweeps every account's expired rows now and then, so sprayed user names do not pile up", () => {
    for (let i = 0; i < 99; i++) fail(1, `guess-${i}`, () => "10.6.6.6");
    expect(rows("sign_in_failures")).toBe(99);
    // The hundredth failure, a window later, sweeps the 99 names never tried again.
    fail(1, "guess-last", () => "10.6.6.6", T0 + SIGN_IN_WINDOW_MS);
    expect(rows("sign_in_failures")).toBe(1);
  });

  it("prunes expired failures and trust of every account", () => {
    succeed("jiaoyu", "10.0.0.7", T0);
    succeed("xinan", "10.0.0.8", T0 + MIN);
    fail(1, "jiaoyu", () => "10.0.0.1", T0 + MIN);
    db.transaction((tx) => pruneSignInRecords(tx, { now: T0 + TRUSTED_FOR_MS }));
    expect(rows("sign_in_failures")).toBe(0);
    expect(db.$client.prepare("select account from sign_in_trusted_addresses").pluck().all()).toEqual(["xinan"]);
  });

  it("survives a restart and is shared with a second process: the lock lives in the database file", () => {
    // Another connection to the same file stands for a restarted or second server process.
    const second = openDatabase(file);
    try {
      fail(MAX_FAILURES_PER_ADDRESS - 1, "jiaoyu", () => "10.0.0.1");
      fail(1, "jiaoyu", () => "10.0.0.1", T0, second.db);
      expect(lockedMinutes("jiaoyu", "10.0.0.1", T0, second.db)).toBe(15);
      expect(lockedMinutes("jiaoyu", "10.0.0.1", T0, db)).toBe(15);
      // Trust earned through one process holds in the other.
      succeed("xinan", "10.0.0.7", T0, db);
      fail(MAX_FAILURES_PER_ACCOUNT, "xinan", (i) => `10.0.1.${i}`, T0, second.db);
      expect(lockedMinutes("xinan", "10.9.9.9", T0, second.db)).toBe(15);
      expect(lockedMinutes("xinan", "10.0.0.7", T0, second.db)).toBe(0);
    } finally {
      second.sqlite.close();
    }
  });
});
