import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/db";
import { applyLedgerDiff, roundPlanSnapshot, type LedgerUpdateResult } from "@/db/queries/ledger-update";
import { splitKnownUnits } from "@/db/queries/plan-writer";
import type { Round } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { diffChangesSomething, diffCounts, diffLedger, diffUnitNames, type LedgerDiff, type LedgerDiffCounts } from "@/lib/ledger-import/ledger-diff";
import { normalizeHeader, parseLedgerSheet } from "@/lib/ledger-import/parse-plan";
import { readLedgerFile } from "@/lib/ledger-import/read-file";
import { LEDGER_COLUMNS, type ImportIssue, type LedgerColumn } from "@/lib/ledger-import/types";

// Re-importing a ledger into a round that already has a plan, as an update (issue 13
// item 5). The preview shows the differences and a token naming exactly them; applying
// recomputes them inside the write transaction and refuses if they are not the ones the
// office saw (the round or the file changed in between), so what is applied is what was
// previewed, all or nothing.

export interface LedgerUpdatePreview {
  fileName: string;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Null when the file has errors: a file that cannot be read is not compared. */
  diff: LedgerDiff | null;
  counts: LedgerDiffCounts | null;
  /** Units the update would create under the round's inspected body. */
  newUnits: string[];
  /** Names this diff; send it back with the apply. */
  token: string | null;
}

export type { LedgerUpdateResult };

type RoundRef = Pick<Round, "id" | "feedbackDate">;

async function readPlan(data: Uint8Array, fileName: string, round: RoundRef) {
  const sheet = await readLedgerFile(data, fileName);
  const columns = new Set(sheet.header.map(normalizeHeader).filter((name): name is LedgerColumn => (LEDGER_COLUMNS as readonly string[]).includes(name)));
  // Never split cells here: measures are matched by their order, which a split would shift.
  const plan = parseLedgerSheet(sheet, { feedbackDate: round.feedbackDate });
  if (plan.errors.length === 0 && plan.problems.length === 0) {
    plan.errors.push({ line: null, column: null, message: "文件中没有任何问题行,请在表头下方填写台账内容" });
  }
  return { plan, columns };
}

function currentPlan(q: Parameters<typeof roundPlanSnapshot>[0], round: RoundRef, today: string) {
  const snapshot = roundPlanSnapshot(q, { roundId: round.id, today });
  if (snapshot.length === 0) throw new AppError("CONFLICT", "该轮次尚未录入方案,无需更新导入:请直接导入台账");
  return snapshot;
}

/** A short fingerprint of the differences themselves. */
const tokenOf = (diff: LedgerDiff) => createHash("sha256").update(JSON.stringify(diff)).digest("hex").slice(0, 32);

export async function previewLedgerUpdate(params: { data: Uint8Array; fileName: string; round: RoundRef; today: string }): Promise<LedgerUpdatePreview> {
  const { plan, columns } = await readPlan(params.data, params.fileName, params.round);
  const base = { fileName: params.fileName, errors: plan.errors, warnings: plan.warnings };
  if (plan.errors.length > 0) return { ...base, diff: null, counts: null, newUnits: [], token: null };
  const diff = diffLedger(currentPlan(db, params.round, params.today), plan.problems, { feedbackDate: params.round.feedbackDate, columns });
  return {
    ...base,
    diff,
    counts: diffCounts(diff),
    newUnits: splitKnownUnits(db, { names: diffUnitNames(diff) }).unknown,
    token: tokenOf(diff),
  };
}

const listed = (issues: readonly ImportIssue[]) => issues.slice(0, 5).map((issue) => issue.message).join(";");

/**
 * Applies the file's differences in one transaction. `token` (from the preview) is checked
 * when given; the command line applies without one, having no preview to match.
 */
export async function applyLedgerUpdate(params: {
  data: Uint8Array;
  fileName: string;
  round: RoundRef;
  actorId: string | null;
  authorId: string | null;
  today: string;
  token?: string | null;
}): Promise<LedgerUpdateResult> {
  const { plan, columns } = await readPlan(params.data, params.fileName, params.round);
  if (plan.errors.length > 0) throw new AppError("VALIDATION", `文件有 ${plan.errors.length} 处错误,未更新:${listed(plan.errors)}`);
  return db.transaction((tx) => {
    const snapshot = currentPlan(tx, params.round, params.today);
    const diff = diffLedger(snapshot, plan.problems, { feedbackDate: params.round.feedbackDate, columns });
    if (diff.conflicts.length > 0) {
      throw new AppError("CONFLICT", `文件中有 ${diff.conflicts.length} 处措施行与本轮次对不上,未更新:${listed(diff.conflicts)}`);
    }
    if (params.token && params.token !== tokenOf(diff)) {
      throw new AppError("CONFLICT", "预览之后,本轮次的方案或上传的文件已有变化,未更新。请重新上传预览,核对差异后再确认");
    }
    if (!diffChangesSomething(diff)) {
      const missing = diffCounts(diff).missing;
      throw new AppError(
        "VALIDATION",
        `文件与本轮次台账没有需要更新的差异${missing > 0 ? `(文件中缺少本轮次的 ${missing} 项措施,更新导入不会删除它们)` : ""},未更新`,
      );
    }
    const { actorId, authorId, today } = params;
    return applyLedgerDiff(tx, { actorId, authorId, today, roundId: params.round.id, diff, snapshot, source: params.fileName });
  });
}
