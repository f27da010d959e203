import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { buildProgressReport, type ReportDocument } from "@/lib/bulletin";
import { parseListFilter } from "@/lib/validations/list-filter";
import type { Queryable } from "../client";
import { submissions } from "../schema";
import { ledgerRows, type LedgerRow } from "./ledger";
import { reportInput } from "./reports";
import { roundSummary, type RoundSummary } from "./summary";

// A 通报 as submitted for review: the document, the figures it states and the ledger rows
// they were computed from, all read in the caller's transaction so that they agree.

export interface ReportVersion {
  /** The day the figures were read (截至日期). */
  asOf: string;
  document: ReportDocument;
  figures: RoundSummary;
  rows: LedgerRow[];
}

export function reportVersion(q: Queryable, params: { roundId: number; today: string }): ReportVersion | undefined {
  const input = reportInput(q, params);
  const figures = roundSummary(q, params);
  if (!input || !figures) return undefined;
  const rows = ledgerRows(q, { roundId: params.roundId, filter: parseListFilter({}), today: params.today });
  return { asOf: params.today, document: buildProgressReport(input), figures, rows };
}

/** One submitted version of a round's 通报, with its frozen content. */
export function getReportVersion(q: Queryable, params: { roundId: number; version: number }) {
  const row = q
    .select()
    .from(submissions)
    .where(and(eq(submissions.roundId, params.roundId), eq(submissions.kind, "report"), eq(submissions.version, params.version)))
    .get();
  return row ? { ...row, content: row.content as ReportVersion } : undefined;
}

/** The round's published 通报 (approved versions), newest first; the first is current. */
export function publishedReports(q: Queryable, params: { roundId: number }) {
  // The frozen rows can run to megabytes: read only the fields a list shows.
  return q
    .select({
      id: submissions.id,
      version: submissions.version,
      publishedAt: submissions.decidedAt,
      asOf: sql<string>`json_extract(${submissions.content}, '$.asOf')`,
      title: sql<string>`json_extract(${submissions.content}, '$.document.title')`,
      measuresSentence: sql<string>`json_extract(${submissions.content}, '$.document.measuresSentence')`,
    })
    .from(submissions)
    .where(and(eq(submissions.roundId, params.roundId), eq(submissions.kind, "report"), eq(submissions.state, "approved")))
    .orderBy(desc(submissions.version))
    .all()
    .map((row, index) => ({ ...row, current: index === 0 }));
}
