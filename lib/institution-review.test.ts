import { describe, expect, it } from "vitest";
import { defaultReviewDate, institutionReviewState } from "./institution-review";

// 建章立制 in the reference reports ("建立完善制度148项"): each rule is re-examined a year on.
describe("制度复查日期", () => {
  it.each([
    ["2021-05-20", "2026-11-21", "2022-05-20"],
    ["2024-02-29", "2026-11-21", "2025-02-28"],
    ["2021-12-31", "2026-11-21", "2022-12-31"],
    [null, "2026-11-21", "2027-11-21"],
    [null, "2028-02-29", "2029-02-28"],
  ] as const)("issued %s, registered %s → review %s", (issued, registered, review) => {
    expect(defaultReviewDate(issued, registered)).toBe(review);
  });

  it.each([
    [null, "2026-11-21", 7, null],
    ["2026-11-21", "2026-11-21", 7, "overdue"],
    ["2022-05-20", "2026-11-21", 7, "overdue"],
    ["2026-11-28", "2026-11-21", 7, "due_soon"],
    ["2026-11-29", "2026-11-21", 7, null],
    ["2026-11-22", "2026-11-21", 0, null],
    ["2027-01-02", "2026-12-28", 7, "due_soon"],
  ] as const)("review %s on %s (临期 %i 天) → %s", (reviewDate, today, dueSoonDays, state) => {
    expect(institutionReviewState({ reviewDate, today, dueSoonDays })).toBe(state);
  });
});
