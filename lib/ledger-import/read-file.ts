import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { decodeText, findMixedEncoding } from "./decode";
import { normalizeHeader } from "./parse-plan";
import type { RawSheet } from "./types";
import { assertSafeXlsxArchive } from "./zip-guard";

// Reads an uploaded ledger (xlsx or csv) into plain text cells. Only the file's shape is
// checked here and failures are thrown: a file we cannot read has no rows to point at.
// What the cells say is judged by parse-plan, which collects every mistake.

/** Bigger than any ledger of text (921 measures is a few hundred KB); protects the server. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The largest real plan has ~550 problems and ~900 measures; 20,000 rows is a wrong file. */
export const MAX_DATA_ROWS = 20_000;
/** Our export and most offices put a title row or two above the header; never more than this. */
const HEADER_SEARCH_ROWS = 10;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": every xlsx is a zip archive

type Row = { line: number; cells: string[] };

// Spreadsheet programs run a cell typed as "=…", "+…", "-…", "@…" (some also a leading tab
// or CR) as a formula. The export writes such text with one "'" in front; reading strips
// it. Text that already starts with quotes before such a character gets one more, so a
// round trip is lossless whatever the text was.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA_LIKE = /^'+[=+\-@\t\r]/;

export function escapeFormulaText(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

export function unescapeFormulaText(text: string): string {
  return ESCAPED_FORMULA_LIKE.test(text) ? text.slice(1) : text;
}

/** What marks a table's header row: the column names it must contain. */
export interface HeaderRule {
  required: readonly string[];
}

const LEDGER_HEADER: HeaderRule = { required: ["序号", "问题"] };

export function readLedgerFile(data: Buffer | Uint8Array, fileName: string): Promise<RawSheet> {
  return readTableFile(data, fileName, LEDGER_HEADER);
}

/** Any of our import tables (the ledger, the organisation): xlsx or csv (UTF-8 or GBK) to text cells. */
export async function readTableFile(data: Buffer | Uint8Array, fileName: string, headerRule: HeaderRule): Promise<RawSheet> {
  if (data.byteLength > MAX_FILE_BYTES) {
    throw new AppError("VALIDATION", "文件超过 20 MB,无法导入;请删除无关的工作表和图片后重试");
  }
  if (data.byteLength === 0) throw new AppError("VALIDATION", "文件为空");

  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === "xlsx") return toRawSheet(await readXlsx(data), headerRule);
  if (extension === "csv") return toRawSheet(readCsv(data, headerRule), headerRule);
  if (extension === "xls") {
    throw new AppError("VALIDATION", "不支持旧版 .xls 文件,请在 Excel 中“另存为” .xlsx 后再导入");
  }
  throw new AppError("VALIDATION", "不支持的文件类型,请上传 .xlsx 或 .csv 文件");
}

async function readXlsx(data: Uint8Array): Promise<Row[]> {
  // exceljs fails on junk with an English zip error; check first so the user hears why.
  if (!ZIP_MAGIC.every((byte, index) => data[index] === byte)) {
    throw new AppError("VALIDATION", "无法读取文件:不是有效的 xlsx 文件");
  }
  // Before exceljs inflates anything: a truncated file or a zip bomb is refused here.
  await assertSafeXlsxArchive(data);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer" of its own; a Node Buffer is
    // what it actually handles (it passes it to JSZip).
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new AppError("VALIDATION", "无法读取文件:不是有效的 xlsx 文件");
  }
  // The first sheet by position (not by id): the one Excel opens on, where the ledger is.
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("VALIDATION", "文件为空");

  const rows: Row[] = [];
  sheet.eachRow((row, line) => {
    const cells: string[] = [];
    // A merged cell (序号 or 问题 spanning a problem's measure rows) reads as its master's
    // value on every row, which is exactly "this row belongs to that problem".
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    rows.push({ line, cells });
  });
  return rows;
}

/** A cell as the user sees it: rich text joined, a formula as its last result, a date as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  // Excel stores 15 significant digits; toPrecision drops float noise (0.30000000000000004).
  if (typeof value === "number") return String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // exceljs builds dates in UTC from Excel's serial day, so read them back in UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value !== "object") return "";
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => cellText(run.text)).join("");
  }
  if ("formula" in value || "sharedFormula" in value) return cellText("result" in value ? value.result : null);
  if ("hyperlink" in value) return cellText("text" in value ? value.text : null);
  if ("error" in value) return cellText(value.error); // "#N/A": shown, so the user sees it
  return "";
}

function readCsv(data: Uint8Array, headerRule: HeaderRule): Row[] {
  const { text, encoding } = decodeText(data);
  const mixed = encoding === "gb18030" ? findMixedEncoding(data) : null;
  if (mixed) {
    throw new AppError(
      "VALIDATION",
      `文件混用了两种文字编码(第 ${mixed.utf8Line} 行是 UTF-8,第 ${mixed.otherLine} 行是 GBK),无法可靠读取;请在 Excel 中打开后整体另存为“CSV UTF-8”再导入`,
    );
  }
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text, headerRule),
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      // Empty lines are kept (and dropped as blank rows later) so that a record's index is
      // the row number Excel shows for the same file.
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError("VALIDATION", `无法读取 CSV 文件${line ? `:第 ${line} 行附近格式有误(引号未配对?)` : ""}`);
  }
  return records.map((cells, index) => ({ line: index + 1, cells }));
}

/** Excel's "Unicode text" is tab-separated; everything else we meet uses commas. */
function sniffDelimiter(text: string, headerRule: HeaderRule): "," | "\t" {
  const marker = headerRule.required[0]!;
  const headerLine = text.split("\n", HEADER_SEARCH_ROWS).find((line) => line.includes(marker)) ?? "";
  const count = (char: string) => headerLine.split(char).length - 1;
  return count("\t") > count(",") ? "\t" : ",";
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell === "");
}

/** Finds the header, drops blank rows and enforces the row limit. */
function toRawSheet(rows: Row[], headerRule: HeaderRule): RawSheet {
  const cleaned = rows
    .map(({ line, cells }) => ({ line, cells: cells.map((cell) => unescapeFormulaText(cell.trim())) }))
    .filter((row) => !isBlank(row.cells));
  if (cleaned.length === 0) throw new AppError("VALIDATION", "文件为空");

  const headerIndex = cleaned.findIndex(({ line, cells }) => {
    if (line > HEADER_SEARCH_ROWS) return false;
    const names = cells.map(normalizeHeader);
    return headerRule.required.every((name) => names.includes(name));
  });
  const header = cleaned[headerIndex];
  if (!header) {
    const wanted = headerRule.required.map((name) => `“${name}”`).join("和");
    const both = headerRule.required.length > 1 ? "同时" : "";
    throw new AppError("VALIDATION", `未找到表头:前 ${HEADER_SEARCH_ROWS} 行中没有${both}包含${wanted}的行`);
  }

  const dataRows = cleaned.slice(headerIndex + 1);
  if (dataRows.length > MAX_DATA_ROWS) {
    throw new AppError(
      "VALIDATION",
      `数据行超过上限:最多 ${MAX_DATA_ROWS} 行,文件中有 ${dataRows.length} 行,请拆分后分批导入`,
    );
  }
  return { header: header.cells, headerLine: header.line, rows: dataRows };
}
