import "server-only";
import { db } from "@/db";
import type { Queryable } from "@/db/client";
import { reportInput } from "@/db/queries/reports";
import { getReportVersion } from "@/db/queries/report-versions";
import { getSnapshot } from "@/db/queries/snapshots";
import { XLSX_TYPE } from "@/lib/file-types";
import { AppError } from "@/lib/errors";
import { writeLedgerWorkbook } from "@/lib/ledger-export";
import { ledgerAsPlan } from "@/server/ledger-transfer";
import { buildProgressReport, type ReportDocument } from "@/lib/bulletin";
import { DOCX_TYPE, reportDocx } from "@/lib/bulletin-docx";
import { reportHtmlFile } from "@/lib/bulletin-html";

// The report and snapshot downloads, shared by the API routes and the CLI so both hand out
// the same bytes.

export type ReportFormat = "docx" | "html";

export function generateReport(params: { roundId: number; today: string }, q: Queryable = db): { roundName: string; report: ReportDocument } {
  const input = reportInput(q, params);
  if (!input) throw new AppError("NOT_FOUND", "未找到该轮次");
  return { roundName: input.round.name, report: buildProgressReport(input) };
}

export async function reportFile(params: { roundId: number; today: string; format: ReportFormat }) {
  const { roundName, report } = generateReport(params);
  const base = `${roundName}-整改进展情况通报-${params.today}`;
  if (params.format === "html") {
    return { buffer: Buffer.from(reportHtmlFile(report), "utf8"), fileName: `${base}.html`, contentType: "text/html; charset=utf-8" };
  }
  return { buffer: await reportDocx(report), fileName: `${base}.docx`, contentType: DOCX_TYPE };
}

/** A snapshot's xlsx, written from the rows it stored — never from the live ledger. */
export async function snapshotFile(params: { id: number }, q: Queryable = db) {
  const snapshot = getSnapshot(q, params);
  if (!snapshot) throw new AppError("NOT_FOUND", "未找到该台账快照");
  const { problems, aspectOrder } = ledgerAsPlan(snapshot.rows);
  const title = snapshot.label ? `${snapshot.roundName}(${snapshot.label})` : snapshot.roundName;
  const buffer = await writeLedgerWorkbook({ title, date: snapshot.asOf, problems, aspectOrder });
  return { snapshot, buffer, fileName: `${snapshot.roundName}-台账快照-${snapshot.asOf}.xlsx` };
}

export type VersionFormat = ReportFormat | "xlsx";

/**
 * A submitted (or published) version of a 通报, written from what it froze — its text and
 * figures, and for "xlsx" the ledger rows of that day — never from the live ledger.
 */
export async function reportVersionFile(params: { roundId: number; roundName: string; version: number; format: VersionFormat }, q: Queryable = db) {
  const found = getReportVersion(q, params);
  if (!found) throw new AppError("NOT_FOUND", "未找到该版本的通报");
  const { document, asOf, rows } = found.content;
  const base = `${params.roundName}-整改进展情况通报-第${params.version}版-${asOf}`;
  if (params.format === "html") return { buffer: Buffer.from(reportHtmlFile(document), "utf8"), fileName: `${base}.html`, contentType: "text/html; charset=utf-8" };
  if (params.format === "docx") return { buffer: await reportDocx(document), fileName: `${base}.docx`, contentType: DOCX_TYPE };
  const { problems, aspectOrder } = ledgerAsPlan(rows);
  const buffer = await writeLedgerWorkbook({ title: `${params.roundName}(通报第${params.version}版所据台账)`, date: asOf, problems, aspectOrder });
  return { buffer, fileName: `${params.roundName}-通报第${params.version}版所据台账-${asOf}.xlsx`, contentType: XLSX_TYPE };
}
