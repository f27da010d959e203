import { describe, expect, it } from "vitest";
import { addMonths, nextReproofDate, reproofState } from "./reproof";

// 并长期坚持 in the reference reports ("2021年12月底,并长期坚持"): once signed off, the measure
// must prove itself again at the office's interval.
describe("复证到期日", () => {
  it.each([
    ["2021-12-31", "quarterly", "2022-03-31"],
    ["2022-01-31", "quarterly", "2022-04-30"],
    ["2023-11-30", "quarterly", "2024-02-29"],
    ["2021-12-15", "monthly", "2022-01-15"],
    ["2022-08-31", "half_yearly", "2023-02-28"],
    ["2024-02-29", "yearly", "2025-02-28"],
  ] as const)("proved %s, %s → due %s", (proved, interval, due) => {
    expect(nextReproofDate(proved, interval)).toBe(due);
  });

  it("asks nothing when the office switched it off or nothing was ever accepted", () => {
    expect(nextReproofDate("2022-01-31", "off")).toBeNull();
    expect(nextReproofDate(null, "quarterly")).toBeNull();
  });

  it("adds months across years", () => {
    expect(addMonths("2026-11-20", 14)).toBe("2028-01-20");
  });

  it.each([
    [null, "2026-11-20", "not_asked"],
    ["2026-11-20", "2026-11-20", "due"],
    ["2026-10-01", "2026-11-20", "due"],
    ["2026-11-27", "2026-11-20", "due_soon"],
    ["2026-11-28", "2026-11-20", "proved"],
  ] as const)("next due %s on %s → %s", (nextDue, today, state) => {
    expect(reproofState({ nextDue, today, dueSoonDays: 7 })).toBe(state);
  });
});
