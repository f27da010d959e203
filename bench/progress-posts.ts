import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { EVIDENCE_SAMPLES } from "@/cli/generate/evidence-samples";
import { todayISO } from "@/lib/deadline-state";
import type { PlannedRequest } from "./open-loop";
import type { Actors } from "./setup";

// The write the benchmark plays: a unit near a deadline posts a progress report with a small
// evidence file through the API (bearer token, as a unit's own system would), with an
// idempotency key of its own. The n-th intended write has its number in its text, so that
// afterwards every stored row can be traced to the write it came from.

const BOUNDARY = "----rectify-bench-boundary";
const pdf = EVIDENCE_SAMPLES[0]!;

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** The n-th write of a run marked `marker`, spread over `units` (each with its own measures). */
export function progressPost(units: Actors["units"], marker: string, n: number): PlannedRequest & { key: string } {
  const unit = units[n % units.length]!;
  const measureId = unit.measureIds[Math.floor(n / units.length) % unit.measureIds.length]!;
  // A quarter are claims of 基本完成 / 已完成, the rest progress updates.
  const claimedStatus = n % 8 === 0 ? "completed" : n % 8 === 4 ? "basically_completed" : "incomplete";
  // Each file differs (a trailing PDF comment), so each is really stored.
  const data = Buffer.concat([pdf.data, Buffer.from(`%${marker}-${n}\n`)]);
  const key = crypto.randomUUID();
  return {
    key,
    method: "POST",
    path: `/api/v1/measures/${measureId}/progress`,
    headers: { authorization: `Bearer ${unit.token}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}`, "idempotency-key": key },
    body: multipart(
      { reportDate: todayISO(), text: `${marker}#${n}:按整改方案推进,本周完成阶段性任务,佐证材料见附件。`, percent: "80", claimedStatus },
      { name: "会议纪要.pdf", type: "application/pdf", data },
    ),
  };
}

export interface Reconciliation {
  stored: number;
  /** Acknowledged (2xx) but not in the database, or stored without its file. */
  ackedNotStored: number;
  /** In the database although no attempt was acknowledged: the unit was told it failed. */
  storedNotAcked: number;
  /** Rows beyond the first for one intended write (one idempotency key). */
  duplicates: number;
}

/**
 * Compares what the clients were told (report ids acknowledged per intended write) with the
 * rows the run left in the database.
 */
export function reconcile(sqlite: Database.Database, marker: string, acked: ReadonlyMap<number, ReadonlySet<number>>): Reconciliation {
  const rows = sqlite
    .prepare(
      `select p.id, p.text, exists (select 1 from evidence_files e where e.progress_report_id = p.id) as hasFile
       from progress_reports p where p.text like ?`,
    )
    .all(`${marker}#%`) as { id: number; text: string; hasFile: number }[];
  const byWrite = new Map<number, { id: number; hasFile: number }[]>();
  for (const row of rows) {
    const n = Number(/#(\d+):/.exec(row.text)![1]);
    byWrite.set(n, [...(byWrite.get(n) ?? []), row]);
  }
  let ackedNotStored = 0;
  let storedNotAcked = 0;
  let duplicates = 0;
  for (const [n, ids] of acked) {
    const stored = byWrite.get(n) ?? [];
    for (const id of ids) if (!stored.some((row) => row.id === id && row.hasFile)) ackedNotStored++;
  }
  for (const [n, stored] of byWrite) {
    duplicates += stored.length - 1;
    if ((acked.get(n)?.size ?? 0) === 0) storedNotAcked++;
  }
  return { stored: rows.length, ackedNotStored, storedNotAcked, duplicates };
}

/** The report id in a progress post's answer. */
export function reportIdOf(body: string): number | null {
  try {
    return (JSON.parse(body) as { report?: { id?: number } }).report?.id ?? null;
  } catch {
    return null;
  }
}
