// 并长期坚持: a long-term measure stays signed off only while it keeps proving itself. After
// each accepted proof (the office's sign-off of the unit's evidence) the next one falls due
// one interval later; quarterly unless the office sets another interval for the measure.
// Pure date arithmetic on ISO days, read as calendar months as offices count them: a proof
// accepted on 31 January is due again at the end of April, not on "31 April".

export const REPROOF_INTERVALS = ["monthly", "quarterly", "half_yearly", "yearly", "off"] as const;
export type ReproofInterval = (typeof REPROOF_INTERVALS)[number];
export const REPROOF_INTERVAL_LABELS: Record<ReproofInterval, string> = {
  monthly: "每月",
  quarterly: "每季度",
  half_yearly: "每半年",
  yearly: "每年",
  off: "不要求复证",
};
export const DEFAULT_REPROOF_INTERVAL: ReproofInterval = "quarterly";

const MONTHS: Record<Exclude<ReproofInterval, "off">, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** `day` plus `months` calendar months, clamped to the last day of the target month. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** When the next proof is due after one accepted on `lastProof`; null when none is asked. */
export function nextReproofDate(lastProof: string | null, interval: ReproofInterval): string | null {
  if (lastProof === null || interval === "off") return null;
  return addMonths(lastProof, MONTHS[interval]);
}

export type ReproofState = "not_asked" | "proved" | "due_soon" | "due";

/**
 * Where a long-term measure stands on `today`: due once the date has come (the unit must
 * supply evidence again), due soon within `dueSoonDays` before it, otherwise proved.
 */
export function reproofState(params: { nextDue: string | null; today: string; dueSoonDays: number }): ReproofState {
  const { nextDue, today, dueSoonDays } = params;
  if (nextDue === null) return "not_asked";
  if (nextDue <= today) return "due";
  return nextDue <= dueSoonUntil(today, dueSoonDays) ? "due_soon" : "proved";
}

/** The last day that is due soon on `today`: `dueSoonDays` days on. */
export function dueSoonUntil(today: string, dueSoonDays: number): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + dueSoonDays);
  return day.toISOString().slice(0, 10);
}
