// Slows password guessing: after too many failed sign-ins the same account (from one
// address, or from anywhere) is refused for a while, even with the right password, and
// the user is told how long to wait. Kept in the server's memory: there is one server
// process per database (SQLite), and a restart forgetting the counts is acceptable.
// Lives on globalThis so every route bundle that imports it shares one table.

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account from one address before it is refused for the window. */
export const MAX_FAILURES_PER_ADDRESS = 5;
/** Failures allowed per account from all addresses (a spread-out attack). */
export const MAX_FAILURES_PER_ACCOUNT = 20;

type Failures = number[];
const store = globalThis as unknown as { rectifySignInFailures?: Map<string, Failures> };
const failures = (store.rectifySignInFailures ??= new Map<string, Failures>());

function keys(username: string, address: string) {
  const account = username.trim().toLowerCase();
  return { pair: `${account}@${address}`, account: `${account}@*` };
}

function recent(key: string, now: number): Failures {
  const kept = (failures.get(key) ?? []).filter((at) => now - at < SIGN_IN_WINDOW_MS);
  if (kept.length === 0) failures.delete(key);
  else failures.set(key, kept);
  return kept;
}

/** Minutes until the account may try again from this address, or 0 when it may now. */
export function signInLockMinutes(username: string, address: string, now = Date.now()): number {
  const { pair, account } = keys(username, address);
  const locked = [
    [recent(pair, now), MAX_FAILURES_PER_ADDRESS],
    [recent(account, now), MAX_FAILURES_PER_ACCOUNT],
  ] as const;
  let until = 0;
  for (const [times, max] of locked) {
    if (times.length >= max) until = Math.max(until, times[times.length - max]! + SIGN_IN_WINDOW_MS);
  }
  return until > now ? Math.ceil((until - now) / 60_000) : 0;
}

export function recordSignInFailure(username: string, address: string, now = Date.now()): void {
  const { pair, account } = keys(username, address);
  for (const key of [pair, account]) failures.set(key, [...recent(key, now), now]);
}

/** A correct password from this address clears its count (not the account-wide one). */
export function clearSignInFailures(username: string, address: string): void {
  failures.delete(keys(username, address).pair);
}

export function lockMessage(minutes: number): string {
  return `登录失败次数过多,该账号已暂时锁定,请 ${minutes} 分钟后再试`;
}
