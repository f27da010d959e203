import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countStatuses } from "@/lib/status";
import { parseDocument } from "./parse-document";
import type { ParsedDocument } from "./types";

// The three published progress reports in ../shared/reference (copied to ./fixtures so the
// tests run from any checkout). Expected counts were taken by reading each report: every
// problem the report numbers, per aspect, and the measures it lists (一是/二是…; a problem
// whose body has no items is one measure).
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");

const problemsOf = (doc: ParsedDocument) => doc.aspects.flatMap((a) => a.problems);
const statusCounts = (doc: ParsedDocument) =>
  countStatuses(problemsOf(doc).map((p) => p.status ?? "incomplete"));

const REPORTS = [
  {
    file: "report-baoan-2021.txt",
    aspects: [
      "贯彻习近平新时代中国特色社会主义思想学用结合不够,同“双区”建设要求相比存在差距",
      "管党治党政治责任尚未压紧压实,一些领域腐败问题比较突出",
      "选人用人和干部管理存在差距,基层党建工作仍需加强",
      "落实巡视、审计等监督“后半篇文章”不够到位,整改责任和成效有待加强",
    ],
    problemsPerAspect: [6, 5, 3, 3],
    measuresPerProblem: [4, 8, 5, 3, 3, 7, 5, 3, 5, 6, 5, 2, 3, 3, 1, 2, 3],
    titles: {
      1: "关于理论学习结合实际不够紧密的问题",
      3: "关于污染防治和防范化解风险方面存在的问题",
      7: "关于全面从严治党主体责任落实不够到位的问题",
      11: "关于形式主义和官僚主义问题不同程度存在的问题",
      15: "关于巡视发现的部分问题未整改到位的问题",
      17: "关于专项督导检查发现的部分问题未整改到位的问题",
    },
    labels: { 1: "(一)", 12: "(十二)", 17: "(十七)" },
    firstMeasure: "科学确定学习主题。健全理论联系实际的学习制度",
    furniture: 0,
  },
  {
    file: "report-doumen-2021.txt",
    aspects: [
      "落实党中央重大决策部署不够到位,统筹推进疫情防控和经济社会发展有差距",
      "坚持以人民为中心发展思想不够牢固,解决群众操心事烦心事揪心事有短板",
      "推进全面从严治党不够有力",
      "贯彻落实新时代党的组织路线不够到位",
      "主题教育、巡视、审计等发现问题整改不到位",
    ],
    problemsPerAspect: [3, 4, 3, 3, 3],
    measuresPerProblem: [2, 3, 3, 3, 3, 4, 1, 3, 2, 2, 4, 3, 2, 1, 1, 2],
    titles: {
      1: "关于统筹推进疫情防控和经济社会发展方面存在的问题",
      4: "关于基础教育建设力度不足的问题",
      7: "关于基本民生底线兜得不够牢固的问题",
      8: "关于“两个责任”落实不够到位的问题",
      16: "关于审计发现问题整改不彻底的问题",
    },
    // The report numbers (一)(二)… afresh in every aspect; the plan numbers straight through.
    labels: { 1: "(一)", 4: "(一)", 16: "(三)" },
    firstMeasure: "全力以赴扶持企业复工复产。印发《关于进一步做好区级扶持企业复工复产政策补贴资金发放工作的意见》",
    furniture: 8,
  },
  {
    file: "report-luohu-2019.txt",
    aspects: [
      "党的领导作用有所弱化,区委谋划发展能力不足",
      "党建主体责任落实不到位,基层党组织建设逐级弱化",
      "全面从严治党不力,反腐败斗争形势依然严峻复杂",
      "干部选拔任用标准不规范,选人用人问题突出",
      "落实中央八项规定精神不彻底,“四风”问题突出",
    ],
    problemsPerAspect: [3, 4, 5, 3, 2],
    measuresPerProblem: [24, 24, 10, 1, 14, 4, 10, 13, 7, 7, 4, 10, 6, 7, 3, 9, 7],
    titles: {
      1: "关于学习贯彻落实习近平新时代中国特色社会主义思想和党的十九大精神不到位的问题",
      4: "关于党建主业意识不强的问题",
      6: "关于党员管理监督不到位问题",
      11: "关于重点项目监管不到位,廉政风险突出的问题",
      17: "关于破除形式主义、官僚主义不到位的问题",
    },
    labels: { 1: "(一)", 8: "(一)", 12: "(五)" },
    // Its numbered sub-findings (1.针对… / (1)对…的整改) are kept on each measure.
    firstMeasure: "【针对学习不深入的问题 / 对个别领导干部对党的十九大精神、党建基本知识认识模糊问题的整改】加强专题学习。",
    furniture: 1,
  },
];

describe.each(REPORTS)("$file", (report) => {
  const doc = parseDocument(fixture(report.file));
  const problems = problemsOf(doc);

  it("finds every aspect, by name", () => {
    expect(doc.aspects.map((a) => a.name)).toEqual(report.aspects);
  });

  it("finds every problem the report numbers, in every aspect, numbered straight through", () => {
    expect(doc.aspects.map((a) => a.problems.length)).toEqual(report.problemsPerAspect);
    expect(problems.map((p) => p.number)).toEqual(problems.map((_, i) => i + 1));
  });

  it("reads the titles and the document's own markers", () => {
    for (const [number, title] of Object.entries(report.titles)) expect(problems[Number(number) - 1]?.title).toBe(title);
    for (const [number, label] of Object.entries(report.labels)) expect(problems[Number(number) - 1]?.label).toBe(label);
  });

  it("splits each problem's body into its measures", () => {
    expect(problems.map((p) => p.measures.length)).toEqual(report.measuresPerProblem);
    expect(problems[0]!.measures[0]!.startsWith(report.firstMeasure)).toBe(true);
    // 一是/二是 are markers, not part of the measure.
    expect(problems.flatMap((p) => p.measures).filter((m) => /^[一二三四五六七八]是/.test(m))).toEqual([]);
  });

  it("has no status of its own (the report tags none and lists nothing still open)", () => {
    expect(problems.every((p) => p.status === null)).toBe(true);
  });

  it("keeps the report's other sections as unassigned text and says so", () => {
    expect(doc.unassigned.map((u) => u.context).filter((c) => /^三、/.test(c))).toHaveLength(1);
    expect(doc.warnings.filter((w) => w.startsWith("未归入任何问题")).length).toBe(doc.unassigned.length);
    expect(doc.warnings.filter((w) => w.startsWith("已略去网页附带的")).length).toBe(report.furniture > 0 ? 1 : 0);
    if (report.furniture > 0) expect(doc.warnings.join()).toContain(`已略去网页附带的 ${report.furniture} 行`);
  });

  it("loses no sentence of the report: every paragraph is in the plan, the unassigned text or the page furniture", () => {
    const kept = [
      ...doc.aspects.flatMap((a) => [a.name, ...a.problems.flatMap((p) => [p.title, p.description, p.progressText, ...p.measures])]),
      ...doc.unassigned.flatMap((u) => [u.context, u.text]),
    ]
      .join("")
      .replace(/\s+/g, "");
    const MARKER = /^(第[一二三四五六七八九十]+方面(问题)?[,:：]?|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+\.|[一二三四五六七八九十]+是)/;
    const sentences = fixture(report.file)
      .split(/\n/)
      .flatMap((line) => line.split(/[。;]/))
      .map((s) => s.trim().replace(MARKER, "").replace(/\s+/g, ""))
      .filter((s) => s.length >= 12);
    const missing = sentences.filter((s) => !kept.includes(s));
    // Only the web page's header and footer lines are left out, and the warning names them.
    expect(missing.length).toBeLessThanOrEqual(report.furniture);
  });
});

describe("status tags", () => {
  const doc = parseDocument(
    [
      "关于市委第二巡察组反馈意见整改情况的报告",
      "第一方面：落实党中央重大决策部署不够到位",
      "（一）关于“统筹推进疫情防控和经济社会发展”方面存在的问题（已完成）",
      "一是全力以赴扶持企业复工复产。已下达补贴资金350万元。二是积极参与粤港澳大湾区建设。",
      "(二)关于落实意识形态工作责任制不够到位的问题（基本完成）",
      "整改措施：1．及时传达学习；2．强化业务培训；3．筑牢安全防线。",
      "完成时限：2021年12月底，并长期坚持",
      "(三)针对巡察组指出的“耕地保护不够坚决”问题【未完成】",
      "整改情况：正在推进违法用地整治，已整改306宗。",
      "第二方面问题，推进全面从严治党不够有力",
      "１．关于“两个责任”落实不够到位的问题 (已完成)",
      "一是高度重视做好村级换届;二是强化国有企业监管。",
      "2、关于落实中央八项规定精神不严格的问题",
      "整改状态：基本完成",
      "①加强管理力度。",
      "②严格预算审核。",
      "3.关于形式主义、官僚主义仍有发生的问题",
      "一是开展专项整治(已完成)。二是全面精减考核事项(已完成)。",
    ].join("\n"),
  );
  const problems = problemsOf(doc);

  it.each([
    [1, "关于“统筹推进疫情防控和经济社会发展”方面存在的问题", "completed", ["全力以赴扶持企业复工复产。已下达补贴资金350万元。", "积极参与粤港澳大湾区建设。"]],
    [2, "关于落实意识形态工作责任制不够到位的问题", "basically_completed", ["及时传达学习", "强化业务培训", "筑牢安全防线。"]],
    [3, "针对巡察组指出的“耕地保护不够坚决”问题", "incomplete", ["正在推进违法用地整治，已整改306宗。"]],
    [4, "关于“两个责任”落实不够到位的问题", "completed", ["高度重视做好村级换届", "强化国有企业监管。"]],
    [5, "关于落实中央八项规定精神不严格的问题", "basically_completed", ["加强管理力度。", "严格预算审核。"]],
    // Every measure tagged 已完成 and the problem untagged: rolled up.
    [6, "关于形式主义、官僚主义仍有发生的问题", "completed", ["开展专项整治。", "全面精减考核事项。"]],
  ])("problem %i: %s is %s", (number, title, status, measures) => {
    const problem = problems[number - 1]!;
    expect(problem).toMatchObject({ number, title, status, measures });
  });

  it("counts the statuses, reads 完成时限 and 整改情况", () => {
    expect(statusCounts(doc)).toEqual({ total: 6, completed: 3, basicallyCompleted: 2, incomplete: 1 });
    expect(problems[1]!.deadlineText).toBe("2021年12月底，并长期坚持");
    expect(problems[2]!.progressText).toBe("正在推进违法用地整治，已整改306宗。");
  });
});

// The Baoan report with the closing section a published report has when work remains.
const BAOAN_WITH_CLOSING = `${fixture("report-baoan-2021.txt")}
四、需要进一步整改的事项及措施
经过集中整改,全区17个问题中仍有3个需要持续推进,具体如下:
(一)关于违法用地、违法建设历史存量较大的问题(基本完成)
有关情况说明:剩余卫片执法图斑正按“一宗一策”推进整改。
下一步措施:年底前完成全部图斑整改,持续推进历史遗留违法建筑处置。
完成时限:2022年12月底
(二)第16项(未完成)
有关情况说明:上级审计发现问题中剩余6个问题正在加快推进整改。下一步措施:逐项明确责任和时限,2023年完成“僵尸企业”出清。完成时限:2023年6月底,并长期坚持
(三)专项督导检查发现的部分问题未整改到位
整改状态:基本完成
有关情况说明:剩余1项问题正有序推进整改。
下一步措施:加快推进剩余问题整改。
完成时限:按序时进度推进
`;

describe("a report's closing section (需要进一步整改的事项及措施)", () => {
  const doc = parseDocument(BAOAN_WITH_CLOSING);
  const problems = problemsOf(doc);

  it("gives the listed problems their status and deadline, and the others 已完成", () => {
    expect(statusCounts(doc)).toEqual({ total: 17, completed: 14, basicallyCompleted: 2, incomplete: 1 });
    expect(problems[3]).toMatchObject({ title: "关于违法用地、违法建设历史存量较大的问题", status: "basically_completed", deadlineText: "2022年12月底" });
    expect(problems[15]).toMatchObject({ title: "关于审计发现的部分问题未整改到位的问题", status: "incomplete", deadlineText: "2023年6月底,并长期坚持" });
    expect(problems[16]).toMatchObject({ status: "basically_completed", deadlineText: "按序时进度推进" });
  });

  it("keeps 有关情况说明 as progress text and 下一步措施 as a further measure", () => {
    expect(problems[3]!.progressText).toBe("有关情况说明:剩余卫片执法图斑正按“一宗一策”推进整改。");
    expect(problems[3]!.measures).toHaveLength(4);
    expect(problems[3]!.measures.at(-1)).toBe("【下一步措施】年底前完成全部图斑整改,持续推进历史遗留违法建筑处置。");
    expect(problems[15]!.measures.at(-1)).toBe("【下一步措施】逐项明确责任和时限,2023年完成“僵尸企业”出清。");
  });

  it("keeps the section's lead-in, and explains what it did", () => {
    expect(doc.unassigned.find((u) => u.context.startsWith("四、"))?.text).toBe("经过集中整改,全区17个问题中仍有3个需要持续推进,具体如下:");
    expect(doc.warnings).toContain("按“需要进一步整改的事项及措施”一节:其中列出的 3 个问题取其所写状态和时限,其余 14 个问题视为已完成");
  });

  it("groups items under 基本完成/未完成 headings", () => {
    const grouped = parseDocument(`${fixture("report-doumen-2021.txt")}
四、尚需进一步整改的问题
(一)基本完成的事项(1项)
1.关于基础教育建设力度不足的问题
有关情况说明:博雅小学建设项目建设周期需要2年左右。
完成时限:2022年9月底
(二)未完成的事项(2项)
1.关于解决土地历史遗留问题作为不够的问题
下一步措施:依法依规妥善处理141宗历史欠缴配套费案件。
2.关于根本不存在的问题
完成时限:2022年底
`);
    expect(statusCounts(grouped)).toEqual({ total: 16, completed: 14, basicallyCompleted: 1, incomplete: 1 });
    expect(problemsOf(grouped)[3]).toMatchObject({ status: "basically_completed", deadlineText: "2022年9月底" });
    expect(problemsOf(grouped)[12]).toMatchObject({ status: "incomplete", title: "关于解决土地历史遗留问题作为不够的问题" });
    // An item naming no problem of the report is not dropped.
    expect(grouped.warnings).toContain("“尚需进一步整改的问题”中的“关于根本不存在的问题”未能对应到任何问题");
    expect(grouped.unassigned.at(-1)).toEqual({ context: "四、尚需进一步整改的问题", text: "关于根本不存在的问题\n2022年底" });
  });
});

describe("a plain feedback document", () => {
  const doc = parseDocument(`中共某市委第一巡察组关于巡察市教育局党组的反馈意见
根据市委统一部署,2021年3月至5月,市委第一巡察组对市教育局党组进行了巡察。现将巡察情况反馈如下。
一、贯彻落实党中央决策部署方面
（一）关于理论学习不深入的问题
党组理论学习中心组学习流于形式,联系实际不够。
（二）针对巡察组指出的“意识形态工作责任制落实不到位”问题
意识形态工作研判不及时,阵地管理存在漏洞。
二、全面从严治党方面
（一）关于“四风”问题仍有发生的问题
1.违规发放津补贴。
2.公务用车管理不规范。
（二）关于落实监督责任不到位的问题
三、选人用人方面
（一）关于干部档案管理不规范的问题
部分干部档案材料缺失。
四、巡察整改意见
（一）提高政治站位,切实抓好整改。
（二）建立长效机制,防止问题反弹。
`);
  const problems = problemsOf(doc);

  it("finds aspects and problems, all without status and without measures", () => {
    expect(doc.aspects.map((a) => [a.name, a.problems.length])).toEqual([
      ["贯彻落实党中央决策部署方面", 2],
      ["全面从严治党方面", 2],
      ["选人用人方面", 1],
    ]);
    expect(problems.map((p) => p.status)).toEqual([null, null, null, null, null]);
    expect(statusCounts(doc)).toEqual({ total: 5, completed: 0, basicallyCompleted: 0, incomplete: 5 });
    expect(problems.every((p) => p.measures.length === 0)).toBe(true);
  });

  it("keeps the feedback under each problem as its description", () => {
    expect(problems[1]).toMatchObject({
      title: "针对巡察组指出的“意识形态工作责任制落实不到位”问题",
      description: "意识形态工作研判不及时,阵地管理存在漏洞。",
    });
    expect(problems[2]!.description).toBe("1.违规发放津补贴。\n2.公务用车管理不规范。");
    expect(doc.warnings[0]).toMatch(/^文档中没有“一是…”/);
  });

  it("keeps the sections that are not problems", () => {
    expect(doc.unassigned.map((u) => u.context)).toEqual(["文档开头", "四、巡察整改意见"]);
    expect(doc.unassigned[1]!.text).toContain("（二）建立长效机制,防止问题反弹。");
  });
});

describe("odd punctuation and page furniture", () => {
  const doc = parseDocument(
    [
      "来源：市委巡察办\u3000\u3000发布时间：2021-06-30 10:00",
      "分享到：",
      "【字体：大 中 小】",
      "第 一 方面 ： 落实主体责任不到位",
      "（ 一 ）\u200b关于“台账管理不规范”的问题（ 已完成 ）",
      "一是建立整改台账；二是逐项对账销号。",
      "（二）",
      "关于督查检查不到位的问题",
      "整改措施：⑴加强督查；⑵定期通报。",
      "第二方面：党建工作弱化",
      "１.关于支部建设不规范的问题",
      "1、 规范支部设置。",
      "2 、严格组织生活。",
      "打印本页　关闭窗口",
      "主办单位：某市纪委监委",
    ].join("\r\n"),
  );
  const problems = problemsOf(doc);

  it("reads full-width, half-width and spaced markers, tags and colons alike", () => {
    expect(doc.aspects.map((a) => a.name)).toEqual(["落实主体责任不到位", "党建工作弱化"]);
    expect(problems.map((p) => [p.title, p.status, p.measures])).toEqual([
      ["关于“台账管理不规范”的问题", "completed", ["建立整改台账", "逐项对账销号。"]],
      ["关于督查检查不到位的问题", null, ["加强督查", "定期通报。"]],
      ["关于支部建设不规范的问题", null, ["规范支部设置。", "严格组织生活。"]],
    ]);
  });

  it("leaves out the web page around the text, and says how much", () => {
    expect(doc.warnings[0]).toBe("已略去网页附带的 5 行(如“来源：市委巡察办 发布时间：2021-06-30 10:00”),它们不属于正文");
    expect(doc.unassigned).toEqual([]);
  });
});

describe("a document with an unexpected section", () => {
  const doc = parseDocument(`某局关于巡察反馈意见的整改方案
第一方面:落实主体责任方面
巡察组指出本方面问题共2个,以下逐一列明。
(一)关于台账管理不规范的问题
整改措施:建立整改台账,逐项对账销号。
完成时限:2021年12月底
(二)关于督查检查不到位的问题
整改措施:一是加强督查;二是定期通报。
五、关于整改经费的特别说明
整改所需经费由局机关统筹保障,不足部分另行申请。
附:整改责任分工表(另附)
`);

  it("places the plan and keeps the unexpected text, each piece with a warning", () => {
    expect(problemsOf(doc).map((p) => [p.title, p.measures.length, p.deadlineText])).toEqual([
      ["关于台账管理不规范的问题", 1, "2021年12月底"],
      ["关于督查检查不到位的问题", 2, ""],
    ]);
    expect(doc.unassigned).toEqual([
      { context: "文档开头", text: "某局关于巡察反馈意见的整改方案" },
      { context: "第一方面:落实主体责任方面", text: "巡察组指出本方面问题共2个,以下逐一列明。" },
      {
        context: "五、关于整改经费的特别说明",
        text: "五、关于整改经费的特别说明\n整改所需经费由局机关统筹保障,不足部分另行申请。\n附:整改责任分工表(另附)",
      },
    ]);
    expect(doc.warnings).toEqual(
      expect.arrayContaining([
        "未归入任何问题:“第一方面:落实主体责任方面”下的 1 段,见“未归类内容”",
        "未归入任何问题:“五、关于整改经费的特别说明”下的 3 段,见“未归类内容”",
      ]),
    );
  });

  it("warns about gaps in the numbering", () => {
    const gap = parseDocument("第一方面:甲\n(一)关于甲的问题\n一是措施一。\n(三)关于乙的问题\n一是措施二。");
    expect(gap.warnings).toContain("第 2 个问题的编号“(三)”与前一个问题不连续,请核对是否漏掉或多出了问题");
  });

  it("says so when it finds no problem at all", () => {
    const empty = parseDocument("会议纪要\n今天开会研究了整改工作。");
    expect(problemsOf(empty)).toEqual([]);
    expect(empty.unassigned).toEqual([{ context: "文档开头", text: "会议纪要\n今天开会研究了整改工作。" }]);
    expect(empty.warnings.at(-1)).toMatch(/^未识别出任何问题/);
  });
});
