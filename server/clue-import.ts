import "server-only";
import { db } from "@/db";
import { listClues } from "@/db/queries/clues";
import { listUnits } from "@/db/queries/units";
import { CLUE_HEADER, parseClueSheet, type ClueImportPlan } from "@/lib/clue-import";
import { AppError } from "@/lib/errors";
import { readTableFile } from "@/lib/ledger-import/read-file";
import type { Actor } from "@/lib/permissions";
import { importClues } from "@/server/clues";

// The register's workbook import: preview (every row checked, nothing written), then all
// or nothing. The file is read and checked again on commit: the preview is only advice.

async function planOf(data: Uint8Array, fileName: string, roundId: number): Promise<ClueImportPlan> {
  const sheet = await readTableFile(data, fileName, CLUE_HEADER);
  const units = new Map(listUnits(db).map((u) => [u.name, u.id] as const));
  const taken = new Set(listClues(db, { roundId }).map((c) => c.number));
  return parseClueSheet(sheet, { units, taken });
}

export async function previewClueFile(params: { data: Uint8Array; fileName: string; roundId: number }) {
  const plan = await planOf(params.data, params.fileName, params.roundId);
  return { rows: plan.rows, issues: plan.issues };
}

export async function importClueFile(actor: Actor, params: { data: Uint8Array; fileName: string; roundId: number }) {
  const plan = await planOf(params.data, params.fileName, params.roundId);
  if (plan.issues.length > 0) {
    const first = plan.issues.slice(0, 3).map((i) => `第 ${i.line} 行${i.column ? `“${i.column}”` : ""}:${i.message}`);
    throw new AppError("VALIDATION", `文件有 ${plan.issues.length} 处错误,未导入任何一件。${first.join(";")}`);
  }
  const created = importClues(actor, { roundId: params.roundId, rows: plan.rows.map((r) => r.fields), source: params.fileName });
  return { roundId: params.roundId, added: created.length };
}
