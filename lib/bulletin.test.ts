import { describe, expect, it } from "vitest";
import { buildProgressReport, chineseDate, chineseNumeral, NO_PROGRESS_TEXT, type ReportInput } from "@/lib/bulletin";

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
    { problemId: 15, text: "制定查违领域巡查督办制度。", status: "completed", deadline: "2021-06-30", deadlineText: "2021年6月底", progress: "已印发。", progressDate: "2021-06-20" },
    { problemId: 16, text: "推动上级审计发现问题加快整改", status: "basically_completed", deadline: "2021-12-31", deadlineText: "2021年12月底", progress: "已完成整改41个", progressDate: "2021-11-01" },
    { problemId: 17, text: "小铲岛管护工程验收", status: "completed", deadline: "2022-12-31", deadlineText: "2022年底", progress: "已通过验收", progressDate: "2021-10-01" },
    { problemId: 17, text: "规范机动车维修行业危废管理", status: "incomplete", deadline: "2021-12-31", deadlineText: "2021年12月底,并长期坚持", progress: null, progressDate: null },
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

  it("prefers the office's texts, keeps paragraphs, and never doubles the full stop", () => {
    const doc = buildProgressReport({
      ...input,
      measures: input.measures.map((m) => ({ ...m, progress: null })),
      texts: { opening: "第一段\n\n第二段", closing: "", problems: { "16": { explanation: "", nextSteps: "年底前全部出清" } } },
    });
    expect(doc.unfinished[1]).toMatchObject({ explanation: NO_PROGRESS_TEXT, nextSteps: "年底前全部出清", nextStepsEdited: true });
    expect(doc.sections[0]!.blocks.map((b) => b.text)).toEqual([
      "省委第二巡视组对中共深圳市宝安区委员会进行了巡视。2021年1月28日,省委第二巡视组向中共深圳市宝安区委员会反馈了巡视意见。现将整改进展情况通报如下。",
      "第一段",
      "第二段",
      "截至2021年11月22日,反馈的3个问题,目前已完成1个、基本完成1个、未完成1个;共制定4项整改措施,目前已完成2项、基本完成1项、未完成1项。",
    ]);
    const measure = doc.sections[1]!.blocks.find((b) => b.kind === "paragraph" && b.lead === "一是")!;
    expect(measure.text).toBe(`制定查违领域巡查督办制度。(已完成)${NO_PROGRESS_TEXT}`);
    expect(doc.sections[2]!.blocks[1]!.text).toBe("1.《巡查督办制度》(深宝办〔2021〕5号,区查违办,2021年6月1日)");
  });

  it("says so when nothing is left to do", () => {
    const done = buildProgressReport({ ...input, problems: input.problems.map((p) => ({ ...p, status: "completed" as const })) });
    expect(done.unfinished).toEqual([]);
    expect(done.sections[3]!.blocks).toEqual([{ kind: "paragraph", text: "反馈的问题已全部完成整改。" }]);
  });
});
