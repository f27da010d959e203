import { describe, expect, it } from "vitest";
import { totalWeight } from "./evaluation";
import { areasOf, copyName, indicatorRows, standardTemplateContent, templateIssues, TEMPLATE_LIMITS, type TemplateContent } from "./evaluation-template";
import { createEvaluationTemplateSchema } from "./validations/evaluation-template";

const grades = [
  { name: "好", factor: 1 },
  { name: "较好", factor: 0.8 },
  { name: "差", factor: 0.3 },
];
const areas = (...weights: number[][]) => weights.map((ws, a) => ({ name: `方面${a + 1}`, indicators: ws.map((weight, i) => ({ name: `指标${a + 1}-${i + 1}`, description: "", weight })) }));
const paths = (content: Pick<TemplateContent, "areas" | "grades">) => templateIssues(content).map((i) => i.path);

describe("templateIssues", () => {
  it("accepts the standard set", () => {
    expect(templateIssues(standardTemplateContent())).toEqual([]);
  });

  it("wants the weights to total 100, decimals included", () => {
    expect(templateIssues({ areas: areas([40, 30], [20]), grades })).toEqual([{ path: "weightTotal", message: "各项指标的分值合计应为 100 分,现为 90 分" }]);
    expect(paths({ areas: areas([33.3, 33.3], [33.4]), grades })).toEqual([]);
  });

  it("names a repeated area, indicator or grade where it repeats", () => {
    const twice = [
      { name: "组织领导", indicators: [{ name: "专题研究部署", description: "", weight: 50 }] },
      { name: "组织领导", indicators: [{ name: "专题研究部署", description: "", weight: 50 }] },
    ];
    expect(paths({ areas: twice, grades: [...grades, { name: "好", factor: 0.1 }] })).toEqual(["areas.1.name", "areas.1.indicators.0.name", "grades.3.name"]);
  });

  it("wants grades from the best down, each worth less than the one above", () => {
    expect(templateIssues({ areas: areas([100]), grades: [grades[0]!, { name: "较好", factor: 1 }] })[0]!.message).toBe("等次应由高到低排列:“较好”的得分系数应低于“好”的 1");
  });
});

describe("a template's rows", () => {
  it("round-trip: indicators numbered through the template, grouped back by area in order", () => {
    const content = standardTemplateContent();
    const rows = indicatorRows(content);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    expect(areasOf(rows)).toEqual(content.areas);
    expect(totalWeight(rows)).toBe(100);
  });

  it("a copy's name is free and within the limit", () => {
    expect(copyName("某县指标体系", [])).toBe("某县指标体系(副本)");
    expect(copyName("某县指标体系", ["某县指标体系(副本)"])).toBe("某县指标体系(副本2)");
    expect(copyName("长".repeat(TEMPLATE_LIMITS.name), [])).toHaveLength(TEMPLATE_LIMITS.name);
  });
});

describe("the editor's JSON field", () => {
  const send = (content: unknown) => createEvaluationTemplateSchema.safeParse({ content: JSON.stringify(content) });
  const errorsOf = (content: unknown) => {
    const result = send(content);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  const valid = { name: "某县指标体系", monthsAfterFeedback: "6", areas: areas([60, 40]), grades };

  it("reads the figures as typed", () => {
    const result = send({ ...valid, areas: [{ name: "组织领导", indicators: [{ name: "专题研究", weight: " 62.5 " }, { name: "责任落实", weight: "37.5" }] }] });
    expect(result.success && result.data.areas[0]!.indicators.map((i) => [i.weight, i.description])).toEqual([[62.5, ""], [37.5, ""]]);
  });

  it("answers each broken field in Chinese at its path", () => {
    expect(errorsOf({ ...valid, areas: [] })).toEqual({ areas: "请至少添加一个方面和一项指标" });
    expect(errorsOf({ ...valid, areas: [{ name: "组织领导", indicators: [] }] })).toEqual({ "areas.0.indicators": "每个方面至少有一项指标" });
    expect(errorsOf({ ...valid, areas: areas([60, 0]) })).toEqual({
      "areas.0.indicators.1.weight": "分值应大于 0 且不超过 100",
      weightTotal: "各项指标的分值合计应为 100 分,现为 60 分",
    });
    expect(errorsOf({ ...valid, areas: areas([60, 39.95]) })).toEqual({ "areas.0.indicators.1.weight": "分值最多保留 1 位小数" });
    expect(errorsOf({ ...valid, monthsAfterFeedback: "3" })).toEqual({ monthsAfterFeedback: "评估时间(反馈后月数)应在 6 到 36 之间" });
    expect(errorsOf({ ...valid, grades: grades.slice(0, 1) })).toEqual({ grades: "请设置至少 2 个评价等次" });
    expect(errorsOf({ ...valid, areas: areas([60, 30]) })).toEqual({ weightTotal: "各项指标的分值合计应为 100 分,现为 90 分" });
    expect(createEvaluationTemplateSchema.safeParse({ content: "{not json" }).error?.issues.map((i) => i.message)).toContain("模板内容无法读取,请刷新页面后重新填写");
  });
});
