import { describe, expect, it } from "vitest";
import { buildProgressReport, chineseDate, chineseNumeral, type ReportInput } from "@/lib/bulletin";

describe("chineseNumeral", () => {
  it.each([
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [17, "十七"],
    [20, "二十"],
    [23, "二十三"],
    [100, "一百"],
    [105, "一百零五"],
    [110, "一百一十"],
  ])("%i → %s", (n, expected) => expect(chineseNumeral(n)).toBe(expected));
});

it("writes dates the way the reports do", () => {
  expect(chineseDate("2021-01-28")).toBe("2021年1月28日");
});

const counts = (total: number, completed: number, basicallyCompleted: number) => ({
  total,
  completed,
  basicallyCompleted,
  incomplete: total - completed - basicallyCompleted,
});

// Problems (十五)-(十七) of the Baoan report (../shared/reference/report-baoan-2021.txt).
const input: ReportInput = {
  round: {
    name: "省委第二巡视组巡视宝安区反馈意见整改",
    kind: "inspection",
    inspectingBody: "省委第二巡视组",
    inspectedBody: "中共深圳市宝安区委员会",
    inspectionStart: null,
    inspectionEnd: null,
    feedbackDate: "2021-01-28",
  },
  figures: { problems: counts(3, 1, 1), measures: counts(4, 2, 1), aspects: [{ name: "落实监督“后半篇文章”不够到位", ...counts(3, 1, 1) }] },
  problems: [
    { id: 15, number: 15, title: "关于巡视发现的部分问题未整改到位的问题", status: "completed", aspectName: "落实监督“后半篇文章”不够到位" },
    { id: 16, number: 16, title: "关于审计发现的部分问题未整改到位的问题", status: "basically_completed", aspectName: "落实监督“后半篇文章”不够到位" },
    { id: 17, number: 17, title: "关于专项督导检查发现的部分问题未整改到位的问题", status: "incomplete", aspectName: "落实监督“后半篇文章”不够到位" },
  ],
  measures: [
    { problemId: 15, text: "制定查违领域巡查督办制度。", status: "completed", deadline: "2021-06-30", deadlineText: "2021年6月底", progress: "已印发。", progressDate: "2021-06-20", nextStep: null, nextStepDate: null },
    { problemId: 16, text: "推动上级审计发现问题加快整改", status: "basically_completed", deadline: "2021-12-31", deadlineText: "2021年12月底", progress: "已完成整改41个", progressDate: "2021-11-01", nextStep: "剩余6个问题年底前整改到位。", nextStepDate: "2021-11-01" },
    { problemId: 17, text: "小铲岛管护工程验收", status: "completed", deadline: "2022-12-31", deadlineText: "2022年底", progress: "已通过验收", progressDate: "2021-10-01", nextStep: "持续管护。", nextStepDate: "2021-10-01" },
    { problemId: 17, text: "规范机动车维修行业危废管理", status: "incomplete", deadline: "2021-12-31", deadlineText: "2021年12月底,并长期坚持", progress: null, progressDate: null, nextStep: null, nextStepDate: null },
  ],
  institutions: [{ title: "《巡查督办制度》", documentNumber: "深宝办〔2021〕5号", issuedDate: "2021-06-01", unitName: "区查违办" }],
  texts: { opening: "", closing: "", problems: {} },
  date: "2021-11-22",
};

describe("buildProgressReport", () => {
  it("orders open items 未完成 first and takes the latest deadline among open measures", () => {
    const doc = buildProgressReport(input);
    expect(doc.unfinished.map((u) => [u.number, u.status, u.deadline])).toEqual([
      [17, "incomplete", "2021年12月底,并长期坚持"], // the completed measure's later deadline does not count
      [16, "basically_completed", "2021年12月底"],
    ]);
    // The latest reported progress among the problem's measures.
    expect(doc.unfinished[0]!.explanation).toBe("已通过验收");
    expect(doc.unfinished[1]!.explanation).toBe("已完成整改41个");
  });

  it("takes each open item's next step from its units' reports, and leaves the line out where there is none", () => {
    const doc = buildProgressReport(input);
    // (十六)'s open measure named one; (十七)'s open measure did not — the completed one's
    // "持续管护" is no next step for what is still open.
    expect(doc.unfinished.map((u) => [u.number, u.nextSteps, u.nextStepsEdited])).toEqual([
      [17, null, false],
      [16, "剩余6个问题年底前整改到位。", false],
    ]);
    const lines = doc.sections[3]!.blocks.map((b) => (b.kind === "paragraph" ? `${b.lead ?? ""}${b.text}` : b.text));
    expect(lines).toEqual([
      "截至2021年11月22日,尚有未完成问题1个、基本完成问题1个需要进一步整改,具体如下:",
      "(十七)关于专项督导检查发现的部分问题未整改到位的问题(未完成)",
      "有关情况说明:已通过验收",
      "完成时限:2021年12月底,并长期坚持",
      "(十六)关于审计发现的部分问题未整改到位的问题(基本完成)",
      "有关情况说明:已完成整改41个",
      "下一步措施:剩余6个问题年底前整改到位。",
      "完成时限:2021年12月底",
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/巩固已有整改成果|倒排工期/);
  });

  it("marks the status after the problem's title and prints 整改情况 without marks or repeats", () => {
    const repeated = "一是推动上级审计发现问题加快整改。区委召开审计委员会工作会议专题研究,二是推动上级审计发现问题加快整改";
    const doc = buildProgressReport({
      ...input,
      measures: input.measures.map((m) => (m.problemId === 16 ? { ...m, progress: `整改情况:${repeated}` } : m)),
    });
    const blocks = doc.sections[1]!.blocks.map((b) => (b.kind === "paragraph" ? `${b.lead ?? ""}${b.text}` : b.text));
    expect(blocks).toEqual([
      "第一方面问题,落实监督“后半篇文章”不够到位",
      "该方面3个问题,目前已完成1个、基本完成1个、未完成1个。",
      "(十五)关于巡视发现的部分问题未整改到位的问题(已完成)",
      "整改情况:制定查违领域巡查督办制度。已印发。",
      "(十六)关于审计发现的部分问题未整改到位的问题(基本完成)",
      // Only the sentence the measure does not already say is kept.
      "整改情况:推动上级审计发现问题加快整改。区委召开审计委员会工作会议专题研究。",
      "(十七)关于专项督导检查发现的部分问题未整改到位的问题(未完成)",
      "整改情况:一是小铲岛管护工程验收。已通过验收。二是规范机动车维修行业危废管理。",
    ]);
  });

  it("prefers the office's texts, keeps paragraphs, and never doubles the full stop", () => {
    const doc = buildProgressReport({
      ...input,
      measures: input.measures.map((m) => ({ ...m, progress: null })),
      texts: { opening: "第一段\n\n第二段", closing: "", problems: { "16": { explanation: "", nextSteps: "年底前全部出清" } } },
    });
    expect(doc.unfinished[1]).toMatchObject({ explanation: null, nextSteps: "年底前全部出清", nextStepsEdited: true });
    expect(doc.sections[0]!.blocks.map((b) => b.text)).toEqual([
      "省委第二巡视组对中共深圳市宝安区委员会进行了巡视。2021年1月28日,省委第二巡视组向中共深圳市宝安区委员会反馈了巡视意见。现将整改进展情况通报如下。",
      "第一段",
      "第二段",
      "截至2021年11月22日,反馈的3个问题,目前已完成1个、基本完成1个、未完成1个;共制定4项整改措施,目前已完成2项、基本完成1项、未完成1项。",
    ]);
    const measure = doc.sections[1]!.blocks.find((b) => b.kind === "paragraph" && b.lead === "一是")!;
    expect(measure).toBeUndefined();
    expect(doc.sections[1]!.blocks).toContainEqual({ kind: "paragraph", lead: "整改情况:", text: "制定查违领域巡查督办制度。" });
    expect(doc.sections[2]!.blocks[1]!.text).toBe("1.《巡查督办制度》(深宝办〔2021〕5号,区查违办,2021年6月1日)");
  });

  it("leaves out the 建章立制 section when no institution is registered", () => {
    const doc = buildProgressReport({ ...input, institutions: [] });
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "一、整改工作总体情况",
      "二、巡视反馈问题整改情况",
      "三、需要进一步整改的事项及措施",
      "四、下一步工作",
    ]);
    expect(JSON.stringify(doc)).not.toContain("尚未登记");
  });

  it("says so when nothing is left to do", () => {
    const done = buildProgressReport({ ...input, problems: input.problems.map((p) => ({ ...p, status: "completed" as const })) });
    expect(done.unfinished).toEqual([]);
    expect(done.sections[3]!.blocks).toEqual([{ kind: "paragraph", text: "反馈的问题已全部完成整改。" }]);
  });
});
