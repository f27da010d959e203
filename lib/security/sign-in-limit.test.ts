import { beforeEach, describe, expect, it } from "vitest";
import {
  forgiveSignIn,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  recordSignInFailure,
  SIGN_IN_WINDOW_MS,
  signInLockMinutes,
} from "./sign-in-limit";

const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);
let user = 0;
let name = "";

describe("sign-in rate limit", () => {
  beforeEach(() => {
    name = `guess-target-${++user}`;
  });

  it("lets an account fail a few times, then locks it for the window", () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) recordSignInFailure(name, "10.0.0.1", T0 + i);
    expect(signInLockMinutes(name, "10.0.0.1", T0 + 10)).toBe(0);
    recordSignInFailure(name, "10.0.0.1", T0 + 10);
    expect(signInLockMinutes(name, "10.0.0.1", T0 + 10)).toBe(15);
    expect(signInLockMinutes(name, "10.0.0.1", T0 + 10 + 5 * 60_000)).toBe(10);
    expect(signInLockMinutes(name, "10.0.0.1", T0 + SIGN_IN_WINDOW_MS + 11)).toBe(0);
  });

  it("counts an attempt before its password is checked, so a parallel burst is stopped after the limit", () => {
    // Five guesses sent at once are all in flight before any of them is answered.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect(signInLockMinutes(name, "10.0.0.1", T0)).toBe(0);
      recordSignInFailure(name, "10.0.0.1", T0);
    }
    expect(signInLockMinutes(name, "10.0.0.1", T0)).toBeGreaterThan(0);
  });

  it("counts per account and address: another address and another account are not locked", () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) recordSignInFailure(name, "10.0.0.1", T0);
    expect(signInLockMinutes(name, "10.0.0.1", T0)).toBeGreaterThan(0);
    expect(signInLockMinutes(name, "10.0.0.2", T0)).toBe(0);
    expect(signInLockMinutes(`${name}-other`, "10.0.0.1", T0)).toBe(0);
  });

  it("matches user names case-insensitively, as sign-in does", () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) recordSignInFailure(name.toUpperCase(), "10.0.0.1", T0);
    expect(signInLockMinutes(` ${name} `, "10.0.0.1", T0)).toBeGreaterThan(0);
  });

  it("locks an account guessed at from many addresses, but not at an address it signed in from", () => {
    const mark = recordSignInFailure(name, "10.0.0.7", T0 - 1000);
    forgiveSignIn(name, "10.0.0.7", mark, T0 - 1000);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) recordSignInFailure(name, `10.0.1.${i}`, T0);
    expect(signInLockMinutes(name, "10.9.9.9", T0)).toBe(15);
    expect(signInLockMinutes(name, "10.0.0.7", T0)).toBe(0);
  });

  it("forgives a successful attempt and clears the address's earlier failures", () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) recordSignInFailure(name, "10.0.0.1", T0);
    forgiveSignIn(name, "10.0.0.1", recordSignInFailure(name, "10.0.0.1", T0), T0);
    recordSignInFailure(name, "10.0.0.1", T0);
    expect(signInLockMinutes(name, "10.0.0.1", T0)).toBe(0);
  });
});
