import { describe, expect, it } from "vitest";
import { decisionOutcome, extendedDeadline, newDeadlineRefusal, overdueAppealRefusal, returnAppealRefusal, type ReturnAppealSubject } from "./appeals";
import { parseDeadline } from "./deadline-parse";
import { deadlineState } from "./deadline-state";
import type { DeadlineKind, ReviewState, Status } from "./domain";

const TODAY = "2026-11-20";

describe("returnAppealRefusal: which returns a unit may appeal", () => {
  const claim = (over: Partial<ReturnAppealSubject>): ReturnAppealSubject => ({
    isClaim: true, reviewState: "returned", isLatestClaim: true, hasOpenAppeal: false, appealedBefore: false, ...over,
  });
  it.each<[string, Partial<ReturnAppealSubject>, string | null]>([
    ["the latest claim, returned, not yet appealed", {}, null],
    ["a claim still waiting for the office", { reviewState: "pending" }, "只能对被退回的申报提出申诉"],
    ["a claim the office signed off", { reviewState: "signed_off" as ReviewState }, "只能对被退回的申报提出申诉"],
    ["a progress report that claimed nothing", { isClaim: false, reviewState: "signed_off" }, "只能对被退回的申报提出申诉"],
    ["a return the unit answered with a new claim", { isLatestClaim: false }, "该措施此后已重新申报,不能再对之前的退回提出申诉"],
    ["a return already under appeal", { hasOpenAppeal: true }, "已对该退回提出申诉,请等待整改办处理"],
    ["a claim whose appeal the office rejected", { appealedBefore: true }, "该申报已申诉过一次,不能再次申诉;请按退回理由补充后重新申报"],
  ])("%s", (_, over, expected) => {
    expect(returnAppealRefusal(claim(over))).toBe(expected);
  });
});

describe("overdueAppealRefusal: which overdue marks a unit may appeal", () => {
  const NONE = { open: false, before: false };
  it.each<[string, string | null, Status, { open: boolean; before: boolean }, string | null]>([
    ["past its date, 未完成", "2026-10-31", "incomplete", NONE, null],
    ["past its date, 基本完成 (a tail remains, still late)", "2026-10-31", "basically_completed", NONE, null],
    ["due yesterday", "2026-11-19", "incomplete", NONE, null],
    ["due today: not yet overdue", TODAY, "incomplete", NONE, "该措施未逾期,无需对逾期提出申诉"],
    ["due in a month", "2026-12-20", "incomplete", NONE, "该措施未逾期,无需对逾期提出申诉"],
    ["past its date but completed", "2026-10-31", "completed", NONE, "该措施未逾期,无需对逾期提出申诉"],
    ["按序时进度推进 (no date)", null, "incomplete", NONE, "该措施未逾期,无需对逾期提出申诉"],
    ["overdue and already under appeal", "2026-10-31", "incomplete", { open: true, before: false }, "已对该措施的逾期提出申诉,请等待整改办处理"],
    ["overdue on a deadline already appealed", "2026-10-31", "incomplete", { open: false, before: true }, "对该完成时限的逾期已申诉过一次,不能再次申诉"],
  ])("%s", (_, deadline, status, appeals, expected) => {
    expect(overdueAppealRefusal({ deadline, status, today: TODAY, hasOpenAppeal: appeals.open, appealedBefore: appeals.before })).toBe(expected);
  });
});

describe("newDeadlineRefusal: the extension a granted overdue appeal sets", () => {
  it.each<[string | null, string | null]>([
    ["2026-11-21", null],
    ["2027-06-30", null],
    [TODAY, "延期后的完成时限须晚于今天"],
    ["2026-10-31", "延期后的完成时限须晚于今天"],
    [null, "申诉成立时须填写延期后的完成时限"],
    ["", "申诉成立时须填写延期后的完成时限"],
  ])("%s → %s", (date, expected) => {
    expect(newDeadlineRefusal(date, TODAY)).toBe(expected);
  });
});

describe("extendedDeadline: the 完成时限 a granted overdue appeal writes", () => {
  it.each<[string, DeadlineKind, DeadlineKind, string]>([
    ["2027-01-31", "date", "date", "2027年1月31日"],
    ["2026-12-05", "date", "date", "2026年12月5日"],
    // "2021年12月底,并长期坚持" stays a measure that goes on after its date.
    ["2027-03-31", "ongoing", "ongoing", "2027年3月31日,并长期坚持"],
  ])("%s (%s)", (date, kind, expectedKind, expectedText) => {
    const extended = extendedDeadline(date, kind);
    expect(extended).toEqual({ deadline: date, deadlineKind: expectedKind, deadlineText: expectedText });
    // The text reads back to the same date and kind, so a later edit of the measure keeps them.
    const parsed = parseDeadline(extended.deadlineText);
    expect([parsed.recognized, parsed.deadline, parsed.kind]).toEqual([true, date, expectedKind]);
  });

  it("leaves the measure no longer overdue", () => {
    const { deadline } = extendedDeadline("2026-12-31", "date");
    expect(deadlineState({ deadline, status: "incomplete", today: TODAY, dueSoonDays: 7 }).state).toBe("on_track");
  });
});

describe("decisionOutcome: what the office is told", () => {
  it.each([
    [{ decision: "granted", subject: "return", newDeadline: null }, "已处理:申诉成立,该申报已恢复为待审核,可在审核中销号。已通知申诉单位"],
    [{ decision: "granted", subject: "overdue", newDeadline: "2027-01-31" }, "已处理:申诉成立,完成时限已延至 2027-01-31。已通知申诉单位"],
    [{ decision: "rejected", subject: "overdue", newDeadline: null }, "已处理:申诉不成立,其他内容不变。已通知申诉单位"],
  ] as const)("%o", (appeal, expected) => {
    expect(decisionOutcome(appeal)).toBe(expected);
  });
});
