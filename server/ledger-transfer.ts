import "server-only";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import { importPlan, type ImportResult } from "@/db/queries/import";
import { splitKnownUnits } from "@/db/queries/plan-writer";
import { ledgerRows, type LedgerRow } from "@/db/queries/ledger";
import { recurrencesInRound } from "@/db/queries/recurrence";
import { getRound } from "@/db/queries/rounds";
import type { Round } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { indicatorFromColumns } from "@/lib/indicators";
import { writeLedgerWorkbook } from "@/lib/ledger-export";
import { parseLedgerSheet } from "@/lib/ledger-import/parse-plan";
import { readLedgerFile } from "@/lib/ledger-import/read-file";
import type { ImportedProblem, ImportPlan } from "@/lib/ledger-import/types";
import type { ListFilter } from "@/lib/validations/list-filter";

// The ledger in and out of Excel, for the UI, the API and the CLI alike: one path, so the
// three cannot disagree about what a file means.

export interface LedgerPreview {
  plan: ImportPlan;
  /** Unit names the import would create under the round's inspected body. */
  newUnits: string[];
  /** Measures in `plan`, as previewed (split or not). */
  measureCount: number;
  /** Measures the file gives as written (one per row), and with cells holding several split. */
  measures: number;
  measuresIfSplit: number;
}

const countMeasures = (plan: ImportPlan) => plan.problems.reduce((n, p) => n + p.measures.length, 0);

export async function previewLedgerFile(params: {
  data: Uint8Array;
  fileName: string;
  round: Pick<Round, "feedbackDate">;
  splitMeasures?: boolean;
}): Promise<LedgerPreview> {
  const sheet = await readLedgerFile(params.data, params.fileName);
  const split = params.splitMeasures ?? false;
  const plan = parseLedgerSheet(sheet, { feedbackDate: params.round.feedbackDate, splitMeasures: split });
  // The other reading too, so the office sees both counts before choosing.
  const other = parseLedgerSheet(sheet, { feedbackDate: params.round.feedbackDate, splitMeasures: !split });
  const [asWritten, whenSplit] = split ? [other, plan] : [plan, other];
  if (plan.errors.length === 0 && plan.problems.length === 0) {
    plan.errors.push({ line: null, column: null, message: "文件中没有任何问题行,请在表头下方填写台账内容" });
  }
  return {
    plan,
    newUnits: splitKnownUnits(db, { names: plan.unitNames }).unknown,
    measureCount: countMeasures(plan),
    measures: countMeasures(asWritten),
    measuresIfSplit: countMeasures(whenSplit),
  };
}

/**
 * Imports a ledger file into an empty round, all or nothing. `beforeImport` runs inside the
 * same transaction (the CLI creates the round there, so a bad file leaves no empty round).
 */
export async function importLedgerFile(params: {
  data: Uint8Array;
  fileName: string;
  roundId: number | ((tx: Tx) => number);
  feedbackDate: string | null;
  actorId: string | null;
  authorId: string | null;
  today: string;
  /** Split 整改措施 cells holding several measures (parseLedgerSheet's option). */
  splitMeasures?: boolean;
}): Promise<ImportResult & { plan: ImportPlan }> {
  const sheet = await readLedgerFile(params.data, params.fileName);
  const plan = parseLedgerSheet(sheet, { feedbackDate: params.feedbackDate, splitMeasures: params.splitMeasures ?? false });
  if (plan.errors.length > 0) {
    const first = plan.errors.slice(0, 5).map((e) => e.message).join(";");
    throw new AppError("VALIDATION", `文件有 ${plan.errors.length} 处错误,未导入:${first}`);
  }
  if (plan.problems.length === 0) throw new AppError("VALIDATION", "文件中没有任何问题行,未导入");
  const result = db.transaction((tx) => {
    const roundId = typeof params.roundId === "function" ? params.roundId(tx) : params.roundId;
    return importPlan(tx, { actorId: params.actorId, authorId: params.authorId, roundId, plan, source: params.fileName, today: params.today });
  });
  return { ...result, plan };
}

/** The ledger rows (as the filter selects them) in the import template's shape. */
export function ledgerAsPlan(rows: readonly LedgerRow[]): { problems: ImportedProblem[]; aspectOrder: string[] } {
  const { byId, aspectOrder } = ledgerProblems(rows);
  return { problems: [...byId.values()], aspectOrder };
}

/** The same, keyed by problem id (the export adds what it knows of each problem). */
function ledgerProblems(rows: readonly LedgerRow[]): { byId: Map<number, ImportedProblem>; aspectOrder: string[] } {
  const problems = new Map<number, ImportedProblem>();
  const aspectOrder: string[] = [];
  for (const row of rows) {
    if (row.aspectName && !aspectOrder.includes(row.aspectName)) aspectOrder.push(row.aspectName);
    let problem = problems.get(row.problemId);
    if (!problem) {
      problem = {
        number: row.problemNumber,
        title: row.problemTitle,
        aspect: row.aspectName,
        leadLeader: row.leadLeader,
        leadUnit: row.leadUnitName,
        measures: [],
      };
      problems.set(row.problemId, problem);
    }
    problem.measures.push({
      line: 0,
      text: row.text,
      leadUnit: row.leadUnitName,
      coUnits: row.coUnitNames ? row.coUnitNames.split("、") : [],
      deadline: row.deadline,
      deadlineKind: row.deadlineKind,
      deadlineText: row.deadlineText,
      category: row.category,
      status: row.status,
      progress: row.latestProgress,
      indicator: indicatorFromColumns(row),
    });
  }
  return { byId: problems, aspectOrder };
}

export async function exportLedger(params: { roundId: number; filter: ListFilter; today: string }) {
  const round = getRound(db, { id: params.roundId });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  const rows = ledgerRows(db, { roundId: round.id, filter: params.filter, today: params.today });
  const { byId, aspectOrder } = ledgerProblems(rows);
  const recurrences = recurrencesInRound(db, { roundId: round.id });
  for (const [problemId, problem] of byId) {
    const earlier = recurrences.get(problemId);
    if (earlier) problem.recurrence = `${earlier.roundName} 第${earlier.number}号问题:${earlier.title}`;
  }
  const buffer = await writeLedgerWorkbook({ title: round.name, date: params.today, problems: [...byId.values()], aspectOrder });
  return { buffer, fileName: `${round.name}-整改台账-${params.today}.xlsx`, rows: rows.length };
}
