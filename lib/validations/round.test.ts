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

describe("the round form's 预警升级", () => {
  const ladder = (liaison: string, deputy: string, principal: string, leadLeader: string) => ({
    escalationLiaisonDays: liaison,
    escalationDeputyDays: deputy,
    escalationPrincipalDays: principal,
    escalationLeadLeaderDays: leadLeader,
  });

  it("keeps what the office set, and the published ladder when a field is left empty", () => {
    const set = roundSchema.parse({ ...form, ...ladder("30", "15", "3", "45") });
    expect([set.escalationLiaisonDays, set.escalationDeputyDays, set.escalationPrincipalDays, set.escalationLeadLeaderDays]).toEqual([30, 15, 3, 45]);
    const empty = roundSchema.parse({ ...form, ...ladder("", "", "", "") });
    expect([empty.escalationLiaisonDays, empty.escalationDeputyDays, empty.escalationPrincipalDays, empty.escalationLeadLeaderDays]).toEqual([20, 10, 0, 30]);
    // Two rungs on one day is allowed: the higher one then reaches both.
    expect(roundSchema.safeParse({ ...form, ...ladder("10", "10", "0", "1") }).success).toBe(true);
  });

  it.each([
    [ladder("10", "20", "0", "30"), "escalationDeputyDays", "告知分管领导不能早于提醒联络员:提前天数不能大于联络员的提前天数"],
    [ladder("20", "5", "8", "30"), "escalationPrincipalDays", "告知主要负责人不能早于告知分管领导:提前天数不能大于分管领导的提前天数"],
    [ladder("20", "10", "0", "0"), "escalationLeadLeaderDays", "告知牵头领导的逾期天数应为 1 至 365 的整数"],
    [ladder("400", "10", "0", "30"), "escalationLiaisonDays", "提醒联络员的提前天数应为 0 至 365 的整数"],
    [ladder("20", "-1", "0", "30"), "escalationDeputyDays", "告知分管领导的提前天数应为 0 至 365 的整数"],
    [ladder("20", "10", "2.5", "30"), "escalationPrincipalDays", "告知主要负责人的提前天数应为 0 至 365 的整数"],
  ])("refuses %o next to the field, in Chinese", (fields, path, message) => {
    const result = roundSchema.safeParse({ ...form, ...fields });
    expect(result.success).toBe(false);
    expect(result.error!.issues.filter((i) => i.path[0] === path).map((i) => i.message)).toEqual([message]);
  });
});
