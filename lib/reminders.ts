import {
  addDays,
  differenceInCalendarDays,
  formatISO,
  getISODay,
  getISOWeek,
  getISOWeekYear,
  lastDayOfMonth,
  parseISO,
  startOfISOWeek,
  startOfMonth,
} from "date-fns";
import type { NotificationInput } from "./notification";
import { WEEKDAY_LABELS, type ReportCycle, type Status } from "./domain";

// The reminder rules of the daily job, free of SQL and clocks so they can be table-tested
// with a frozen "today". db/queries/reminders.ts feeds them rows and stores the results.

/** Days before the deadline on which a unit is reminded (issue 4 item 6). */
export const DUE_SOON_DAYS = [7, 3, 1] as const;
/** An overdue item is chased again every this many days: overdue day 1, 8, 15, … */
export const OVERDUE_REPEAT_DAYS = 7;

export type DeadlineReminder = { kind: "due_soon"; daysLeft: number } | { kind: "overdue"; daysOverdue: number };

const iso = (date: Date) => formatISO(date, { representation: "date" });

/**
 * The deadline reminder a measure gets on `today`, if any. Completed measures and archived
 * rounds are finished business and never nag; undated ones (按序时推进) have no date to
 * count towards. Only the exact days are returned, so a job that misses a day does not
 * flood a unit the next day with every reminder it skipped.
 */
export function deadlineReminder(params: {
  deadline: string | null;
  status: Status;
  roundArchived: boolean;
  today: string;
}): DeadlineReminder | null {
  if (params.status === "completed" || params.roundArchived || !params.deadline) return null;
  const daysLeft = differenceInCalendarDays(parseISO(params.deadline), parseISO(params.today));
  if ((DUE_SOON_DAYS as readonly number[]).includes(daysLeft)) return { kind: "due_soon", daysLeft };
  if (daysLeft < 0 && (-daysLeft - 1) % OVERDUE_REPEAT_DAYS === 0) return { kind: "overdue", daysOverdue: -daysLeft };
  return null;
}

export interface ReportCycleWindow {
  /** Stable name of the cycle, part of the dedupe key: "2026-W07" or "2026-02". */
  key: string;
  /** What a user reads: "2026年第7周" or "2026年2月". */
  label: string;
  /** First and last day of the cycle; a report dated within them counts. */
  start: string;
  end: string;
  /** From this day on a unit that has not reported is reminded. */
  remindFrom: string;
}

/**
 * The reporting cycle `today` falls in. Weekly: the ISO week (Monday to Sunday), due on the
 * round's weekday (reportWeekday, 1 = Monday … 7 = Sunday, usually Friday). Monthly: the
 * calendar month, due on the last such weekday of the month (每月最后一个周五), so that
 * the unit has most of the month to report before it is chased.
 */
export function reportCycleWindow(params: { cycle: ReportCycle; weekday: number; today: string }): ReportCycleWindow | null {
  const day = parseISO(params.today);
  if (params.cycle === "weekly") {
    const start = startOfISOWeek(day);
    const week = getISOWeek(day);
    const year = getISOWeekYear(day);
    return {
      key: `${year}-W${String(week).padStart(2, "0")}`,
      label: `${year}年第${week}周`,
      start: iso(start),
      end: iso(addDays(start, 6)),
      remindFrom: iso(addDays(start, params.weekday - 1)),
    };
  }
  if (params.cycle === "monthly") {
    const last = lastDayOfMonth(day);
    const back = (getISODay(last) - params.weekday + 7) % 7;
    return {
      key: params.today.slice(0, 7),
      label: `${day.getFullYear()}年${day.getMonth() + 1}月`,
      start: iso(startOfMonth(day)),
      end: iso(last),
      remindFrom: iso(addDays(last, -back)),
    };
  }
  return null;
}

/** Whether the daily job should chase missing reports today (the office may remind any day). */
export function reportReminderDue(window: ReportCycleWindow, today: string): boolean {
  return today >= window.remindFrom;
}

/** A measure lacks a report this cycle when none of its reports is dated within it. */
export function reportMissing(window: Pick<ReportCycleWindow, "start" | "end">, reportDates: readonly string[]): boolean {
  return !reportDates.some((date) => date >= window.start && date <= window.end);
}

export interface ReminderMeasure {
  id: number;
  text: string;
  deadline: string;
  roundName: string;
  problemNumber: number;
}

/**
 * The notification for a deadline reminder. The dedupe key holds the deadline, so moving a
 * deadline starts its reminders afresh, and the day count, so each reminder is sent once.
 */
export function deadlineNotification(measure: ReminderMeasure, reminder: DeadlineReminder): NotificationInput {
  const body = `${measure.roundName} · 问题${measure.problemNumber}:${measure.text}(完成时限 ${measure.deadline})`;
  const link = `/measures/${measure.id}`;
  if (reminder.kind === "due_soon") {
    return {
      kind: "due_soon",
      title: `整改措施还有 ${reminder.daysLeft} 天到期`,
      body,
      link,
      dedupeKey: `due:${reminder.daysLeft}:measure:${measure.id}:${measure.deadline}`,
    };
  }
  return {
    kind: "overdue",
    title: `整改措施已逾期 ${reminder.daysOverdue} 天`,
    body,
    link,
    dedupeKey: `overdue:${reminder.daysOverdue}:measure:${measure.id}:${measure.deadline}`,
  };
}

/**
 * The reminder that a 并长期坚持 measure's re-proof falls due (on the deadline reminders'
 * days, see deadlineReminder). The key holds the due date, so the next interval starts afresh.
 */
export function reproofNotification(measure: { id: number; text: string; roundName: string; nextDue: string }, reminder: DeadlineReminder): NotificationInput {
  const body = `${measure.roundName} · ${measure.text}(应复证日期 ${measure.nextDue}):请报送“已完成”并附佐证材料`;
  const link = `/measures/${measure.id}`;
  if (reminder.kind === "due_soon") {
    return { kind: "reproof_due", title: `长期坚持措施还有 ${reminder.daysLeft} 天须复证`, body, link, dedupeKey: `reproof:due:${reminder.daysLeft}:measure:${measure.id}:${measure.nextDue}` };
  }
  return {
    kind: "reproof_due",
    title: `长期坚持措施复证已逾期 ${reminder.daysOverdue} 天`,
    body,
    link,
    dedupeKey: `reproof:overdue:${reminder.daysOverdue}:measure:${measure.id}:${measure.nextDue}`,
  };
}

/**
 * The "report missing" notification for one unit in one round. Keyed by the cycle, so the
 * daily job and the office's one-click reminder together send it at most once per cycle.
 */
export function reportMissingNotification(params: {
  roundId: number;
  roundName: string;
  unitId: number;
  unreported: number;
  window: ReportCycleWindow;
}): NotificationInput {
  const { window } = params;
  return {
    kind: "report_missing",
    title: `${window.label}整改进展未报送`,
    body: `${params.roundName}:本单位牵头的 ${params.unreported} 项整改措施在${window.label}(${window.start} 至 ${window.end})尚未报送整改动态,请及时报送。`,
    link: "/my-tasks",
    dedupeKey: `report_missing:round:${params.roundId}:unit:${params.unitId}:cycle:${window.key}`,
  };
}

/** The office's confirmation after a one-click reminder. */
export function remindOutcomeMessage(
  outcome: { units: number; notifications: number; alreadyReminded: number; noAccount: number; leadUnits: { assigned: number; open: number } },
  oneUnit: boolean,
): string {
  const parts: string[] = [];
  if (outcome.units > 0) parts.push(`已向 ${outcome.units} 个单位发送 ${outcome.notifications} 条提醒`);
  const who = (n: number) => (oneUnit ? "该单位" : `${n} 个单位`);
  if (outcome.alreadyReminded > 0) parts.push(`${who(outcome.alreadyReminded)}本周期已提醒过,未重复发送`);
  if (outcome.noAccount > 0) parts.push(`${who(outcome.noAccount)}没有可用账号,无法站内提醒`);
  if (parts.length > 0) return parts.join(";");
  if (oneUnit) return "该单位本周期已报送,无需提醒";
  const nothing = nothingMissingMessage(outcome.leadUnits);
  return outcome.leadUnits.open > 0 ? `${nothing},无需提醒` : nothing;
}

/**
 * What the 催报 page says of a round with no unit behind this cycle. "All reported" is only
 * true when some unit had something to report.
 */
export function nothingMissingMessage(leadUnits: { assigned: number; open: number }): string {
  if (leadUnits.assigned === 0) return "本轮次尚未分配责任单位,暂无需要报送的单位";
  if (leadUnits.open === 0) return "本轮次整改措施均已完成,无需报送";
  return "本周期各单位均已报送";
}

/** The due day of a reporting round as the office reads it. */
export function reportDueText(cycle: ReportCycle, weekday: number): string {
  if (cycle === "weekly") return `每${WEEKDAY_LABELS[weekday]}报送`;
  if (cycle === "monthly") return `每月最后一个${WEEKDAY_LABELS[weekday]}前报送`;
  return "不要求定期报送";
}
