import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentPlanSchema } from "@/lib/validations/document-import";
import {
  addAspect, draftFrom, measureHeading, measureToDescription, mergeIntoPrevious, moveProblem, problemNumbers, renameProblem,
  splitBySubheading, splitMeasures, toPlan, type Draft,
} from "./draft";
import { parseDocument } from "./parse-document";

const parse = (text: string) => draftFrom(parseDocument(text));
const titles = (draft: Draft) => draft.map((a) => a.problems.map((p) => p.title));
const luohu = () => draftFrom(parseDocument(fs.readFileSync(path.join(__dirname, "fixtures", "report-luohu-2019.txt"), "utf8")));

const SMALL = `第一方面:落实主体责任方面
(一)关于台账管理不规范的问题(已完成)
一是建立整改台账。二是逐项对账销号。
(二)关于督查检查不到位的问题(未完成)
一是加强督查。
第二方面:党建工作方面
(一)关于支部建设不规范的问题
一是规范支部设置。`;

describe("the preview's corrections", () => {
  it("renames a problem and numbers the problems in order", () => {
    const draft = renameProblem(parse(SMALL), { aspect: 0, problem: 1 }, "关于督查检查流于形式的问题");
    expect(titles(draft)).toEqual([["关于台账管理不规范的问题", "关于督查检查流于形式的问题"], ["关于支部建设不规范的问题"]]);
    expect([...problemNumbers(draft).values()]).toEqual([1, 2, 3]);
  });

  it("merges a problem into the previous one, keeping its title, text and the worse status", () => {
    const draft = mergeIntoPrevious(parse(SMALL), { aspect: 0, problem: 1 });
    expect(draft[0]!.problems).toHaveLength(1);
    expect(draft[0]!.problems[0]).toMatchObject({
      title: "关于台账管理不规范的问题",
      description: "并入:关于督查检查不到位的问题",
      status: "incomplete",
      measures: ["建立整改台账。", "逐项对账销号。", "加强督查。"],
    });
    // The first problem of an aspect has no previous one in it.
    expect(mergeIntoPrevious(draft, { aspect: 1, problem: 0 })).toBe(draft);
  });

  it("splits measures off into a new problem that needs a title", () => {
    const draft = splitMeasures(parse(SMALL), { aspect: 0, problem: 0 }, 1);
    expect(draft[0]!.problems.map((p) => [p.title, p.measures])).toEqual([
      ["关于台账管理不规范的问题", ["建立整改台账。"]],
      ["", ["逐项对账销号。"]],
      ["关于督查检查不到位的问题", ["加强督查。"]],
    ]);
    const check = documentPlanSchema.safeParse(toPlan(draft));
    expect(check.success).toBe(false);
    expect(check.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["aspects.0.problems.1.title", "请输入问题标题"]]);
  });

  it("moves a problem to another aspect, and to one the office adds", () => {
    let draft = moveProblem(parse(SMALL), { aspect: 1, problem: 0 }, 0);
    expect(titles(draft)).toEqual([["关于台账管理不规范的问题", "关于督查检查不到位的问题", "关于支部建设不规范的问题"], []]);
    draft = addAspect(draft, " 选人用人方面 ");
    draft = moveProblem(draft, { aspect: 0, problem: 2 }, 2);
    expect(draft.map((a) => [a.name, a.problems.length])).toEqual([["落实主体责任方面", 2], ["党建工作方面", 0], ["选人用人方面", 1]]);
    // An emptied aspect is allowed: it is simply not created.
    expect(documentPlanSchema.safeParse(toPlan(draft)).success).toBe(true);
  });

  it("moves a measure that is really the problem's wording into its description", () => {
    const draft = measureToDescription(parse(SMALL), { aspect: 0, problem: 0 }, 0);
    expect(draft[0]!.problems[0]).toMatchObject({ description: "建立整改台账。", measures: ["逐项对账销号。"] });
  });
});

describe("a report whose problems have numbered sub-findings (罗湖)", () => {
  it("splits a problem into one per sub-finding, the sub-heading becoming the title", () => {
    const draft = splitBySubheading(luohu(), { aspect: 0, problem: 0 });
    const split = draft[0]!.problems.slice(0, 4);
    expect(split.map((p) => [p.title, p.measures.length])).toEqual([
      ["针对学习不深入的问题", 8],
      ["针对贯彻落实中央决策部署不力的问题", 9],
      ["针对担当意识不够强的问题", 6],
      ["针对区委个别单位政治规矩意识淡薄问题", 1],
    ]);
    expect(split[0]!.description).toBe("原属:关于学习贯彻落实习近平新时代中国特色社会主义思想和党的十九大精神不到位的问题");
    expect(split[0]!.measures[0]).toMatch(/^【对个别领导干部对党的十九大精神、党建基本知识认识模糊问题的整改】加强专题学习。/);
    expect(split[3]!.measures[0]).toMatch(/^区委组织成立调查组/);
    expect(draft.flatMap((a) => a.problems)).toHaveLength(17 + 3);
    expect(documentPlanSchema.safeParse(toPlan(draft)).success).toBe(true);
  });

  it("splits at a measure, taking its sub-heading as the new title", () => {
    const draft = splitMeasures(luohu(), { aspect: 0, problem: 2 }, 4);
    expect(draft[0]!.problems[3]).toMatchObject({ title: "针对违章建筑控制不严问题", description: "原属:关于社会治理存在短板的问题" });
    expect(draft[0]!.problems[3]!.measures.map((m) => measureHeading(m).chain)).toEqual([[], [], ["针对城市环境卫生整治不力问题"], ["针对城市环境卫生整治不力问题"], ["针对城市环境卫生整治不力问题"], ["针对城市环境卫生整治不力问题"]]);
  });

  it("leaves a problem without sub-headings as it is", () => {
    const draft = parse(SMALL);
    expect(splitBySubheading(draft, { aspect: 0, problem: 0 })).toEqual(draft);
  });
});

describe("texts the server would refuse", () => {
  it("are shown before confirming and can be corrected in the preview", async () => {
    const { editProblemText } = await import("./draft");
    const draft = editProblemText(parse(SMALL), { aspect: 0, problem: 0 }, "description", "很长的描述".repeat(1200));
    const refused = documentPlanSchema.safeParse(toPlan(draft));
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["aspects.0.problems.0.description", "问题描述不能超过 5000 个字符"]]);
    const fixed = editProblemText(draft, { aspect: 0, problem: 0 }, "description", "台账不全。");
    expect(documentPlanSchema.safeParse(toPlan(fixed)).success).toBe(true);
  });
});
