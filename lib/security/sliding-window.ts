// The counting rule both rate limits share (sign-in, survey answers): at most `max` events
// in any `windowMs`. When the last `max` events all lie inside the window, the caller waits
// until the oldest of them leaves it.

/** Milliseconds until another event is allowed, or 0 when it is allowed now. */
export function windowWaitMs(times: readonly number[], max: number, windowMs: number, now: number): number {
  const recent = times.filter((at) => now - at < windowMs).sort((a, b) => a - b);
  if (recent.length < max) return 0;
  return Math.max(0, recent[recent.length - max]! + windowMs - now);
}

/** The wait in whole minutes, rounded up, as a user is told it. */
export const waitMinutes = (ms: number) => Math.ceil(ms / 60_000);
