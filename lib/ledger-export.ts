import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { indicatorVerdict, INDICATOR_DIRECTION_LABELS } from "@/lib/indicators";
import { MAX_CELL_LENGTH, STATUS_HELP } from "@/lib/ledger-import/parse-plan";
import { escapeFormulaText, MAX_DATA_ROWS } from "@/lib/ledger-import/read-file";
import { LEDGER_COLUMNS, type ImportedProblem, type LedgerColumn } from "@/lib/ledger-import/types";

// Writes the ledger (整改台账) as the xlsx an office prints, audits and sends upward. It is
// also a valid import file: one row per measure with the problem repeated (no merged cells,
// so it sorts and filters), and the import reads it back to the same plan.

export const LEDGER_SHEET_NAME = "整改台账";
export const LEDGER_TEMPLATE_FILE_NAME = "整改台账导入模板.xlsx";

const COLUMN_WIDTHS: Record<LedgerColumn, number> = {
  序号: 6,
  方面: 20,
  问题: 36,
  整改措施: 48,
  牵头领导: 10,
  牵头单位: 16,
  责任单位: 22,
  完成时限: 16,
  整改状态: 10,
  整改情况: 48,
};

// 量化指标 columns follow the template's: the export writes them, the import ignores them
// (as it ignores any column it does not know), so an exported ledger still imports.
export const INDICATOR_COLUMNS = ["量化指标", "计量单位", "基线值", "目标值", "实际值", "指标达成"] as const;
// 反弹回潮 after them, written by the export only, like the indicator: the earlier round's
// problem the office marked this one as repeating, or empty.
export const RECURRENCE_COLUMN = "反弹回潮(关联历史问题)";
export const EXPORT_ONLY_COLUMNS = [...INDICATOR_COLUMNS, RECURRENCE_COLUMN] as const;
type IndicatorColumn = (typeof EXPORT_ONLY_COLUMNS)[number];
const INDICATOR_WIDTHS: Record<IndicatorColumn, number> = { 量化指标: 20, 计量单位: 10, 基线值: 10, 目标值: 10, 实际值: 10, 指标达成: 12, [RECURRENCE_COLUMN]: 30 };

/** The colours offices use in printed ledgers: green done, blue nearly, red not yet. */
const STATUS_FILLS: Record<Status, string> = {
  completed: "FFC6EFCE",
  basically_completed: "FFDDEBF7",
  incomplete: "FFFFC7CE",
};

const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

// Data cells share these style objects (never modified after): exceljs registers a style
// once per object, where setting border and alignment cell by cell made it serialise and
// look up a new style for every one of a large ledger's cells.
const DATA_STYLE: Partial<ExcelJS.Style> = { border: THIN_BORDER, alignment: { vertical: "top", wrapText: true } };
const SERIAL_STYLE: Partial<ExcelJS.Style> = { border: THIN_BORDER, alignment: { horizontal: "center", vertical: "top" } };
const STATUS_STYLES = Object.fromEntries(
  Object.entries(STATUS_FILLS).map(([status, argb]) => [status, { ...DATA_STYLE, fill: solidFill(argb) }]),
) as Record<Status, Partial<ExcelJS.Style>>;

/** Column widths, header row and print setup shared by the ledger and the template. */
function addLedgerSheet(workbook: ExcelJS.Workbook, headerRow: number, extraColumns: readonly IndicatorColumn[] = []): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, {
    // Frozen below the header so 序号 and the column names stay in view on a long ledger.
    views: [{ state: "frozen", ySplit: headerRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns = [
    ...LEDGER_COLUMNS.map((column) => ({ key: column, width: COLUMN_WIDTHS[column] })),
    ...extraColumns.map((column) => ({ key: column, width: INDICATOR_WIDTHS[column] })),
  ];
  const header = sheet.getRow(headerRow);
  header.values = [...LEDGER_COLUMNS, ...extraColumns];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = solidFill("FFD9D9D9");
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  return sheet;
}

/** Orders problems by the round's aspect order, then by number; unknown aspects go last. */
function sortProblems(problems: ImportedProblem[], aspectOrder: string[] | undefined): ImportedProblem[] {
  const rank = (problem: ImportedProblem) => {
    const index = aspectOrder && problem.aspect ? aspectOrder.indexOf(problem.aspect) : -1;
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...problems].sort((a, b) => (aspectOrder ? rank(a) - rank(b) : 0) || a.number - b.number);
}

/**
 * Text goes in as a plain string, escaped so Excel shows it and never evaluates it. Empty
 * stays null: an empty-string cell is not blank to Excel (ISBLANK, Ctrl+arrow keys).
 */
function text(value: string | null): string | null {
  return value ? escapeFormulaText(value) : null;
}

/**
 * Streams the workbook (exceljs's WorkbookWriter): each row is serialised and compressed as
 * it is written, so a province-wide ledger never sits in memory as a full object model.
 */
export async function writeLedgerWorkbook(input: {
  title: string;
  date: string;
  problems: ImportedProblem[];
  aspectOrder?: string[];
}): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on("end", resolve);
    output.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = addLedgerSheet(workbook, 2, EXPORT_ONLY_COLUMNS);
  const columnCount = LEDGER_COLUMNS.length + EXPORT_ONLY_COLUMNS.length;

  // Row 1 is the title the printed ledger carries; the import skips it to find the header.
  sheet.mergeCells(1, 1, 1, columnCount);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = escapeFormulaText(`${input.title} 整改台账(截至 ${input.date})`);
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 30;

  let rowCount = 2;
  for (const problem of sortProblems(input.problems, input.aspectOrder)) {
    for (const measure of problem.measures) {
      const indicator = measure.indicator ?? null;
      const values: Record<LedgerColumn | IndicatorColumn, string | number | null> = {
        序号: problem.number,
        方面: text(problem.aspect),
        问题: text(problem.title),
        整改措施: text(measure.text),
        牵头领导: text(problem.leadLeader),
        牵头单位: text(measure.leadUnit ?? problem.leadUnit),
        责任单位: text(measure.coUnits.join("、")),
        // The office's own words are the commitment; the ISO date only when there are none.
        完成时限: text(measure.deadlineText || measure.deadline),
        整改状态: STATUS_LABELS[measure.status],
        整改情况: text(measure.progress),
        量化指标: indicator ? text(`${indicator.name}(${INDICATOR_DIRECTION_LABELS[indicator.direction]})`) : null,
        计量单位: indicator ? text(indicator.unit) : null,
        基线值: indicator?.baseline ?? null,
        目标值: indicator?.target ?? null,
        实际值: indicator?.actual ?? null,
        指标达成: indicator ? indicatorVerdict(indicator) : null,
        [RECURRENCE_COLUMN]: text(problem.recurrence ?? null),
      };
      const row = sheet.addRow(values);
      // Every column, empty ones too, so the printed grid has no gaps.
      [...LEDGER_COLUMNS, ...EXPORT_ONLY_COLUMNS].forEach((column, index) => {
        row.getCell(index + 1).style = column === "序号" ? SERIAL_STYLE : column === "整改状态" ? STATUS_STYLES[measure.status] : DATA_STYLE;
      });
      row.commit();
      rowCount++;
    }
  }
  // Over the whole table: Excel filters only the rows inside the range it was given.
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: rowCount, column: columnCount } };
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

const TEMPLATE_RULES: [string, string][] = [
  ["序号", "必填。问题的编号,正整数(也可写 3.0、(三));一个问题有多条整改措施时,每条措施一行,各行填同一个序号"],
  ["方面", "选填。反馈意见的方面,如“落实党中央重大决策部署不够”;同一序号只看第一行"],
  ["问题", "必填。反馈问题;同一序号的后续行可留空,如填写必须与第一行完全一致"],
  ["整改措施", "选填。留空时以问题本身作为整改任务"],
  ["牵头领导", "选填。同一序号只看第一行"],
  ["牵头单位", "选填。该条措施的牵头单位,留空时沿用该问题第一行的牵头单位"],
  ["责任单位", "选填。多个单位用“、”“,”“;”“/”或换行分隔"],
  ["完成时限", "选填。如“2021年12月底”“2021年12月底,并长期坚持”“按序时进度推进”“立行立改”;无法识别的按原文保存并提示核对"],
  ["整改状态", `选填。${STATUS_HELP}`],
  ["整改情况", "选填。已取得的整改进展,导入后作为第一条整改动态"],
];

const TEMPLATE_NOTES = [
  "表头必须在前 10 行内,列的顺序不限,列名后可加“*”或“(必填)”;其他列(如备注)会被忽略。",
  "支持 .xlsx(读取第一个工作表)和 .csv(UTF-8 或 GBK 编码);空行会被跳过。",
  `每格不超过 ${MAX_CELL_LENGTH} 字,最多 ${MAX_DATA_ROWS} 行,文件不超过 20 MB。`,
  "导入前会逐行检查,所有错误会注明行号和列名,一次列出,修改后重新上传即可。",
];

/** The empty import template: the header on the first sheet, the rules on a second. */
export async function writeLedgerTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Header only, so the template itself imports as an empty plan rather than as an example.
  addLedgerSheet(workbook, 1);

  const help = workbook.addWorksheet("填写说明");
  help.columns = [{ width: 12 }, { width: 90 }];
  help.addRow(["列名", "填写要求"]).font = { bold: true };
  TEMPLATE_RULES.forEach((rule) => help.addRow(rule));
  help.addRow([]);
  TEMPLATE_NOTES.forEach((note) => help.addRow(["说明", note]));
  help.eachRow((row) => {
    row.eachCell((cell) => {
      cell.alignment = { vertical: "top", wrapText: true };
    });
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
