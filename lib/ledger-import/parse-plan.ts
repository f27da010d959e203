import { parseDeadline } from "@/lib/deadline-parse";
import { splitEnumeration, splitNumberedList } from "@/lib/document-import/outline";
import type { MeasureCategory, Status } from "@/lib/domain";
import {
  LEDGER_COLUMNS,
  REQUIRED_COLUMNS,
  type ImportedMeasure,
  type ImportedProblem,
  type ImportIssue,
  type ImportPlan,
  type LedgerColumn,
  type RawSheet,
} from "./types";

// Turns the rows of an office's ledger (整改台账) into a plan: problems with their measures.
// The file is typed by hand, so every mistake is collected with its row and column, and the
// user fixes them all in one pass instead of uploading again for each.

/** Longer than any real cell; a bigger one is a paste accident, not a measure. */
export const MAX_CELL_LENGTH = 5000;

/**
 * The column a header cell names. Templates mark required columns "序号*" or "问题(必填)",
 * and people align names with (full-width) spaces; none of that changes the column.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, "") // JS \s includes the full-width space U+3000
    .replace(/^[*＊]+/, "")
    .replace(/(?:[*＊]|[(（]必填[)）])+$/, "");
}

function isLedgerColumn(name: string): name is LedgerColumn {
  return (LEDGER_COLUMNS as readonly string[]).includes(name);
}

/** Offices write status in their own words; these are the ones with one clear meaning. */
const STATUS_WORDS: Record<string, Status> = {
  已完成: "completed",
  完成: "completed",
  基本完成: "basically_completed",
  未完成: "incomplete",
  推进中: "incomplete",
  正在推进: "incomplete",
  持续推进: "incomplete",
  整改中: "incomplete",
};
export const STATUS_HELP = `可填写:${Object.keys(STATUS_WORDS).join("、")},留空视为未完成`;

const CHINESE_DIGITS = "一二三四五六七八九";

/** 一..九十九, as offices number problems "(一)", "(十二)". */
function chineseNumber(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === "") return null;
  const digit = (char: string | undefined) => (char ? CHINESE_DIGITS.indexOf(char) + 1 : 0);
  if (!match[2]) return match[3] ? null : digit(match[1]); // "二三" is not a number
  return (match[1] ? digit(match[1]) : 1) * 10 + digit(match[3]);
}

/** 序号 as typed: "3", "3.0" (Excel's float), "3、", "(3)", "（三）". Null if not a positive integer. */
export function parseSerial(raw: string): number | null {
  // NFKC folds full-width digits and brackets (（３）) to ASCII.
  const text = raw
    .normalize("NFKC")
    .replace(/^\((.*)\)$/, "$1")
    .replace(/[.、]$/, "")
    .trim();
  if (/^\d+(?:\.0+)?$/.test(text)) {
    const number = Number(text);
    return Number.isSafeInteger(number) && number > 0 ? number : null;
  }
  return chineseNumber(text);
}

/** 责任单位 lists units with whatever separator the typist liked. */
export function splitUnits(text: string, leadUnit: string | null): string[] {
  const names = text
    .split(/[、,，;；/／\r\n]+/)
    .map((name) => name.trim())
    .filter((name) => name !== "" && name !== leadUnit);
  return [...new Set(names)];
}

/** Excel's column letter (0 → A, 26 → AA), so messages point where the user looks. */
function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Which cell index holds each known column; errors if a required one is missing or one repeats. */
function mapColumns(sheet: RawSheet, errors: ImportIssue[]): Map<LedgerColumn, number> {
  const columns = new Map<LedgerColumn, number>();
  const line = sheet.headerLine;
  sheet.header.forEach((text, index) => {
    const name = normalizeHeader(text);
    if (!isLedgerColumn(name)) return; // extra columns (备注, 佐证材料 …) are the office's own
    const earlier = columns.get(name);
    if (earlier === undefined) columns.set(name, index);
    else {
      const where = `第 ${columnLetter(earlier)} 列和第 ${columnLetter(index)} 列`;
      errors.push({ line, column: name, message: `第 ${line} 行表头:“${name}”列重复(${where}),请只保留一列` });
    }
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.has(name)) {
      errors.push({ line, column: name, message: `第 ${line} 行表头:缺少必填列“${name}”` });
    }
  }
  return columns;
}

const OPENERS = "“‘《「『(（[【";
const CLOSERS = "”’》」』)）]】";
/** Shorter than this (punctuation aside), a part between semicolons is a clause, not a measure. */
export const MIN_SPLIT_PART = 6;

/** The text between ；/; outside quotes and brackets ("《关于…;…》" is one title). */
function semicolonParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENERS.includes(ch)) depth += 1;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ";" || ch === "；")) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

const meaningfulLength = (text: string) => text.replace(/[\p{P}\p{S}\s]/gu, "").length;

/**
 * The measures one 整改措施 cell holds, in order: "一是…二是…", "1.…2.…" / "(1)…(2)…", or
 * sentences separated by ；. A single measure comes back alone, as written. Text before
 * 一是 / 1. ("主要措施:") stays in front of the first measure, so nothing typed is lost.
 * Never splits at "，" or "、": those join the parts of one measure.
 */
export function splitMeasureCell(text: string): string[] {
  for (const split of [splitEnumeration, splitNumberedList]) {
    const { lead, items } = split(text);
    if (items.length >= 2) return items.map((item, index) => (index === 0 && lead ? `${lead}${item.text}` : item.text));
  }
  const parts = semicolonParts(text);
  // ；-split only if every part keeps ≥ MIN_SPLIT_PART characters (punctuation aside): "加强学习；长期坚持" stays one measure.
  if (parts.length >= 2 && parts.every((part) => meaningfulLength(part) >= MIN_SPLIT_PART)) return parts;
  return [text];
}

export interface LedgerParseOptions {
  feedbackDate: string | null;
  /** Opt-in: a 整改措施 cell holding several measures becomes several (see splitMeasureCell). */
  splitMeasures?: boolean;
}

function defaultCategory(kind: ImportedMeasure["deadlineKind"], deadline: string | null): MeasureCategory {
  return kind === "ongoing" && deadline === null ? "long_term" : "time_limited";
}

/**
 * Reads a sheet into a plan. Never throws for the user's mistakes: they are all in `errors`
 * (a plan with errors must not be saved; its problems are only the rows that were valid) and
 * in `warnings` (saved as written, for a person to check).
 */
export function parseLedgerSheet(sheet: RawSheet, options: LedgerParseOptions): ImportPlan {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const columns = mapColumns(sheet, errors);
  if (errors.length > 0) return { aspects: [], problems: [], unitNames: [], errors, warnings };

  const problems = new Map<number, ImportedProblem>();
  // The first row naming each 序号, even if that row had other mistakes: later rows are
  // compared with what the user wrote there, not with whichever row happened to be valid.
  const firstRows = new Map<number, { line: number; title: string }>();
  const aspects = new Set<string>();
  const units = new Set<string>();

  for (const { line, cells } of sheet.rows) {
    const errorCount = errors.length;
    const report = (list: ImportIssue[], column: LedgerColumn, message: string) =>
      list.push({ line, column, message: `第 ${line} 行“${column}”:${message}` });
    const cell = (column: LedgerColumn): string => {
      const index = columns.get(column);
      // CSV cells may carry Windows line ends; Excel's own cells use "\n".
      const text = index === undefined ? "" : (cells[index] ?? "").replace(/\r\n?/g, "\n").trim();
      if (text.length > MAX_CELL_LENGTH) {
        report(errors, column, `内容过长(${text.length} 字),每格不超过 ${MAX_CELL_LENGTH} 字`);
      }
      return text;
    };
    const values = Object.fromEntries(LEDGER_COLUMNS.map((column) => [column, cell(column)])) as Record<
      LedgerColumn,
      string
    >;

    const number = parseSerial(values.序号);
    if (number === null) {
      report(
        errors,
        "序号",
        values.序号 === ""
          ? "序号为空(同一问题的多条措施,每行都要填写该问题的序号)"
          : `“${values.序号}”不是有效的序号,应为正整数,如 1、2、3`,
      );
    }

    const statusWord = values.整改状态.replace(/\s+/g, "");
    const status: Status | undefined = statusWord === "" ? "incomplete" : STATUS_WORDS[statusWord];
    if (!status) report(errors, "整改状态", `无法识别“${values.整改状态}”。${STATUS_HELP}`);

    const first = number === null ? undefined : firstRows.get(number);
    if (number !== null && !first) {
      if (values.问题 === "") report(errors, "问题", "问题为空(每个序号第一次出现的行必须填写问题)");
      else firstRows.set(number, { line, title: values.问题 });
    } else if (first && values.问题 !== "" && values.问题 !== first.title) {
      report(errors, "问题", `序号 ${number} 的问题与第 ${first.line} 行不一致`);
    }

    const deadline = parseDeadline(values.完成时限, { feedbackDate: options.feedbackDate });
    if (!deadline.recognized) {
      report(warnings, "完成时限", `未能识别“${values.完成时限}”,已按原文保存,请导入后核对完成日期`);
    }

    if (errors.length > errorCount || number === null || !status) continue;

    let problem = problems.get(number);
    if (!problem) {
      // The first row of a 序号 defines the problem; later rows only add measures.
      problem = {
        number,
        // From the first row naming this 序号, which may have been rejected for another mistake.
        title: firstRows.get(number)?.title ?? values.问题,
        aspect: values.方面 || null,
        leadLeader: values.牵头领导,
        leadUnit: values.牵头单位 || null,
        measures: [],
      };
      problems.set(number, problem);
      if (problem.aspect) aspects.add(problem.aspect);
      if (problem.leadUnit) units.add(problem.leadUnit);
    }

    const leadUnit = values.牵头单位 || problem.leadUnit;
    const coUnits = splitUnits(values.责任单位, leadUnit);
    if (leadUnit) units.add(leadUnit);
    coUnits.forEach((unit) => units.add(unit));
    // Offices often give a problem one measure and leave 整改措施 empty: the problem is the task.
    const texts = values.整改措施 === "" ? [problem.title] : options.splitMeasures ? splitMeasureCell(values.整改措施) : [values.整改措施];
    for (const text of texts) {
      // Measures split from one row share its line, owners, deadline, status and 整改情况
      // (the progress the office accepted for the row as a whole).
      problem.measures.push({
        line,
        text,
        leadUnit,
        coUnits: [...coUnits],
        deadline: deadline.deadline,
        deadlineKind: deadline.kind,
        deadlineText: deadline.text,
        category: deadline.category ?? defaultCategory(deadline.kind, deadline.deadline),
        status,
        progress: values.整改情况 || null,
      });
    }
  }

  return {
    aspects: [...aspects],
    problems: [...problems.values()].sort((a, b) => a.number - b.number),
    unitNames: [...units],
    errors,
    warnings,
  };
}
