// Days as integers (days since 1970-01-01): the generator does millions of date sums, and
// ISO strings only where they are stored.

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An instant on that day during office hours in China (UTC+8): 09:00 plus `minutes`. */
export function officeTime(day: number, minutes: number): number {
  return day * DAY_MS + (1 * 60 + Math.min(minutes, 9 * 60)) * 60_000;
}

/** The last day of the month the day falls in: offices write "2026年6月底". */
export function monthEnd(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY_MS);
}

/** "2026年6月底" for a month-end day. */
export function monthEndText(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月底`;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
