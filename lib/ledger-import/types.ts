import type { DeadlineKind, MeasureCategory, Status } from "@/lib/domain";
import type { IndicatorFigures } from "@/lib/indicators";

// The shapes shared by the ledger import (file → plan), the export (plan → file) and the
// database writer (db/queries/import.ts). One row of the template is one measure; rows
// sharing 序号 are measures of the same problem.

/** The template's columns, in the order the template and the export write them. */
export const LEDGER_COLUMNS = [
  "序号",
  "方面",
  "问题",
  "整改措施",
  "牵头领导",
  "牵头单位",
  "责任单位",
  "完成时限",
  "整改状态",
  "整改情况",
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
/** The fields an update import compares (lib/ledger-import/ledger-diff.ts), named by their column. */
export type ProblemField = "title" | "aspect" | "leadLeader";
export type MeasureField = "text" | "leadUnit" | "coUnits" | "deadline";
export const PROBLEM_FIELD_LABELS: Record<ProblemField, LedgerColumn> = { title: "问题", aspect: "方面", leadLeader: "牵头领导" };
export const MEASURE_FIELD_LABELS: Record<MeasureField, LedgerColumn> = {
  text: "整改措施",
  leadUnit: "牵头单位",
  coUnits: "责任单位",
  deadline: "完成时限",
};

export const REQUIRED_COLUMNS: readonly LedgerColumn[] = ["序号", "问题"];

/** A sheet as read from xlsx or csv: the header and the data rows, all cells as text. */
export interface RawSheet {
  header: string[];
  /** `line` is the 1-based row number the user sees in Excel (header is row `headerLine`). */
  rows: { line: number; cells: string[] }[];
  headerLine: number;
}

/** An error the user must fix; names the row and column as Excel shows them. */
export interface ImportIssue {
  line: number | null;
  column: LedgerColumn | null;
  message: string;
}

export interface ImportedMeasure {
  line: number;
  text: string;
  leadUnit: string | null;
  coUnits: string[];
  deadline: string | null;
  deadlineKind: DeadlineKind;
  deadlineText: string;
  category: MeasureCategory;
  status: Status;
  /** 整改情况: becomes the first progress report, already verified. */
  progress: string | null;
  /** 量化指标, written by the export only (the import does not read those columns). */
  indicator?: IndicatorFigures | null;
}

export interface ImportedProblem {
  number: number;
  title: string;
  aspect: string | null;
  leadLeader: string;
  leadUnit: string | null;
  measures: ImportedMeasure[];
  /** 反弹回潮: the earlier problem it repeats, as the export writes it (the import ignores it). */
  recurrence?: string | null;
}

export interface ImportPlan {
  /** Aspect names in order of first appearance. */
  aspects: string[];
  problems: ImportedProblem[];
  /** Every unit name mentioned (lead or co-responsible), in order of first appearance. */
  unitNames: string[];
  errors: ImportIssue[];
  /** Not fatal: e.g. a deadline text kept verbatim because it was not understood. */
  warnings: ImportIssue[];
}
