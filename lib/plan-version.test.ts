import { describe, expect, it } from "vitest";
import { diffIsEmpty, diffPlanVersions, versionCounts, type PlanVersion } from "./plan-version";

// Problems and measures from the Baoan report (../shared/reference), as a plan would hold them.
const v1: PlanVersion = {
  problems: [
    {
      id: 11,
      number: 1,
      title: "学习贯彻习近平新时代中国特色社会主义思想不够深入",
      aspectName: "党的领导方面",
      leadLeader: "王领导",
      leadUnitName: "区委办",
      measures: [
        { id: 101, text: "完善区委理论学习中心组学习制度", leadUnitName: "区委宣传部", coUnitNames: null, deadline: "2021-12-31", deadlineText: "2021年12月底" },
        { id: 102, text: "开展专题学习研讨", leadUnitName: "区委宣传部", coUnitNames: "区委办", deadline: null, deadlineText: "长期坚持" },
      ],
    },
    {
      id: 12,
      number: 2,
      title: "落实意识形态工作责任制有差距",
      aspectName: "党的领导方面",
      leadLeader: "",
      leadUnitName: null,
      measures: [{ id: 103, text: "制定意识形态工作责任清单", leadUnitName: "区委宣传部", coUnitNames: null, deadline: "2021-10-31", deadlineText: null }],
    },
  ],
};

describe("diffPlanVersions", () => {
  it("finds nothing between a version and itself", () => {
    expect(diffIsEmpty(diffPlanVersions(v1, structuredClone(v1)))).toBe(true);
  });

  it("reports added, removed and changed items by id, with the changed fields in Chinese", () => {
    const v2 = structuredClone(v1);
    v2.problems[0]!.leadLeader = "李副书记";
    v2.problems[0]!.measures[0]!.deadline = "2022-03-31";
    v2.problems[0]!.measures.splice(1, 1);
    v2.problems[1]!.measures.push({ id: 104, text: "每半年专题研究一次意识形态工作", leadUnitName: "区委宣传部", coUnitNames: null, deadline: null, deadlineText: "长期坚持" });
    v2.problems.push({ id: 13, number: 3, title: "基层党组织建设薄弱", aspectName: "党的建设方面", leadLeader: "", leadUnitName: null, measures: [] });
    const diff = diffPlanVersions(v1, v2);
    expect(diff.problems.added.map((p) => p.id)).toEqual([13]);
    expect(diff.problems.removed).toEqual([]);
    expect(diff.problems.changed.map((c) => [c.after.id, c.fields])).toEqual([[11, ["牵头领导"]]]);
    expect(diff.measures.added.map((m) => [m.id, m.problemNumber])).toEqual([[104, 2]]);
    expect(diff.measures.removed.map((m) => m.id)).toEqual([102]);
    expect(diff.measures.changed.map((c) => [c.after.id, c.fields])).toEqual([[101, ["完成时限"]]]);
    expect(versionCounts(v2)).toEqual({ problems: 3, measures: 3 });
  });

  it("treats a missing and an empty optional field alike (null vs undefined)", () => {
    const v2 = structuredClone(v1);
    (v2.problems[1]! as { leadUnitName?: string | null }).leadUnitName = undefined;
    expect(diffIsEmpty(diffPlanVersions(v1, v2))).toBe(true);
  });
});
