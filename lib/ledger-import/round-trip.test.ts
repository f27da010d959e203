import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { EXPORT_ONLY_COLUMNS, writeLedgerTemplate, writeLedgerWorkbook } from "@/lib/ledger-export";
import { parseLedgerSheet } from "./parse-plan";
import { MAX_DATA_ROWS, MAX_FILE_BYTES, readLedgerFile } from "./read-file";
import { LEDGER_COLUMNS, type ImportPlan, type LedgerColumn, type RawSheet } from "./types";

// The export must be an import file: what the office downloads, edits and uploads again
// has to come back as the same plan. Phrases from reference/report-baoan-2021.txt.
const FEEDBACK_DATE = "2021-01-28";
const TITLE = "宝安区委关于省委第二巡视组反馈意见";
const ASPECTS = [
  "贯彻习近平新时代中国特色社会主义思想学用结合不够,同“双区”建设要求相比存在差距",
  "管党治党政治责任尚未压紧压实,一些领域腐败问题比较突出",
  "选人用人和干部管理存在差距,基层党建工作仍需加强",
  "落实巡视、审计等监督“后半篇文章”不够到位,整改责任和成效有待加强",
];

// [序号, aspect index, 问题, 牵头领导, 牵头单位, measures ("" = the problem is the measure)]
const PROBLEMS: [number, number, string, string, string, string[]][] = [
  [1, 0, "关于理论学习结合实际不够紧密的问题", "区委副书记", "区委宣传部", ["科学确定学习主题", "推动理论学习中心组学习常态化、制度化", "贯彻“大学习、深调研、真落实”工作部署", "加强调研课题管理"]],
  [2, 0, "关于推动经济高质量发展仍有不足的问题", "常务副区长", "区发展和改革局", ["提升研发投入强度", "强力推动企业PCT国际专利海外布局", "强力提升创新平台载体质量", "全面提升产业园区品质", "优化提升营商环境"]],
  [3, 0, "关于污染防治和防范化解风险方面存在的问题", "副区长", "区水务局", ["加快推进水污染治理", "严厉打击违法排污行为", "提升垃圾分类处理末端环节效能"]],
  [4, 0, "关于违法用地、违法建设历史存量较大的问题", "副区长", "区规划土地监察局", ["加快处置历史遗留违法建筑", "加大推进违法用地整改力度", "加快推进高尔夫球场清理整治"]],
  [5, 0, "关于教育、医疗等民生保障短板突出的问题", "副区长", "区教育局", ["全力加大社会民生项目投入", "超常规推进学位建设,推动教育质量优质均衡发展", "加速补齐医疗短板,全力以赴推动病床数增加"]],
  [7, 1, "关于全面从严治党主体责任落实不够到位的问题", "区委书记", "区委办", ["加强全面从严治党压力传导", "推动“咬耳扯袖”常态化", "提升区委巡察工作规范化水平"]],
  [10, 1, "关于违反中央八项规定精神问题屡禁不绝的问题", "区纪委书记", "区纪委监委", ["严格规范领导干部办公用房的使用管理", "进一步加强公务用车管理", "深入纠治“四风”问题"]],
  [12, 2, "关于选人用人工作把关不够严的问题", "区委组织部部长", "区委组织部", [""]],
  [13, 2, "关于干部监督管理亟待加强的问题", "区委组织部部长", "区委组织部", ["规范干部档案管理", "加强干部因私出国(境)管理"]],
  [15, 3, "关于巡视发现的部分问题未整改到位的问题", "区委副书记", "区规划土地监察局", ["制定查违领域巡查督办制度,加大违法用地和违法建设查处力度"]],
  [16, 3, "关于审计发现的部分问题未整改到位的问题", "区长", "区审计局", ["推动上级审计发现问题加快整改", "强力推动“僵尸企业”出清"]],
];
const DEADLINES = ["2021年12月底", "2021年12月底,并长期坚持", "按序时进度推进", "立行立改", "长期坚持", "2021年10月底前", "2022年6月30日", "", "2019年底至2020年上半年"];
const STATUSES = ["已完成", "基本完成", "未完成", ""];
const CO_UNITS = ["区委办、区府办", "", "区财政局,区发展和改革局;区委办", "各街道"];
const PROGRESS = ["今年区委理论学习中心组专题学习党史8次。\n今年以来已形成转化成果81项。", "", "全区PCT申请量637件,同比增长23.45%"];

/** The office's ledger as a sheet laid out like the export: title row 1, header row 2. */
function ledgerSheet(): RawSheet {
  const rows: RawSheet["rows"] = [];
  for (const [number, aspect, title, leader, leadUnit, measures] of PROBLEMS) {
    measures.forEach((measure, index) => {
      const i = rows.length;
      // The lead unit on a later row of a problem is that measure's own lead unit.
      const unit = index === 2 ? "区科技创新局" : leadUnit;
      const cells = [String(number), ASPECTS[aspect], title, measure, leader, unit, CO_UNITS[i % 4], DEADLINES[i % 9], STATUSES[i % 4], PROGRESS[i % 3]];
      rows.push({ line: i + 3, cells: cells.map((cell) => cell ?? "") });
    });
  }
  return { header: [...LEDGER_COLUMNS], headerLine: 2, rows };
}

const parse = (sheet: RawSheet) => parseLedgerSheet(sheet, { feedbackDate: FEEDBACK_DATE });

async function roundTrip(plan: ImportPlan, aspectOrder?: string[]): Promise<ImportPlan> {
  const file = await writeLedgerWorkbook({ title: TITLE, date: "2021-11-22", problems: plan.problems, aspectOrder });
  return parse(await readLedgerFile(file, "整改台账.xlsx"));
}

async function loadSheet(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

/** Problems with row numbers blanked, for exports whose row order differs from the input. */
const withoutLines = (plan: ImportPlan) =>
  plan.problems.map((problem) => ({ ...problem, measures: problem.measures.map((measure) => ({ ...measure, line: 0 })) }));

describe("export → import round trip", () => {
  it("reads a 30-measure plan back unchanged", async () => {
    const plan = parse(ledgerSheet());
    expect(plan.errors).toEqual([]);
    expect(plan.problems.flatMap((problem) => problem.measures)).toHaveLength(30);
    expect(plan.warnings.length).toBeGreaterThan(0); // the unreadable deadline travels as text

    expect(await roundTrip(plan)).toEqual(plan);
  });

  it("orders rows by the round's aspect order when given", async () => {
    const plan = parse(ledgerSheet());
    const order = [...ASPECTS].reverse();
    const back = await roundTrip(plan, order);
    expect(back.errors).toEqual([]);
    expect(back.aspects).toEqual(order);
    expect(withoutLines(back)).toEqual(withoutLines(plan));
  });

  it("writes the printed layout: title, header, frozen panes, coloured status", async () => {
    const plan = parse(ledgerSheet());
    const sheet = await loadSheet(await writeLedgerWorkbook({ title: TITLE, date: "2021-11-22", problems: plan.problems }));
    expect(sheet.name).toBe("整改台账");
    expect(sheet.getCell("A1").value).toBe(`${TITLE} 整改台账(截至 2021-11-22)`);
    expect(sheet.getCell("J1").isMerged).toBe(true);
    // The 量化指标 columns follow the template's; the import ignores them.
    expect(sheet.getRow(2).values).toEqual([undefined, ...LEDGER_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.getCell("A3").value).toBe(1); // 序号 stays a number
    expect(sheet.getCell("I3").value).toBe("已完成");
    expect(sheet.getCell("I3").fill).toMatchObject({ fgColor: { argb: "FFC6EFCE" } });
    expect(sheet.rowCount).toBe(32);
  });

  it("writes a measure's 量化指标 in its own columns, figures as numbers", async () => {
    const plan = parse(ledgerSheet());
    const [first, ...rest] = plan.problems;
    const measure = { ...first!.measures[0]!, indicator: { name: "断面氨氮浓度", unit: "mg/L", direction: "lower" as const, baseline: 2.1, target: 1.5, actual: 1.8 } };
    const problems = [{ ...first!, measures: [measure, ...first!.measures.slice(1)] }, ...rest];
    const sheet = await loadSheet(await writeLedgerWorkbook({ title: TITLE, date: "2021-11-22", problems }));
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(["断面氨氮浓度(越低越好)", "mg/L", 2.1, 1.5, 1.8, "未达到目标"]));
    expect(sheet.getCell("K4").value).toBeNull();
  });

  it("keeps formula-looking text as plain text that survives the round trip", async () => {
    const dangerous: Partial<Record<LedgerColumn, string>> = {
      问题: '=HYPERLINK("http://example.com","点击查看")',
      整改措施: "+86 0755-12345678 联系整改专班",
      牵头领导: "@SUM(A1:A9)",
      责任单位: "-5、区委办",
      完成时限: "=1+1",
      整改情况: "'=已加引号的文字",
    };
    const cells = LEDGER_COLUMNS.map((column) => (column === "序号" ? "1" : dangerous[column] ?? ""));
    const plan = parse({ header: [...LEDGER_COLUMNS], headerLine: 2, rows: [{ line: 3, cells }] });
    expect(plan.errors).toEqual([]);

    const file = await writeLedgerWorkbook({ title: "=cmd|' /C calc'!A0", date: "2021-11-22", problems: plan.problems });
    const sheet = await loadSheet(file);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      }),
    );
    const written = (column: LedgerColumn) => sheet.getCell(3, LEDGER_COLUMNS.indexOf(column) + 1);
    for (const column of ["问题", "整改措施", "牵头领导", "责任单位", "完成时限", "整改情况"] as const) {
      expect(written(column).type).toBe(ExcelJS.ValueType.String);
      expect(written(column).value).toBe(`'${dangerous[column]}`);
    }
    expect(sheet.getCell("A1").value).toBe("'=cmd|' /C calc'!A0 整改台账(截至 2021-11-22)");

    const back = parse(await readLedgerFile(file, "台账.xlsx"));
    expect(back).toEqual(plan);
    expect(back.problems[0]?.measures[0]?.coUnits).toEqual(["-5", "区委办"]);
  });

  it("writes a template that imports as an empty plan and explains the columns", async () => {
    const file = await writeLedgerTemplate();
    const plan = parse(await readLedgerFile(file, "整改台账导入模板.xlsx"));
    expect(plan).toEqual({ aspects: [], problems: [], unitNames: [], errors: [], warnings: [] });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["整改台账", "填写说明"]);
    const rules = workbook.worksheets[1]?.getColumn(1).values;
    expect(rules).toEqual(expect.arrayContaining([...LEDGER_COLUMNS]));
  });
});

describe("readLedgerFile", () => {
  const rejects = (data: Uint8Array, name: string, message: string | RegExp) =>
    expect(readLedgerFile(data, name)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === "VALIDATION" && new RegExp(message).test(error.message),
    );

  it("reads an office's own xlsx: merged cells, dates, formulas, rich text, blank rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    workbook.addWorksheet("汇总").getCell("A1").value = "序号";
    sheet.getCell("A1").value = "巡视整改台账";
    sheet.addRow([]);
    sheet.getRow(3).values = ["序号", "问题", "整改措施", "完成时限", "整改情况"];
    sheet.getRow(4).values = [1, { richText: [{ text: "关于理论学习" }, { text: "结合实际不够紧密的问题", font: { bold: true } }] }, "科学确定学习主题", new Date(Date.UTC(2021, 11, 31)), { formula: "8+3", result: 11 }];
    sheet.getRow(5).values = [null, null, { text: "加强调研课题管理", hyperlink: "https://example.com" }, "2021年12月底", 0.1 + 0.2];
    sheet.mergeCells("A4:A5");
    sheet.mergeCells("B4:B5");
    sheet.getRow(7).values = [2.0, "关于推动经济高质量发展仍有不足的问题"];
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    expect(await readLedgerFile(file, "台账.XLSX")).toEqual({
      header: ["序号", "问题", "整改措施", "完成时限", "整改情况"],
      headerLine: 3,
      rows: [
        { line: 4, cells: ["1", "关于理论学习结合实际不够紧密的问题", "科学确定学习主题", "2021-12-31", "11"] },
        { line: 5, cells: ["1", "关于理论学习结合实际不够紧密的问题", "加强调研课题管理", "2021年12月底", "0.3"] },
        { line: 7, cells: ["2", "关于推动经济高质量发展仍有不足的问题"] },
      ],
    });
  });

  it("rejects a file that is not really xlsx, in Chinese", async () => {
    await rejects(new TextEncoder().encode("这不是表格"), "台账.xlsx", "^无法读取文件:不是有效的 xlsx 文件$");
    // A zip's signature and then nothing: the archive guard finds no directory.
    await rejects(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "台账.xlsx", "^无法读取文件:xlsx 文件不完整或已损坏");
  });

  it("rejects empty files and files without a header", async () => {
    await rejects(new Uint8Array(), "台账.xlsx", "^文件为空$");
    await rejects(new TextEncoder().encode("\n,,\n\n"), "台账.csv", "^文件为空$");
    await rejects(new TextEncoder().encode("编号,内容\n1,关于理论学习结合实际不够紧密的问题"), "台账.csv", "^未找到表头:前 10 行中没有同时包含“序号”和“问题”的行$");
    const late = "标题\n".repeat(10) + "序号,问题\n1,关于理论学习结合实际不够紧密的问题";
    await rejects(new TextEncoder().encode(late), "台账.csv", "^未找到表头");
  });

  it("rejects other file types, with advice for old .xls", async () => {
    await rejects(new Uint8Array([1]), "台账.xls", "另存为");
    await rejects(new Uint8Array([1]), "台账.pdf", "^不支持的文件类型");
    await rejects(new Uint8Array([1]), "台账", "^不支持的文件类型");
  });

  it("limits the file size and the number of rows", async () => {
    await rejects(new Uint8Array(MAX_FILE_BYTES + 1), "台账.csv", "20 MB");
    const csv = (rows: number) => new TextEncoder().encode(`序号,问题\n${"1,关于选人用人工作把关不够严的问题\n".repeat(rows)}`);
    await rejects(csv(MAX_DATA_ROWS + 1), "台账.csv", `^数据行超过上限:最多 ${MAX_DATA_ROWS} 行,文件中有 20001 行`);
    expect((await readLedgerFile(csv(MAX_DATA_ROWS), "台账.csv")).rows).toHaveLength(MAX_DATA_ROWS);
  });
});
