import ExcelJS from "exceljs";
import {
  CLUE_HANDLER_LABELS,
  CLUE_KIND_LABELS,
  CLUE_KINDS,
  CLUE_TIME_LIMITS,
  CLUE_TIME_LIMIT_LABELS,
  type ClueHandler,
} from "@/lib/domain";
import type { HeaderRule } from "@/lib/ledger-import/read-file";
import type { RawSheet } from "@/lib/ledger-import/types";
import { clueFieldsSchema, type ClueFields } from "@/lib/validations/clue";

// Importing the register from a workbook: the template the keepers fill in, and reading
// it row by row into the same fields the form validates (lib/validations/clue.ts), each
// mistake named by its Excel row and column in Chinese. Nothing is written unless every
// row is right (server/clue-import.ts).

export const CLUE_COLUMNS = ["类别", "编号", "标题", "承办单位", "接收日期", "办理时限", "指定办结日期"] as const;
type ClueColumn = (typeof CLUE_COLUMNS)[number];
export const CLUE_HEADER: HeaderRule = { required: ["类别", "编号", "标题"] };
export const CLUE_TEMPLATE_FILE_NAME = "信访件问题线索导入模板.xlsx";
/** A register of a round is tens of items; more is a wrong file. */
export const MAX_CLUE_ROWS = 2000;

// The form's field each column fills, so a field's error names its column.
const FIELD_COLUMN: Record<string, ClueColumn> = {
  kind: "类别",
  number: "编号",
  title: "标题",
  handler: "承办单位",
  handlerUnitId: "承办单位",
  receivedDate: "接收日期",
  timeLimit: "办理时限",
  dueDate: "指定办结日期",
};

export interface ClueImportIssue {
  line: number;
  column: string | null;
  message: string;
}

export interface ClueImportRow {
  line: number;
  fields: ClueFields;
}

export interface ClueImportPlan {
  rows: ClueImportRow[];
  issues: ClueImportIssue[];
}

const KIND_BY_LABEL = new Map(CLUE_KINDS.map((k) => [CLUE_KIND_LABELS[k], k] as const));
const LIMIT_BY_LABEL = new Map<string, string>([
  ...CLUE_TIME_LIMITS.map((l) => [CLUE_TIME_LIMIT_LABELS[l], l] as const),
  ["3个月", "3"],
  ["6个月", "6"],
  ["12个月", "12"],
  ["一年", "12"],
  ["3", "3"],
  ["6", "6"],
  ["12", "12"],
]);

/** "2026/3/5", "2026年3月5日", "2026.3.5" → "2026-03-05"; anything else as typed (the schema names it). */
export function normalizeDay(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : text.trim();
}

/**
 * The sheet's rows as the register's fields. `units` names the units a row may hand an
 * item to; `taken` the numbers the round's register already holds.
 */
export function parseClueSheet(sheet: RawSheet, context: { units: ReadonlyMap<string, number>; taken: ReadonlySet<string> }): ClueImportPlan {
  const at = (name: ClueColumn) => sheet.header.indexOf(name);
  const issues: ClueImportIssue[] = [];
  const rows: ClueImportRow[] = [];
  const seen = new Map<string, number>();
  const data = sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (data.length === 0) issues.push({ line: sheet.headerLine, column: null, message: "文件中没有可导入的行" });
  if (data.length > MAX_CLUE_ROWS) {
    return { rows: [], issues: [{ line: sheet.headerLine, column: null, message: `一次最多导入 ${MAX_CLUE_ROWS} 件,请拆分文件` }] };
  }
  for (const { line, cells } of data) {
    const cell = (name: ClueColumn) => (at(name) >= 0 ? (cells[at(name)] ?? "").trim() : "");
    const handlerText = cell("承办单位");
    const handler = (Object.entries(CLUE_HANDLER_LABELS).find(([, label]) => label === handlerText)?.[0] ?? (handlerText ? "unit" : "")) as ClueHandler | "";
    const unitId = handler === "unit" ? context.units.get(handlerText) : undefined;
    if (handler === "unit" && handlerText !== CLUE_HANDLER_LABELS.unit && unitId === undefined) {
      issues.push({ line, column: "承办单位", message: `系统中没有名为“${handlerText}”的单位;承办单位应为纪委监委、组织部或已有单位的名称` });
      continue;
    }
    const parsed = clueFieldsSchema.safeParse({
      kind: KIND_BY_LABEL.get(cell("类别")) ?? cell("类别"),
      number: cell("编号"),
      title: cell("标题"),
      handler,
      handlerUnitId: unitId === undefined ? "" : String(unitId),
      receivedDate: normalizeDay(cell("接收日期")),
      timeLimit: LIMIT_BY_LABEL.get(cell("办理时限")) ?? cell("办理时限"),
      dueDate: normalizeDay(cell("指定办结日期")),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ line, column: FIELD_COLUMN[String(issue.path[0])] ?? null, message: issue.message });
      continue;
    }
    const number = parsed.data.number;
    if (context.taken.has(number)) issues.push({ line, column: "编号", message: `本轮次已登记编号“${number}”` });
    else if (seen.has(number)) issues.push({ line, column: "编号", message: `编号“${number}”与第 ${seen.get(number)} 行重复` });
    else rows.push({ line, fields: parsed.data });
    seen.set(number, seen.get(number) ?? line);
  }
  return { rows, issues };
}

export async function writeClueTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("信访件问题线索", { views: [{ state: "frozen", ySplit: 1 }] });
  const widths: Record<ClueColumn, number> = { 类别: 10, 编号: 22, 标题: 48, 承办单位: 18, 接收日期: 12, 办理时限: 10, 指定办结日期: 14 };
  sheet.columns = CLUE_COLUMNS.map((column) => ({ header: column, key: column, width: widths[column] }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({ 类别: "问题线索", 编号: "巡察移交线索第1号", 标题: "反映某单位违规发放津补贴问题", 承办单位: "纪委监委", 接收日期: "2026-03-01", 办理时限: "6个月", 指定办结日期: "" });
  sheet.addRow({ 类别: "信访件", 编号: "巡察移交信访件第1号", 标题: "群众反映小区周边道路破损问题", 承办单位: "区住房建设局", 接收日期: "2026-03-01", 办理时限: "指定日期", 指定办结日期: "2026-05-31" });
  const list = (values: string[]) => ({ type: "list" as const, allowBlank: true, formulae: [`"${values.join(",")}"`] });
  for (let row = 2; row <= MAX_CLUE_ROWS; row++) {
    sheet.getCell(row, 1).dataValidation = list(CLUE_KINDS.map((k) => CLUE_KIND_LABELS[k]));
    sheet.getCell(row, 6).dataValidation = list(["3个月", "6个月", "12个月", "指定日期"]);
  }
  const help = workbook.addWorksheet("填写说明");
  help.getColumn(1).width = 100;
  for (const line of [
    "每行一件,空行跳过;示例两行导入前请删除。",
    "类别:问题线索或信访件。编号:巡视(察)组移交时的编号,本轮次内不能重复。",
    "承办单位:纪委监委、组织部,或系统中已有单位的名称(如区教育局)。",
    "接收日期:如 2026-03-01,不能晚于今天。办理时限:3个月、6个月、12个月或指定日期;指定日期时填写“指定办结日期”。",
    "导入时整个文件要么全部成功,要么不写入任何内容;有错误时按行列出。导入的件均为“已登记”阶段。",
  ]) {
    help.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
