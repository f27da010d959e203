import { describe, expect, it } from "vitest";
import { progressReportSchema, returnClaimSchema } from "./progress";

describe("progressReportSchema", () => {
  const base = { reportDate: "2026-11-20", text: "召开专题会议,印发整改方案", claimedStatus: "incomplete" };
  it("takes a minimal report, optional fields absent or empty", () => {
    expect(progressReportSchema.parse(base)).toMatchObject({ percent: null, milestone: null });
    expect(progressReportSchema.parse({ ...base, percent: "", milestone: " " })).toMatchObject({ percent: null, milestone: null });
    expect(progressReportSchema.parse({ ...base, percent: "60" }).percent).toBe(60);
  });
  it.each([
    ["no text", { text: "" }, "text", "请输入整改进展"],
    ["100 KB of text", { text: "进".repeat(100_000) }, "text", "整改进展不能超过 5000 个字符"],
    ["a percent over 100", { percent: "101" }, "percent", "进度不能超过 100"],
    ["a negative percent", { percent: "-1" }, "percent", "进度不能小于 0"],
    ["a fraction", { percent: "33.3" }, "percent", "进度应为整数"],
    ["an impossible date", { reportDate: "2026-02-30" }, "reportDate", "报送日期不是有效日期"],
    ["a Chinese date", { reportDate: "2026年11月20日" }, "reportDate", "报送日期格式应为 YYYY-MM-DD"],
    ["an unknown status", { claimedStatus: "done" }, "claimedStatus", "请选择申报状态"],
  ])("refuses %s with a Chinese message on the field", (_label, change, field, message) => {
    const result = progressReportSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});

describe("returnClaimSchema", () => {
  it("requires a reason", () => {
    expect(returnClaimSchema.safeParse({ reportId: "3", reason: "  " }).error?.issues[0]?.message).toBe("请输入退回理由");
  });
});
