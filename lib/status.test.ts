import { describe, expect, it } from "vitest";
import type { Status } from "./domain";
import { countStatuses, countsSentence, officialStatus, problemStatus } from "./status";

describe("problemStatus", () => {
  const cases: [Status[], Status][] = [
    [["completed", "completed", "completed"], "completed"],
    [["completed", "basically_completed"], "basically_completed"],
    [["basically_completed"], "basically_completed"],
    [["completed", "incomplete"], "incomplete"],
    [["basically_completed", "incomplete", "completed"], "incomplete"],
    [[], "incomplete"],
  ];
  it.each(cases)("%j → %s", (measures, expected) => {
    expect(problemStatus(measures)).toBe(expected);
  });
});

describe("countsSentence", () => {
  it("writes the sentence published reports open with", () => {
    const counts = countStatuses([
      ...Array<Status>(22).fill("completed"),
      ...Array<Status>(7).fill("basically_completed"),
      ...Array<Status>(2).fill("incomplete"),
    ]);
    expect(counts).toEqual({ total: 31, completed: 22, basicallyCompleted: 7, incomplete: 2 });
    expect(countsSentence("问题", counts)).toBe("31个问题,目前已完成22个、基本完成7个、未完成2个");
    expect(countsSentence("整改措施", counts, "项")).toBe("31项整改措施,目前已完成22项、基本完成7项、未完成2项");
  });
});

describe("officialStatus", () => {
  const at = (day: number) => new Date(Date.UTC(2021, 10, day));
  type R = Parameters<typeof officialStatus>[0][number];
  const r = (id: number, claimedStatus: Status, reviewState: R["reviewState"], reviewedDay: number | null, isClaim = true): R => ({
    id,
    claimedStatus,
    isClaim,
    reviewState,
    reviewedAt: reviewedDay === null ? null : at(reviewedDay),
  });
  const cases: [string, R[], Status][] = [
    ["no reports", [], "incomplete"],
    ["only a pending claim of 已完成", [r(1, "completed", "pending", null)], "incomplete"],
    ["a returned claim", [r(1, "completed", "returned", 3)], "incomplete"],
    ["a signed-off 基本完成, then a pending 已完成", [r(1, "basically_completed", "signed_off", 2), r(2, "completed", "pending", null)], "basically_completed"],
    ["signed off 已完成 after 基本完成", [r(1, "basically_completed", "signed_off", 2), r(2, "completed", "signed_off", 9)], "completed"],
    ["a later sign-off of 未完成 (a relapse) wins", [r(1, "completed", "signed_off", 2), r(2, "incomplete", "signed_off", 20)], "incomplete"],
    ["a progress update is not a claim", [r(1, "completed", "signed_off", 2), r(2, "incomplete", "signed_off", 9, false)], "completed"],
    ["the order of reviews, not of reports, decides", [r(5, "completed", "signed_off", 1), r(2, "basically_completed", "signed_off", 8)], "basically_completed"],
  ];
  it.each(cases)("%s", (_label, reports, expected) => {
    expect(officialStatus(reports)).toBe(expected);
  });
});
