import { describe, expect, it } from "vitest";
import { earliestEvaluationDate, evaluationParagraph, overallScore, totalWeight, unitScore } from "./evaluation";

const indicators = [
  { id: 1, area: "整改责任落实", name: "主体责任落实", weight: 40 },
  { id: 2, area: "整改任务完成", name: "问题按期销号", weight: 35 },
  { id: 3, area: "长效机制建设", name: "制度建设", weight: 25 },
];
const grades = [
  { id: 10, name: "好", factor: 1 },
  { id: 11, name: "较好", factor: 0.8 },
  { id: 12, name: "一般", factor: 0.6 },
  { id: 13, name: "差", factor: 0.3 },
];

describe("unitScore", () => {
  it("sums weight × grade factor, complete when every indicator is graded", () => {
    expect(unitScore(indicators, grades, new Map([[1, 10], [2, 11], [3, 13]]))).toEqual({ score: 75.5, graded: 3, indicators: 3, complete: true });
  });
  it("counts a partly graded unit as incomplete", () => {
    expect(unitScore(indicators, grades, new Map([[1, 12]]))).toEqual({ score: 24, graded: 1, indicators: 3, complete: false });
  });
});

it("averages only the fully graded units", () => {
  const a = unitScore(indicators, grades, new Map([[1, 10], [2, 10], [3, 10]]));
  const b = unitScore(indicators, grades, new Map([[1, 13], [2, 13], [3, 13]]));
  const partial = unitScore(indicators, grades, new Map([[1, 10]]));
  expect(overallScore([a, b, partial])).toBe(65);
  expect(overallScore([partial])).toBeNull();
  expect(totalWeight(indicators)).toBe(100);
});

it.each([
  ["2021-05-28", "2021-11-28"],
  ["2021-08-31", "2022-02-28"],
])("six months after feedback of %s is %s", (feedback, earliest) => {
  expect(earliestEvaluationDate(feedback, 6)).toBe(earliest);
});

describe("evaluationParagraph", () => {
  const date = (iso: string) => iso;
  it("states the average and the red cards", () => {
    expect(
      evaluationParagraph(
        { templateName: "整改成效评估指标体系", scheduledDate: "2022-06-01", overall: 86.4, unitsScored: 3, redCards: [{ kind: "perfunctory", measureText: "甲" }, { kind: "false", measureText: "乙" }] },
        date,
      ),
    ).toBe("2022-06-01起,按照《整改成效评估指标体系》开展整改成效评估,对3个责任单位的整改成效逐项评分,平均得分86.4分;发现敷衍整改1项、虚假整改1项,已亮出“红牌”并重新打开整改。");
  });
  it("says nothing before any result", () => {
    expect(evaluationParagraph({ templateName: "t", scheduledDate: "2022-06-01", overall: null, unitsScored: 0, redCards: [] }, date)).toBeNull();
  });
});
