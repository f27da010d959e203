// Slows password guessing: after too many failed sign-ins the same account (from one
// address, or from anywhere) is refused for a while, even with the right password, and
// the user is told how long to wait. These are the rules alone; the failures they judge
// are kept in the database (db/queries/sign-in-failures.ts), so a restart does not forget
// a lock and every server process sees the same one.
//
// An attempt counts as failed from the moment it starts (the password check is async, so
// counting afterwards would let a burst of parallel guesses all pass the check) and is
// forgiven when it succeeds. An address the account signed in from successfully stays
// exempt from the account-wide lock, so strangers cannot lock a user out of their own desk.

import { waitMinutes, windowWaitMs } from "./sliding-window";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account from one address before it is refused for the window. */
export const MAX_FAILURES_PER_ADDRESS = 5;
/** Failures allowed per account from all addresses (a spread-out attack). */
export const MAX_FAILURES_PER_ACCOUNT = 20;
/** How long a successful sign-in exempts its address from the account-wide lock. */
export const TRUSTED_FOR_MS = 30 * 24 * 60 * 60 * 1000;

/** The account a user name stands for: sign-in matches names trimmed and case-insensitively. */
export function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

/** Whether an address whose last successful sign-in was at `lastSuccessAt` is still trusted. */
export function isTrusted(lastSuccessAt: number | null | undefined, now: number): boolean {
  return lastSuccessAt != null && now - lastSuccessAt < TRUSTED_FOR_MS;
}

export interface SignInHistory {
  /** When this account failed from this address (older failures are ignored). */
  pairFailures: readonly number[];
  /** When this account failed from any address, this one included. */
  accountFailures: readonly number[];
  /** The account signed in successfully from this address lately (see `isTrusted`). */
  trusted: boolean;
  now: number;
}

/** Minutes until the account may try again from this address, or 0 when it may now. */
export function lockMinutes({ pairFailures, accountFailures, trusted, now }: SignInHistory): number {
  const limits: [readonly number[], number][] = [[pairFailures, MAX_FAILURES_PER_ADDRESS]];
  if (!trusted) limits.push([accountFailures, MAX_FAILURES_PER_ACCOUNT]);
  const wait = Math.max(...limits.map(([failures, max]) => windowWaitMs(failures, max, SIGN_IN_WINDOW_MS, now)));
  return waitMinutes(wait);
}

export function lockMessage(minutes: number): string {
  return `登录失败次数过多,该账号已暂时锁定,请 ${minutes} 分钟后再试`;
}
