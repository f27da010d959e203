import { describe, expect, it } from "vitest";
import { documentPlanSchema } from "@/lib/validations/document-import";
import { draftFrom, toPlan } from "./draft";
import { parseDocument } from "./parse-document";

// Issue 12: one real report was refused whole ("完成时限不能超过 100 个字符"). A field too
// long for the plan is cut to fit, its full text kept, and the office is told.

const LONG_DEADLINE =
  "2021年12月底前完成阶段性目标,2022年6月底前全面完成,此后每半年开展一次回头看并形成常态化长效机制,持续巩固整改成效,坚决防止问题反弹回潮,确保整改工作经得起历史和人民的检验,各责任单位每季度报送一次整改进展情况";
const LONG_TITLE = `关于“${"落实意识形态工作责任制不到位、阵地管理不严格、".repeat(14)}”的问题`;

const report = [
  "一、贯彻落实党中央决策部署方面",
  "(一)关于“理论学习结合实际不够紧密”的问题。",
  "整改情况:一是制定年度学习计划。二是开展专题研讨。",
  `完成时限:${LONG_DEADLINE}`,
  `(二)${LONG_TITLE}`,
  "整改情况:一是完善阵地管理制度。",
].join("\n");

describe("超长字段截短而不是拒绝整份文档", () => {
  const parsed = parseDocument(report);
  const [first, second] = parsed.aspects[0]!.problems;

  it("完成时限截到 100 字以内,全文保留在问题描述中,并给出提示", () => {
    expect(LONG_DEADLINE.length).toBeGreaterThan(100);
    expect(first!.deadlineText.length).toBeLessThanOrEqual(100);
    expect(first!.deadlineText.startsWith("2021年12月底前完成阶段性目标")).toBe(true);
    expect(first!.description).toContain(`完成时限全文:${LONG_DEADLINE}`);
    expect(parsed.warnings).toContain("问题 1 的完成时限超过 100 字,已截短,全文保留在问题描述中");
  });

  it("标题截到 300 字以内,全文保留在问题描述中", () => {
    expect(second!.title.length).toBeLessThanOrEqual(300);
    expect(second!.description).toContain("标题全文:");
    expect(parsed.warnings.some((w) => w.startsWith("问题 2 的标题超过 300 字,已截短"))).toBe(true);
  });

  it("截短后的方案通过确认导入的校验", () => {
    const plan = toPlan(draftFrom(parsed));
    expect(documentPlanSchema.safeParse(plan).success).toBe(true);
  });
});
