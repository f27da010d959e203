import { describe, expect, it } from "vitest";
import type { ReportCycle, Status } from "./domain";
import {
  nothingMissingMessage,
  remindOutcomeMessage,
  reportDueText,
  deadlineNotification,
  deadlineReminder,
  reportCycleWindow,
  reportMissing,
  reportMissingNotification,
  reportReminderDue,
  type DeadlineReminder,
} from "./reminders";

// A Thursday. ISO week 2026-W47 runs Monday 16 to Sunday 22 November.
const TODAY = "2026-11-19";

describe("deadlineReminder", () => {
  const cases: [deadline: string | null, status: Status, archived: boolean, expected: DeadlineReminder | null][] = [
    // Due soon: exactly 7, 3 and 1 days ahead, nothing in between.
    ["2026-11-26", "incomplete", false, { kind: "due_soon", daysLeft: 7 }],
    ["2026-11-25", "incomplete", false, null],
    ["2026-11-22", "incomplete", false, { kind: "due_soon", daysLeft: 3 }],
    ["2026-11-21", "incomplete", false, null],
    ["2026-11-20", "basically_completed", false, { kind: "due_soon", daysLeft: 1 }],
    ["2026-11-19", "incomplete", false, null],
    ["2026-11-27", "incomplete", false, null],
    // Overdue: the day after the deadline, then weekly.
    ["2026-11-18", "incomplete", false, { kind: "overdue", daysOverdue: 1 }],
    ["2026-11-17", "incomplete", false, null],
    ["2026-11-13", "incomplete", false, null],
    ["2026-11-11", "incomplete", false, { kind: "overdue", daysOverdue: 8 }],
    ["2026-11-04", "basically_completed", false, { kind: "overdue", daysOverdue: 15 }],
    ["2026-11-05", "incomplete", false, null],
    ["2026-10-28", "incomplete", false, { kind: "overdue", daysOverdue: 22 }],
    // Completed measures and archived rounds never; undated measures have nothing to count.
    ["2026-11-20", "completed", false, null],
    ["2026-11-18", "completed", false, null],
    ["2026-11-20", "incomplete", true, null],
    ["2026-11-18", "basically_completed", true, null],
    [null, "incomplete", false, null],
  ];
  it.each(cases)("deadline %s, %s, archived %s → %o", (deadline, status, roundArchived, expected) => {
    expect(deadlineReminder({ deadline, status, roundArchived, today: TODAY })).toEqual(expected);
  });

  it("counts calendar days across a year end", () => {
    expect(deadlineReminder({ deadline: "2027-01-01", status: "incomplete", roundArchived: false, today: "2026-12-31" })).toEqual({
      kind: "due_soon",
      daysLeft: 1,
    });
    expect(deadlineReminder({ deadline: "2026-12-31", status: "incomplete", roundArchived: false, today: "2027-01-08" })).toEqual({
      kind: "overdue",
      daysOverdue: 8,
    });
  });
});

describe("reportCycleWindow", () => {
  const cases: [cycle: ReportCycle, weekday: number, today: string, key: string, start: string, end: string, remindFrom: string][] = [
    ["weekly", 5, TODAY, "2026-W47", "2026-11-16", "2026-11-22", "2026-11-20"],
    ["weekly", 1, "2026-11-16", "2026-W47", "2026-11-16", "2026-11-22", "2026-11-16"],
    ["weekly", 7, "2026-11-22", "2026-W47", "2026-11-16", "2026-11-22", "2026-11-22"],
    // ISO weeks belong to the year of their Thursday: 2027-01-01 (a Friday) is in 2026-W53.
    ["weekly", 5, "2027-01-01", "2026-W53", "2026-12-28", "2027-01-03", "2027-01-01"],
    ["weekly", 3, "2027-01-04", "2027-W01", "2027-01-04", "2027-01-10", "2027-01-06"],
    // Monthly: the calendar month, chased from its last such weekday.
    ["monthly", 5, TODAY, "2026-11", "2026-11-01", "2026-11-30", "2026-11-27"],
    ["monthly", 1, TODAY, "2026-11", "2026-11-01", "2026-11-30", "2026-11-30"],
    ["monthly", 5, "2027-02-03", "2027-02", "2027-02-01", "2027-02-28", "2027-02-26"],
    ["monthly", 7, "2028-02-29", "2028-02", "2028-02-01", "2028-02-29", "2028-02-27"],
  ];
  it.each(cases)("%s on weekday %i, %s → %s %s..%s from %s", (cycle, weekday, today, key, start, end, remindFrom) => {
    expect(reportCycleWindow({ cycle, weekday, today })).toMatchObject({ key, start, end, remindFrom });
  });

  it("labels the cycle in Chinese", () => {
    expect(reportCycleWindow({ cycle: "weekly", weekday: 5, today: TODAY })?.label).toBe("2026年第47周");
    expect(reportCycleWindow({ cycle: "monthly", weekday: 5, today: TODAY })?.label).toBe("2026年11月");
  });

  it("has no cycle when the round asks for no periodic reports", () => {
    expect(reportCycleWindow({ cycle: "none", weekday: 5, today: TODAY })).toBeNull();
  });
});

describe("reportReminderDue", () => {
  const weekly = reportCycleWindow({ cycle: "weekly", weekday: 5, today: TODAY })!;
  const cases: [today: string, due: boolean][] = [
    ["2026-11-16", false],
    ["2026-11-19", false],
    ["2026-11-20", true],
    ["2026-11-22", true],
  ];
  it.each(cases)("weekly, due Friday: on %s → %s", (today, due) => {
    expect(reportReminderDue(weekly, today)).toBe(due);
  });

  it("monthly: from the last Friday of the month", () => {
    const monthly = reportCycleWindow({ cycle: "monthly", weekday: 5, today: TODAY })!;
    expect(reportReminderDue(monthly, "2026-11-26")).toBe(false);
    expect(reportReminderDue(monthly, "2026-11-27")).toBe(true);
    expect(reportReminderDue(monthly, "2026-11-30")).toBe(true);
  });
});

describe("reportMissing", () => {
  const week = { start: "2026-11-16", end: "2026-11-22" };
  const cases: [dates: string[], missing: boolean][] = [
    [[], true],
    [["2026-11-13"], true],
    [["2026-11-23"], true],
    [["2026-11-16"], false],
    [["2026-11-01", "2026-11-22"], false],
  ];
  it.each(cases)("reports dated %o → missing %s", (dates, missing) => {
    expect(reportMissing(week, dates)).toBe(missing);
  });

  it("monthly: any day of the calendar month counts", () => {
    const month = reportCycleWindow({ cycle: "monthly", weekday: 5, today: TODAY })!;
    expect(reportMissing(month, ["2026-11-01"])).toBe(false);
    expect(reportMissing(month, ["2026-10-31"])).toBe(true);
  });
});

describe("notification texts and dedupe keys", () => {
  const measure = { id: 12, text: "建立健全学位预警机制", deadline: "2026-11-22", roundName: "区委巡察", problemNumber: 3 };

  it("keys a deadline reminder by measure, day count and deadline", () => {
    const due = deadlineNotification(measure, { kind: "due_soon", daysLeft: 3 });
    expect(due).toMatchObject({ kind: "due_soon", title: "整改措施还有 3 天到期", link: "/measures/12", dedupeKey: "due:3:measure:12:2026-11-22" });
    expect(due.body).toContain("问题3:建立健全学位预警机制");
    const overdue = deadlineNotification(measure, { kind: "overdue", daysOverdue: 8 });
    expect(overdue).toMatchObject({ kind: "overdue", title: "整改措施已逾期 8 天", dedupeKey: "overdue:8:measure:12:2026-11-22" });
  });

  it("keys a missing-report reminder by round, unit and cycle", () => {
    const window = reportCycleWindow({ cycle: "weekly", weekday: 5, today: TODAY })!;
    const n = reportMissingNotification({ roundId: 1, roundName: "区委巡察", unitId: 7, unreported: 2, window });
    expect(n.dedupeKey).toBe("report_missing:round:1:unit:7:cycle:2026-W47");
    expect(n.title).toBe("2026年第47周整改进展未报送");
    expect(n.body).toContain("2 项整改措施");
  });
});

describe("remindOutcomeMessage", () => {
  const cases: [outcome: [units: number, notifications: number, already: number, noAccount: number], oneUnit: boolean, message: string][] = [
    [[2, 3, 0, 0], false, "已向 2 个单位发送 3 条提醒"],
    [[1, 1, 4, 0], false, "已向 1 个单位发送 1 条提醒;4 个单位本周期已提醒过,未重复发送"],
    [[1, 2, 1, 11], false, "已向 1 个单位发送 2 条提醒;1 个单位本周期已提醒过,未重复发送;11 个单位没有可用账号,无法站内提醒"],
    [[0, 0, 3, 0], false, "3 个单位本周期已提醒过,未重复发送"],
    [[0, 0, 1, 0], true, "该单位本周期已提醒过,未重复发送"],
    [[0, 0, 0, 1], true, "该单位没有可用账号,无法站内提醒"],
    [[0, 0, 0, 0], true, "该单位本周期已报送,无需提醒"],
    [[0, 0, 0, 0], false, "本周期各单位均已报送,无需提醒"],
  ];
  const leadUnits = { assigned: 3, open: 2 };
  it.each(cases)("%o (one unit: %s) → %s", ([units, notifications, alreadyReminded, noAccount], oneUnit, message) => {
    expect(remindOutcomeMessage({ units, notifications, alreadyReminded, noAccount, leadUnits }, oneUnit)).toBe(message);
  });
  it.each([
    [{ assigned: 0, open: 0 }, "本轮次尚未分配责任单位,暂无需要报送的单位"],
    [{ assigned: 3, open: 0 }, "本轮次整改措施均已完成,无需报送"],
  ])("a round with nobody to remind (%o) says why: %s", (leadUnits, message) => {
    expect(remindOutcomeMessage({ units: 0, notifications: 0, alreadyReminded: 0, noAccount: 0, leadUnits }, false)).toBe(message);
  });
});

describe("what the 催报 page says of a round with nobody behind", () => {
  it.each([
    [{ assigned: 0, open: 0 }, "本轮次尚未分配责任单位,暂无需要报送的单位"],
    [{ assigned: 3, open: 0 }, "本轮次整改措施均已完成,无需报送"],
    [{ assigned: 3, open: 2 }, "本周期各单位均已报送"],
  ])("%o → %s", (leadUnits, message) => expect(nothingMissingMessage(leadUnits)).toBe(message));

  it.each([
    ["weekly", 5, "每周五报送"],
    ["monthly", 1, "每月最后一个周一前报送"],
    ["none", 5, "不要求定期报送"],
  ] as const)("%s/%i → %s", (cycle, weekday, text) => expect(reportDueText(cycle, weekday)).toBe(text));
});
