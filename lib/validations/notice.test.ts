import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { issueNoticeSchema, parseNoticeFilter, replyNoticeSchema } from "./notice";

// "Today" comes from RECTIFY_TODAY, as it does on a test server.
beforeEach(() => {
  process.env.RECTIFY_TODAY = "2026-11-21";
});
afterEach(() => {
  delete process.env.RECTIFY_TODAY;
});

const form = (over: Record<string, unknown> = {}) => ({
  roundId: "1",
  unitId: "10",
  measureIds: ["3", "5"],
  level: "supervise",
  request: "请说明原因。",
  replyDeadline: "2026-11-21",
  ...over,
});
const errors = (over: Record<string, unknown>) => {
  const parsed = issueNoticeSchema.safeParse(form(over));
  return parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
};

describe("issueNoticeSchema", () => {
  it("reads a form: ids as strings, one checkbox or several, duplicates once", () => {
    expect(issueNoticeSchema.parse(form()).measureIds).toEqual([3, 5]);
    expect(issueNoticeSchema.parse(form({ measureIds: "7" })).measureIds).toEqual([7]);
    expect(issueNoticeSchema.parse(form({ measureIds: "7,7,8" })).measureIds).toEqual([7, 8]);
    expect(issueNoticeSchema.parse({ ...form(), roundId: 1, measureIds: [3] }).roundId).toBe(1);
  });

  it.each([
    ["no measure ticked", { measureIds: undefined }, "measureIds", "请至少选择一项整改措施"],
    ["an empty request", { request: "   " }, "request", "请输入督办要求"],
    ["a request over 2000 characters", { request: "字".repeat(2001) }, "request", "督办要求不能超过 2000 个字符"],
    ["a reply deadline in the past", { replyDeadline: "2026-11-20" }, "replyDeadline", "回复期限不能早于今天"],
    ["a malformed date", { replyDeadline: "下周五" }, "replyDeadline", "回复期限格式应为 YYYY-MM-DD"],
    ["no level", { level: "" }, "level", "请选择督办等级"],
    ["no unit", { unitId: "" }, "unitId", "请选择责任单位"],
  ])("refuses %s with a Chinese message on the field", (_label, over, field, message) => {
    expect(errors(over)[field]?.[0]).toBe(message);
  });

  it("accepts today as the reply deadline", () => {
    expect(errors({ replyDeadline: "2026-11-21" })).toEqual({});
  });
});

describe("replyNoticeSchema and the list filter", () => {
  it("requires the reply text", () => {
    const parsed = replyNoticeSchema.safeParse({ noticeId: "4", reply: "" });
    expect(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors).toEqual({ reply: ["请输入回复内容"] });
  });

  it("ignores malformed filter values rather than failing the page", () => {
    expect(parseNoticeFilter({ round: "x", unit: "3", state: "lost", overdue: "1" })).toEqual({ round: undefined, unit: 3, state: undefined, overdue: true });
  });
});
