import { parseDeadline } from "@/lib/deadline-parse";
import type { Status } from "@/lib/domain";
import { splitUnits } from "./parse-plan";
import type { ImportedMeasure, ImportedProblem, ImportIssue, LedgerColumn, MeasureField, ProblemField } from "./types";

// What re-importing a ledger into a round that already has a plan would change. Rows are
// matched by 序号 (problem) and by order within the problem (measure), as the issue asks:
// the office edits the exported file in place, so position is the only identity it keeps.
// Both sides are compared as the file would show them: the round's values are normalised
// the way export → import would (deadlines parsed again, co-units split again), so an
// unmodified export diffs to nothing.

/** One cell's old and new value, as the ledger shows them ("" for an empty cell). */
export interface FieldChange<F extends string> {
  field: F;
  before: string;
  after: string;
}

/** Where a measure sits: problem 序号 and 1-based order within the problem (措施 3.2). */
export interface MeasureKey {
  problemNumber: number;
  position: number;
}

export interface LedgerDiff {
  /** Problems whose 序号 the round does not have, with all their measures. */
  addedProblems: ImportedProblem[];
  /** Measures beyond the round's count under a problem it has. */
  addedMeasures: (MeasureKey & { measure: ImportedMeasure })[];
  changedProblems: { number: number; line: number; title: string; changes: FieldChange<ProblemField>[]; next: Pick<ImportedProblem, ProblemField> }[];
  changedMeasures: (MeasureKey & { line: number; text: string; changes: FieldChange<MeasureField>[]; next: ImportedMeasure })[];
  /** Status changes of existing measures: applying one is the office's sign-off. */
  statusChanges: (MeasureKey & { line: number; text: string; from: Status; to: Status; progress: string | null })[];
  /** In the round, not in the file: flagged, never deleted. */
  missingProblems: { number: number; title: string; measures: number }[];
  missingMeasures: (MeasureKey & { text: string })[];
  /**
   * Rows that look shifted (a measure's text equals another position's): matching by order
   * would then rewrite the wrong measures, so these block applying.
   */
  conflicts: ImportIssue[];
}

export interface LedgerDiffCounts {
  /** Measures added, those under new problems included. */
  added: number;
  /** Problems and measures whose content changed. */
  changed: number;
  statusChanges: number;
  /** Measures in the round the file lacks, those of missing problems included. */
  missing: number;
}

export interface LedgerDiffOptions {
  feedbackDate: string | null;
  /** The columns the file has: a column the file leaves out is not compared (not "emptied"). */
  columns: ReadonlySet<LedgerColumn>;
}

const clean = (text: string | null | undefined) => (text ?? "").replace(/\r\n?/g, "\n").trim();

/**
 * The 牵头单位 a row shows: its own, else the first row's of its problem (a blank cell
 * inherits it on import, and the export fills a measure without one from the first row).
 */
function effectiveLeadUnit(problem: ImportedProblem, measure: ImportedMeasure): string {
  return clean(measure.leadUnit ?? problem.measures[0]?.leadUnit);
}

/** 责任单位 as a set: split again as the import splits the exported cell, order ignored. */
function coUnitSet(measure: ImportedMeasure, leadUnit: string): string[] {
  return splitUnits(measure.coUnits.join("、"), leadUnit || null).sort();
}

/** The cell text the export writes for a deadline. */
const deadlineCell = (m: ImportedMeasure) => clean(m.deadlineText || m.deadline);

/**
 * A deadline's meaning: its date and kind. The office's wording counts only when no date or
 * kind could be read from it (then the words are all there is).
 */
function deadlineMeaning(m: Pick<ImportedMeasure, "deadline" | "deadlineKind" | "deadlineText">): string {
  const words = m.deadline === null && m.deadlineKind === "date" ? clean(m.deadlineText) : "";
  return `${m.deadlineKind}|${m.deadline ?? ""}|${words}`;
}

function measureChanges(
  currentProblem: ImportedProblem,
  current: ImportedMeasure,
  fileProblem: ImportedProblem,
  file: ImportedMeasure,
  options: LedgerDiffOptions,
): FieldChange<MeasureField>[] {
  const changes: FieldChange<MeasureField>[] = [];
  const has = (column: LedgerColumn) => options.columns.has(column);
  if (has("整改措施") && clean(current.text) !== clean(file.text)) {
    changes.push({ field: "text", before: clean(current.text), after: clean(file.text) });
  }
  const [leadBefore, leadAfter] = [effectiveLeadUnit(currentProblem, current), effectiveLeadUnit(fileProblem, file)];
  if (has("牵头单位") && leadBefore !== leadAfter) changes.push({ field: "leadUnit", before: leadBefore, after: leadAfter });
  if (has("责任单位")) {
    // Split against the lead unit each side will have, so a unit moving from 责任单位 to
    // 牵头单位 reads as one change of lead unit and one of co-units, as the file shows.
    const [before, after] = [coUnitSet(current, leadBefore), coUnitSet(file, leadAfter)];
    if (before.join("、") !== after.join("、")) changes.push({ field: "coUnits", before: before.join("、"), after: after.join("、") });
  }
  if (has("完成时限")) {
    // The round's deadline read back from the cell the export writes, with the same feedback date.
    const parsed = parseDeadline(deadlineCell(current), { feedbackDate: options.feedbackDate });
    const before = { deadline: parsed.deadline, deadlineKind: parsed.kind, deadlineText: parsed.text };
    if (deadlineMeaning(before) !== deadlineMeaning(file)) {
      changes.push({ field: "deadline", before: deadlineCell(current), after: deadlineCell(file) });
    }
  }
  return changes;
}

function problemChanges(current: ImportedProblem, file: ImportedProblem, options: LedgerDiffOptions): FieldChange<ProblemField>[] {
  const pairs: [ProblemField, LedgerColumn, string, string][] = [
    ["title", "问题", clean(current.title), clean(file.title)],
    ["aspect", "方面", clean(current.aspect), clean(file.aspect)],
    ["leadLeader", "牵头领导", clean(current.leadLeader), clean(file.leadLeader)],
  ];
  return pairs
    .filter(([, column, before, after]) => options.columns.has(column) && before !== after)
    .map(([field, , before, after]) => ({ field, before, after }));
}

/** Measures whose text moved to another position: the rows were deleted, inserted or reordered. */
function shiftedRows(current: ImportedProblem, file: ImportedProblem): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const currentTexts = current.measures.map((m) => clean(m.text));
  file.measures.forEach((measure, index) => {
    const text = clean(measure.text);
    if (currentTexts[index] === text) return;
    const elsewhere = currentTexts.indexOf(text);
    if (elsewhere === -1) return;
    issues.push({
      line: measure.line,
      column: "整改措施",
      message:
        `第 ${measure.line} 行“整改措施”:这是第 ${file.number} 号问题的第 ${index + 1} 项措施,内容却与本轮次该问题的第 ${elsewhere + 1} 项相同。` +
        "更新导入按序号和措施的先后对应,请不要删除、插入或调换措施行(按筛选导出的台账不能用于更新);新增的措施请写在该问题已有措施之后",
    });
  });
  return issues;
}

/**
 * The differences between the round's plan (`current`, in the import's shape, measures in
 * plan order) and an error-free file plan. Pure: the database applies it elsewhere.
 */
export function diffLedger(current: readonly ImportedProblem[], file: readonly ImportedProblem[], options: LedgerDiffOptions): LedgerDiff {
  const diff: LedgerDiff = {
    addedProblems: [],
    addedMeasures: [],
    changedProblems: [],
    changedMeasures: [],
    statusChanges: [],
    missingProblems: [],
    missingMeasures: [],
    conflicts: [],
  };
  const currentByNumber = new Map(current.map((p) => [p.number, p]));
  const fileNumbers = new Set(file.map((p) => p.number));

  for (const fileProblem of file) {
    const currentProblem = currentByNumber.get(fileProblem.number);
    if (!currentProblem) {
      diff.addedProblems.push(fileProblem);
      continue;
    }
    const line = fileProblem.measures[0]?.line ?? 0;
    const pChanges = problemChanges(currentProblem, fileProblem, options);
    if (pChanges.length > 0) {
      const next = { title: fileProblem.title, aspect: fileProblem.aspect, leadLeader: fileProblem.leadLeader };
      diff.changedProblems.push({ number: fileProblem.number, line, title: currentProblem.title, changes: pChanges, next });
    }
    if (options.columns.has("整改措施")) diff.conflicts.push(...shiftedRows(currentProblem, fileProblem));

    fileProblem.measures.forEach((measure, index) => {
      const key = { problemNumber: fileProblem.number, position: index + 1 };
      const existing = currentProblem.measures[index];
      if (!existing) {
        diff.addedMeasures.push({ ...key, measure });
        return;
      }
      const changes = measureChanges(currentProblem, existing, fileProblem, measure, options);
      if (changes.length > 0) diff.changedMeasures.push({ ...key, line: measure.line, text: clean(existing.text), changes, next: measure });
      if (options.columns.has("整改状态") && existing.status !== measure.status) {
        diff.statusChanges.push({ ...key, line: measure.line, text: clean(existing.text), from: existing.status, to: measure.status, progress: measure.progress });
      }
    });
    currentProblem.measures.slice(fileProblem.measures.length).forEach((measure, offset) => {
      diff.missingMeasures.push({ problemNumber: currentProblem.number, position: fileProblem.measures.length + offset + 1, text: clean(measure.text) });
    });
  }
  for (const problem of current) {
    if (fileNumbers.has(problem.number)) continue;
    diff.missingProblems.push({ number: problem.number, title: problem.title, measures: problem.measures.length });
  }
  return diff;
}

export function diffCounts(diff: LedgerDiff): LedgerDiffCounts {
  return {
    added: diff.addedProblems.reduce((n, p) => n + p.measures.length, 0) + diff.addedMeasures.length,
    changed: diff.changedProblems.length + diff.changedMeasures.length,
    statusChanges: diff.statusChanges.length,
    missing: diff.missingProblems.reduce((n, p) => n + p.measures, 0) + diff.missingMeasures.length,
  };
}

/** Whether applying would change anything (missing rows are only flagged). */
export function diffChangesSomething(diff: LedgerDiff): boolean {
  const c = diffCounts(diff);
  return c.added + c.changed + c.statusChanges > 0;
}

/** Unit names the applied diff would point at (new measures, changed owners): missing ones are created. */
export function diffUnitNames(diff: LedgerDiff): string[] {
  const names = new Set<string>();
  const add = (measure: ImportedMeasure) => {
    if (measure.leadUnit) names.add(measure.leadUnit);
    measure.coUnits.forEach((name) => names.add(name));
  };
  for (const problem of diff.addedProblems) {
    if (problem.leadUnit) names.add(problem.leadUnit);
    problem.measures.forEach(add);
  }
  diff.addedMeasures.forEach(({ measure }) => add(measure));
  for (const { changes, next } of diff.changedMeasures) {
    if (changes.some((c) => c.field === "leadUnit" || c.field === "coUnits")) add(next);
  }
  return [...names];
}
