import { describe, expect, it } from "vitest";
import { parseLedgerSheet, parseSerial, splitMeasureCell, splitUnits } from "./parse-plan";
import { LEDGER_COLUMNS, type LedgerColumn, type RawSheet } from "./types";

// Problems, measures and units from the Baoan report (reference/report-baoan-2021.txt),
// whose feedback was given on 2021-01-28.
const FEEDBACK_DATE = "2021-01-28";
const ASPECT_1 = "贯彻习近平新时代中国特色社会主义思想学用结合不够,同“双区”建设要求相比存在差距";
const ASPECT_2 = "管党治党政治责任尚未压紧压实,一些领域腐败问题比较突出";
const STUDY = "关于理论学习结合实际不够紧密的问题";
const ECONOMY = "关于推动经济高质量发展仍有不足的问题";
const DUTY = "关于全面从严治党主体责任落实不够到位的问题";

/** A sheet with the header at row 1 and one row per object, columns as listed in `header`. */
function sheet(header: string[], rows: Partial<Record<string, string>>[]): RawSheet {
  return {
    header,
    headerLine: 1,
    rows: rows.map((row, index) => ({ line: index + 2, cells: header.map((name) => row[name] ?? "") })),
  };
}
const parse = (raw: RawSheet) => parseLedgerSheet(raw, { feedbackDate: FEEDBACK_DATE });
const full = (rows: Partial<Record<LedgerColumn, string>>[]) => parse(sheet([...LEDGER_COLUMNS], rows));

describe("parseLedgerSheet", () => {
  it("groups rows sharing 序号 into one problem, in number order", () => {
    const plan = full([
      { 序号: "7", 方面: ASPECT_2, 问题: DUTY, 牵头领导: "张三", 牵头单位: "区纪委监委", 完成时限: "2021年12月底", 整改状态: "已完成" },
      { 序号: "1", 方面: ASPECT_1, 问题: STUDY, 整改措施: "科学确定学习主题", 牵头领导: "李四", 牵头单位: "区委宣传部", 责任单位: "区委办、区委宣传部", 完成时限: "2021年12月底,并长期坚持", 整改状态: "基本完成", 整改情况: "今年区委理论学习中心组专题学习党史8次" },
      { 序号: "1", 整改措施: "加强调研课题管理", 牵头单位: "区委政研室", 完成时限: "按序时进度推进", 整改状态: "推进中" },
    ]);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.aspects).toEqual([ASPECT_2, ASPECT_1]);
    expect(plan.unitNames).toEqual(["区纪委监委", "区委宣传部", "区委办", "区委政研室"]);
    expect(plan.problems.map((p) => p.number)).toEqual([1, 7]);

    const [study, duty] = plan.problems;
    expect(study).toMatchObject({ title: STUDY, aspect: ASPECT_1, leadLeader: "李四", leadUnit: "区委宣传部" });
    expect(study?.measures).toEqual([
      {
        line: 3,
        text: "科学确定学习主题",
        leadUnit: "区委宣传部",
        coUnits: ["区委办"], // the lead unit is not also a co-unit
        deadline: "2021-12-31",
        deadlineKind: "ongoing",
        deadlineText: "2021年12月底,并长期坚持",
        category: "time_limited",
        status: "basically_completed",
        progress: "今年区委理论学习中心组专题学习党史8次",
      },
      {
        line: 4,
        text: "加强调研课题管理",
        leadUnit: "区委政研室", // a later row's own lead unit belongs to its measure
        coUnits: [],
        deadline: null,
        deadlineKind: "scheduled",
        deadlineText: "按序时进度推进",
        category: "time_limited",
        status: "incomplete",
        progress: null,
      },
    ]);
    // One measure and no 整改措施: the problem itself is the task.
    expect(duty?.measures).toMatchObject([{ text: DUTY, leadUnit: "区纪委监委", status: "completed", deadline: "2021-12-31" }]);
  });

  it("matches columns by name in any order, tolerating marks and spaces, ignoring extra columns", () => {
    const header = ["整改状态", "备注", "问题(必填)", "责任单位", "序　号*", "完成时限", "*整改措施"];
    const plan = parse(
      sheet(header, [{ "问题(必填)": STUDY, "序　号*": "1", 整改状态: "完成", 责任单位: "区委办", "*整改措施": "科学确定学习主题", 备注: "随便" }]),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.problems).toMatchObject([
      { number: 1, title: STUDY, measures: [{ text: "科学确定学习主题", status: "completed", coUnits: ["区委办"] }] },
    ]);
  });

  it("needs only 序号 and 问题; the rest default", () => {
    const plan = parse(sheet(["问题", "序号"], [{ 序号: "1", 问题: STUDY }]));
    expect(plan).toEqual({
      aspects: [],
      unitNames: [],
      errors: [],
      warnings: [],
      problems: [
        {
          number: 1,
          title: STUDY,
          aspect: null,
          leadLeader: "",
          leadUnit: null,
          measures: [
            {
              line: 2,
              text: STUDY,
              leadUnit: null,
              coUnits: [],
              deadline: null,
              deadlineKind: "date",
              deadlineText: "",
              category: "time_limited",
              status: "incomplete",
              progress: null,
            },
          ],
        },
      ],
    });
  });

  it("reports each missing required column once, on the header row", () => {
    const raw = { ...sheet(["序号", "整改措施"], [{ 序号: "1" }, { 序号: "2" }]), headerLine: 3 };
    expect(parse(raw).errors).toEqual([{ line: 3, column: "问题", message: "第 3 行表头:缺少必填列“问题”" }]);
    expect(parse(sheet(["方面"], [])).errors.map((e) => e.column)).toEqual(["序号", "问题"]);
  });

  it("rejects a column that appears twice", () => {
    const plan = parse(sheet(["序号", "问题", "整改状态", "整改状态*"], [{ 序号: "1", 问题: STUDY }]));
    expect(plan.errors).toEqual([
      { line: 1, column: "整改状态", message: "第 1 行表头:“整改状态”列重复(第 C 列和第 D 列),请只保留一列" },
    ]);
    expect(plan.problems).toEqual([]);
  });

  it("names row, column, the word and the allowed words for an unknown status", () => {
    const plan = full([
      { 序号: "1", 问题: STUDY },
      { 序号: "2", 问题: ECONOMY, 整改状态: "待定" },
    ]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ line: 3, column: "整改状态" });
    expect(plan.errors[0]?.message).toMatch(/^第 3 行“整改状态”:无法识别“待定”。可填写:已完成、完成、基本完成、未完成/);
    expect(plan.problems.map((p) => p.number)).toEqual([1]);
  });

  it.each([
    ["已完成", "completed"],
    ["完成", "completed"],
    ["基本完成", "basically_completed"],
    ["未完成", "incomplete"],
    ["推进中", "incomplete"],
    ["正在推进", "incomplete"],
    ["持续推进", "incomplete"],
    ["整改中", "incomplete"],
    ["", "incomplete"],
    [" 已 完成 ", "completed"],
  ])("status %j → %s", (word, status) => {
    expect(full([{ 序号: "1", 问题: STUDY, 整改状态: word }]).problems[0]?.measures[0]?.status).toBe(status);
  });

  it("rejects a row without 问题 unless an earlier row has its 序号", () => {
    const plan = full([
      { 序号: "1", 问题: STUDY, 整改措施: "科学确定学习主题" },
      { 序号: "1", 整改措施: "推动理论学习中心组学习常态化、制度化" },
      { 序号: "2", 整改措施: "提升研发投入强度" },
    ]);
    expect(plan.errors).toEqual([
      { line: 4, column: "问题", message: "第 4 行“问题”:问题为空(每个序号第一次出现的行必须填写问题)" },
    ]);
    expect(plan.problems[0]?.measures.map((m) => m.text)).toEqual(["科学确定学习主题", "推动理论学习中心组学习常态化、制度化"]);
  });

  it("rejects a repeated 序号 whose 问题 differs from its first row", () => {
    const plan = full([
      { 序号: "3", 问题: STUDY },
      { 序号: "3", 问题: STUDY, 整改措施: "科学确定学习主题" },
      { 序号: "3", 问题: ECONOMY },
    ]);
    expect(plan.errors).toEqual([{ line: 4, column: "问题", message: "第 4 行“问题”:序号 3 的问题与第 2 行不一致" }]);
  });

  it("rejects a 序号 that is not a positive integer, naming row and column", () => {
    const plan = full([
      { 序号: "abc", 问题: STUDY },
      { 序号: "0", 问题: STUDY },
      { 序号: "1.5", 问题: STUDY },
      { 序号: "", 问题: STUDY },
    ]);
    expect(plan.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "序号"],
      [3, "序号"],
      [4, "序号"],
      [5, "序号"],
    ]);
    expect(plan.errors[0]?.message).toBe("第 2 行“序号”:“abc”不是有效的序号,应为正整数,如 1、2、3");
    expect(plan.errors[3]?.message).toMatch(/序号为空/);
  });

  it("collects every error in the file, not just the first", () => {
    const plan = full([
      { 序号: "x", 问题: STUDY, 整改状态: "待定" },
      { 序号: "2" },
      { 序号: "3", 问题: ECONOMY, 整改措施: "提".repeat(5001) },
    ]);
    expect(plan.errors.map((e) => `${e.line}:${e.column}`)).toEqual(["2:序号", "2:整改状态", "3:问题", "4:整改措施"]);
    expect(plan.errors[3]?.message).toBe("第 4 行“整改措施”:内容过长(5001 字),每格不超过 5000 字");
  });

  it("splits 责任单位 on every separator, dropping blanks, repeats and the lead unit", () => {
    const units = "区委办、区府办,区发改局，区财政局;区教育局；区卫健局/区住建局／区水务局\n区科技创新局\r\n区委宣传部、、区委办 ";
    const plan = full([{ 序号: "1", 问题: STUDY, 牵头单位: "区委宣传部", 责任单位: units }]);
    const expected = ["区委办", "区府办", "区发改局", "区财政局", "区教育局", "区卫健局", "区住建局", "区水务局", "区科技创新局"];
    expect(plan.problems[0]?.measures[0]?.coUnits).toEqual(expected);
    expect(plan.unitNames).toEqual(["区委宣传部", ...expected]);
    expect(splitUnits("区委办", null)).toEqual(["区委办"]);
  });

  it("reads 完成时限 with parseDeadline and warns, keeping the text, when it cannot", () => {
    const plan = full([
      { 序号: "1", 问题: STUDY, 完成时限: "立行立改" },
      { 序号: "1", 完成时限: "长期坚持" },
      { 序号: "1", 完成时限: "2021年10月底前" },
      { 序号: "1", 完成时限: "2019年底至2020年上半年" },
    ]);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        line: 5,
        column: "完成时限",
        message: "第 5 行“完成时限”:未能识别“2019年底至2020年上半年”,已按原文保存,请导入后核对完成日期",
      },
    ]);
    const deadlines = plan.problems[0]?.measures.map((m) => [m.deadline, m.deadlineKind, m.category, m.deadlineText]);
    expect(deadlines).toEqual([
      ["2021-02-27", "date", "immediate", "立行立改"], // feedback + 30 days
      [null, "ongoing", "long_term", "长期坚持"],
      ["2021-10-31", "date", "time_limited", "2021年10月底前"],
      [null, "date", "time_limited", "2019年底至2020年上半年"],
    ]);
  });
});

// 整改措施 cells as offices type them, from the Baoan report's measures (reference/report-baoan-2021.txt).
const ENUMERATED =
  "一是科学确定学习主题,把学习习近平总书记重要讲话和重要指示批示精神作为“第一议题”;二是加强调研课题管理;三是推动理论学习中心组学习常态化、制度化。";
const SPLIT_CASES: [string, string, string[]][] = [
  [
    "一是…二是…三是…",
    ENUMERATED,
    ["科学确定学习主题,把学习习近平总书记重要讲话和重要指示批示精神作为“第一议题”", "加强调研课题管理", "推动理论学习中心组学习常态化、制度化。"],
  ],
  ["1.…2.…", "1.提升研发投入强度,出台关于创新引领发展的实施办法。2.深化国资国企改革。", ["提升研发投入强度,出台关于创新引领发展的实施办法。", "深化国资国企改革。"]],
  ["(1)…(2)… on lines of their own", "（1）加快推进水污染治理\n（2）加快处置历史遗留违法建筑", ["加快推进水污染治理", "加快处置历史遗留违法建筑"]],
  ["text before 一是 stays with the first measure", "主要措施:一是建立问题台账;二是完善议事规则", ["主要措施:建立问题台账", "完善议事规则"]],
  [
    "sentences separated by ；",
    "出台水务工程验收管理办法；督促承建单位加大投入，多开作业面；每周三开展违法建筑集中拆除；",
    ["出台水务工程验收管理办法", "督促承建单位加大投入，多开作业面", "每周三开展违法建筑集中拆除"],
  ],
  ["ASCII ; as well", "建立教育医疗项目库; 遴选委派外部董事", ["建立教育医疗项目库", "遴选委派外部董事"]],
  ["short clauses between ； are one measure", "加强学习；长期坚持", ["加强学习；长期坚持"]],
  ["one short part keeps the whole cell", "完善议事规则和决策机制；长期坚持", ["完善议事规则和决策机制；长期坚持"]],
  ["a ； inside 《》 is not a separator", "出台《关于加强学习；改进作风的意见》", ["出台《关于加强学习；改进作风的意见》"]],
  ["never at ，or 、", "加强调研课题管理，推动学习常态化、制度化、规范化", ["加强调研课题管理，推动学习常态化、制度化、规范化"]],
  ["a lone 一是 is one measure", "一是加强调研课题管理", ["一是加强调研课题管理"]],
  ["是 in prose does not start an item", "进一步统一是非标准;加强调研课题管理工作", ["进一步统一是非标准", "加强调研课题管理工作"]],
];

describe("splitMeasureCell", () => {
  it.each(SPLIT_CASES)("%s", (_name, cell, measures) => {
    expect(splitMeasureCell(cell)).toEqual(measures);
  });
});

describe("parseLedgerSheet with splitMeasures", () => {
  const row = { 序号: "1", 问题: STUDY, 牵头单位: "区委宣传部", 责任单位: "区委办", 完成时限: "2021年12月底,并长期坚持", 整改状态: "基本完成", 整改情况: "已专题学习8次" };
  const cases: [string, string, boolean, number][] = [
    ["一是…二是…三是…", ENUMERATED, true, 3],
    ["1.…2.…", "1.加强调研课题管理。2.推动学习常态化。", true, 2],
    ["；-separated sentences", "加强调研课题管理；推动学习常态化；健全理论学习制度；科学确定学习主题", true, 4],
    ["short clauses", "加强学习；长期坚持", true, 1],
    ["option off", ENUMERATED, false, 1],
    ["empty cell: the problem is the task", "", true, 1],
  ];
  it.each(cases)("%s → %d measure(s)", (_name, measureText, splitMeasures, count) => {
    const plan = parseLedgerSheet(sheet([...LEDGER_COLUMNS], [{ ...row, 整改措施: measureText }]), { feedbackDate: FEEDBACK_DATE, splitMeasures });
    expect(plan.errors).toEqual([]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]?.measures).toHaveLength(count);
  });

  it("gives every measure of a split cell the row's owners, deadline, status and 整改情况, in order", () => {
    const plan = parseLedgerSheet(
      sheet([...LEDGER_COLUMNS], [{ ...row, 整改措施: ENUMERATED }, { 序号: "1", 整改措施: "健全理论学习制度", 牵头单位: "区委政研室" }]),
      { feedbackDate: FEEDBACK_DATE, splitMeasures: true },
    );
    const shared = {
      line: 2,
      leadUnit: "区委宣传部",
      coUnits: ["区委办"],
      deadline: "2021-12-31",
      deadlineKind: "ongoing",
      deadlineText: "2021年12月底,并长期坚持",
      category: "time_limited",
      status: "basically_completed",
      progress: "已专题学习8次",
    };
    expect(plan.problems[0]?.measures).toEqual([
      { ...shared, text: SPLIT_CASES[0]![2][0] },
      { ...shared, text: "加强调研课题管理" },
      { ...shared, text: "推动理论学习中心组学习常态化、制度化。" },
      { ...shared, line: 3, text: "健全理论学习制度", leadUnit: "区委政研室", coUnits: [], deadline: null, deadlineKind: "date", deadlineText: "", status: "incomplete", progress: null },
    ]);
    expect(plan.problems[0]?.measures[0]?.coUnits).not.toBe(plan.problems[0]?.measures[1]?.coUnits);
  });

  it("leaves the plan unchanged when the option is off or absent", () => {
    const rows = [{ ...row, 整改措施: ENUMERATED }, { 序号: "2", 问题: ECONOMY, 整改措施: "提升研发投入强度；深化国资国企改革工作" }];
    const raw = sheet([...LEDGER_COLUMNS], rows);
    const off = parseLedgerSheet(raw, { feedbackDate: FEEDBACK_DATE, splitMeasures: false });
    expect(off).toEqual(parse(raw));
    expect(off.problems.map((p) => p.measures.map((m) => m.text))).toEqual([[ENUMERATED], ["提升研发投入强度；深化国资国企改革工作"]]);
  });
});

describe("parseSerial", () => {
  it.each([
    ["1", 1],
    ["12", 12],
    ["3.0", 3],
    ["3、", 3],
    ["(1)", 1],
    ["（12）", 12],
    ["１２", 12],
    ["(一)", 1],
    ["（十）", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十三", 23],
    ["九十九", 99],
  ])("%j → %d", (text, number) => {
    expect(parseSerial(text)).toBe(number);
  });

  it.each(["", "0", "-1", "1.5", "abc", "一.1", "二三", "百", "1-1"])("rejects %j", (text) => {
    expect(parseSerial(text)).toBeNull();
  });
});
