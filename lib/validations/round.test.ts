import { describe, expect, it } from "vitest";
import { roundSchema } from "./round";

const form = { name: "区委第一巡察组巡察反馈整改", kind: "patrol", inspectingBody: "区委第一巡察组", inspectedBody: "区教育局" };

describe("the round form's 报送周期", () => {
  it("keeps what the office chose", () => {
    const parsed = roundSchema.parse({ ...form, reportCycle: "monthly", reportWeekday: "3" });
    expect([parsed.reportCycle, parsed.reportWeekday]).toEqual(["monthly", 3]);
  });

  it("keeps the usual Friday when the day is left empty (as for 不要求定期报送)", () => {
    const parsed = roundSchema.parse({ ...form, reportCycle: "none", reportWeekday: "" });
    expect([parsed.reportCycle, parsed.reportWeekday]).toEqual(["none", 5]);
  });

  it.each([
    [{ reportCycle: "daily" }, "reportCycle"],
    [{ reportCycle: "weekly", reportWeekday: "8" }, "reportWeekday"],
    [{ reportCycle: "weekly", reportWeekday: "0" }, "reportWeekday"],
  ])("refuses %o with a Chinese message", (fields, path) => {
    const result = roundSchema.safeParse({ ...form, ...fields });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === path);
    expect(issue?.message).toMatch(/报送/);
  });
});
