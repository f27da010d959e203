import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Status } from "./domain";
import { daysLeftLabel, deadlineState, LIGHT_OF, todayISO, type DeadlineState, type Light } from "./deadline-state";

// "Today" is the date of the Baoan progress report (2021-11-22); most of its measures were
// due "2021年12月底" (2021-12-31), some "2021年10月底".
const TODAY = "2021-11-22";

describe("deadlineState", () => {
  const cases: [deadline: string | null, status: Status, dueSoonDays: number, state: DeadlineState, daysLeft: number | null][] = [
    ["2021-10-31", "incomplete", 7, "overdue", -22],
    ["2021-11-21", "incomplete", 7, "overdue", -1],
    ["2021-11-22", "incomplete", 7, "due_soon", 0],
    ["2021-11-29", "incomplete", 7, "due_soon", 7],
    ["2021-11-30", "incomplete", 7, "on_track", 8],
    ["2021-12-31", "incomplete", 7, "on_track", 39],
    ["2021-12-31", "incomplete", 45, "due_soon", 39],
    ["2021-11-22", "incomplete", 0, "due_soon", 0],
    ["2021-11-23", "incomplete", 0, "on_track", 1],
    // 基本完成 still has a tail to finish, so it can still be late.
    ["2021-10-31", "basically_completed", 7, "overdue", -22],
    ["2021-11-25", "basically_completed", 7, "due_soon", 3],
    ["2021-12-31", "basically_completed", 7, "on_track", 39],
    // 已完成 is done whatever the date.
    ["2021-06-30", "completed", 7, "done", null],
    ["2021-11-22", "completed", 7, "done", null],
    [null, "completed", 7, "done", null],
    // "按序时进度推进" and "长期坚持" without a date.
    [null, "incomplete", 7, "undated", null],
    [null, "basically_completed", 7, "undated", null],
  ];
  it.each(cases)("%s, %s, due soon within %i days → %s (%s)", (deadline, status, dueSoonDays, state, daysLeft) => {
    expect(deadlineState({ deadline, status, today: TODAY, dueSoonDays })).toEqual({ state, daysLeft });
  });

  it("counts calendar days across a year end", () => {
    expect(deadlineState({ deadline: "2022-01-05", status: "incomplete", today: "2021-12-31", dueSoonDays: 7 })).toEqual({
      state: "due_soon",
      daysLeft: 5,
    });
  });
});

describe("LIGHT_OF", () => {
  const cases: [DeadlineState, Light][] = [
    ["overdue", "red"],
    ["due_soon", "yellow"],
    ["on_track", "green"],
    ["done", "green"],
    ["undated", "none"],
  ];
  it.each(cases)("%s → %s", (state, light) => {
    expect(LIGHT_OF[state]).toBe(light);
  });

  it("lights an overdue 基本完成 measure red", () => {
    const { state } = deadlineState({ deadline: "2021-10-31", status: "basically_completed", today: TODAY, dueSoonDays: 7 });
    expect(LIGHT_OF[state]).toBe("red");
  });
});

describe("daysLeftLabel", () => {
  const cases: [number | null, string][] = [
    [null, "—"],
    [-22, "逾期 22 天"],
    [-1, "逾期 1 天"],
    [0, "今天到期"],
    [1, "剩余 1 天"],
    [39, "剩余 39 天"],
  ];
  it.each(cases)("%s → %s", (daysLeft, label) => {
    expect(daysLeftLabel(daysLeft)).toBe(label);
  });
});

describe("todayISO", () => {
  const saved = process.env.RECTIFY_TODAY;
  beforeEach(() => {
    delete process.env.RECTIFY_TODAY;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.RECTIFY_TODAY;
    else process.env.RECTIFY_TODAY = saved;
  });

  it("returns the frozen date when RECTIFY_TODAY is set", () => {
    process.env.RECTIFY_TODAY = TODAY;
    expect(todayISO(new Date("2026-03-01T12:00:00Z"))).toBe(TODAY);
  });

  const cases: [instant: string, day: string][] = [
    ["2021-11-21T15:59:59Z", "2021-11-21"], // 23:59:59 in Beijing
    ["2021-11-21T16:00:00Z", "2021-11-22"], // midnight in Beijing, still the 21st in UTC
    ["2021-12-31T16:30:00Z", "2022-01-01"],
  ];
  it.each(cases)("without RECTIFY_TODAY, %s is %s in China", (instant, day) => {
    expect(todayISO(new Date(instant))).toBe(day);
  });
});
