import { describe, expect, it } from "vitest";
import type { Status } from "./domain";
import { countStatuses, countsSentence, problemStatus } from "./status";

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
