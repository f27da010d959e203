import { differenceInCalendarDays, parseISO } from "date-fns";
import type { Status } from "./domain";

export type DeadlineState = "done" | "overdue" | "due_soon" | "on_track" | "undated";
export type Light = "red" | "yellow" | "green" | "none";

/**
 * Where a measure stands against its deadline on `today` (红黄绿灯). Completed items are
 * done whatever the date; 基本完成 still has a tail to finish, so it can still be late.
 */
export function deadlineState(params: {
  deadline: string | null;
  status: Status;
  today: string;
  dueSoonDays: number;
}): { state: DeadlineState; daysLeft: number | null } {
  if (params.status === "completed") return { state: "done", daysLeft: null };
  if (!params.deadline) return { state: "undated", daysLeft: null };
  const daysLeft = differenceInCalendarDays(parseISO(params.deadline), parseISO(params.today));
  if (daysLeft < 0) return { state: "overdue", daysLeft };
  if (daysLeft <= params.dueSoonDays) return { state: "due_soon", daysLeft };
  return { state: "on_track", daysLeft };
}

export const LIGHT_OF: Record<DeadlineState, Light> = {
  overdue: "red",
  due_soon: "yellow",
  on_track: "green",
  done: "green",
  undated: "none",
};

export function daysLeftLabel(daysLeft: number | null): string {
  if (daysLeft === null) return "—";
  if (daysLeft < 0) return `逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return "今天到期";
  return `剩余 ${daysLeft} 天`;
}

// Made once: building a formatter costs about half a millisecond, formatting microseconds.
const CHINA_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** Today's date in China, as ISO "YYYY-MM-DD". Tests may freeze it with RECTIFY_TODAY. */
export function todayISO(now: Date = new Date()): string {
  if (process.env.RECTIFY_TODAY) return process.env.RECTIFY_TODAY;
  return CHINA_DATE.format(now);
}
