// Slows password guessing: after too many failed sign-ins the same account (from one
// address, or from anywhere) is refused for a while, even with the right password, and
// the user is told how long to wait. Kept in the server's memory: there is one server
// process per database (SQLite), and a restart forgetting the counts is acceptable.
// Lives on globalThis so every route bundle that imports it shares one table.
//
// An attempt counts as failed from the moment it starts (the password check is async, so
// counting afterwards would let a burst of parallel guesses all pass the check) and is
// forgiven when it succeeds. An address the account signed in from successfully stays
// exempt from the account-wide lock, so strangers cannot lock a user out of their own desk.

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account from one address before it is refused for the window. */
export const MAX_FAILURES_PER_ADDRESS = 5;
/** Failures allowed per account from all addresses (a spread-out attack). */
export const MAX_FAILURES_PER_ACCOUNT = 20;
const TRUSTED_FOR_MS = 30 * 24 * 60 * 60 * 1000;
const SWEEP_ABOVE = 10_000;

interface LimitState {
  failures: Map<string, number[]>;
  /** account → address → last successful sign-in. */
  trusted: Map<string, Map<string, number>>;
}
const holder = globalThis as unknown as { rectifySignInLimit?: LimitState };
const state: LimitState = (holder.rectifySignInLimit ??= { failures: new Map(), trusted: new Map() });

function keys(username: string, address: string) {
  const account = username.trim().toLowerCase();
  return { account, pair: `${account}@${address}`, anywhere: `${account}@*` };
}

function recent(key: string, now: number): number[] {
  const kept = (state.failures.get(key) ?? []).filter((at: number) => now - at < SIGN_IN_WINDOW_MS);
  if (kept.length === 0) state.failures.delete(key);
  else state.failures.set(key, kept);
  return kept;
}

function isTrusted(account: string, address: string, now: number): boolean {
  const at = state.trusted.get(account)?.get(address);
  return at !== undefined && now - at < TRUSTED_FOR_MS;
}

/** Minutes until the account may try again from this address, or 0 when it may now. */
export function signInLockMinutes(username: string, address: string, now = Date.now()): number {
  const { account, pair, anywhere } = keys(username, address);
  const limits: [number[], number][] = [[recent(pair, now), MAX_FAILURES_PER_ADDRESS]];
  if (!isTrusted(account, address, now)) limits.push([recent(anywhere, now), MAX_FAILURES_PER_ACCOUNT]);
  let until = 0;
  for (const [times, max] of limits) {
    if (times.length >= max) until = Math.max(until, times[times.length - max]! + SIGN_IN_WINDOW_MS);
  }
  return until > now ? Math.ceil((until - now) / 60_000) : 0;
}

/** Counts an attempt as failed before the password is checked; returns its mark for `forgive`. */
export function recordSignInFailure(username: string, address: string, now = Date.now()): number {
  const { pair, anywhere } = keys(username, address);
  for (const key of [pair, anywhere]) state.failures.set(key, [...recent(key, now), now]);
  if (state.failures.size > SWEEP_ABOVE) sweep(now);
  return now;
}

/** A correct password: this attempt is not a failure, the address's count is cleared and it is trusted. */
export function forgiveSignIn(username: string, address: string, mark: number, now = Date.now()): void {
  const { account, pair, anywhere } = keys(username, address);
  state.failures.delete(pair);
  const others = state.failures.get(anywhere);
  const index = others?.indexOf(mark) ?? -1;
  if (others && index >= 0) others.splice(index, 1);
  const addresses = state.trusted.get(account) ?? new Map<string, number>();
  addresses.set(address, now);
  state.trusted.set(account, addresses);
}

// Usernames sprayed by a guesser must not grow the table for ever.
function sweep(now: number): void {
  for (const key of [...state.failures.keys()]) recent(key, now);
}

export function lockMessage(minutes: number): string {
  return `登录失败次数过多,该账号已暂时锁定,请 ${minutes} 分钟后再试`;
}
