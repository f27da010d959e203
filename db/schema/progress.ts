import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { REVIEW_STATES, STATUSES } from "@/lib/domain";
import { users } from "./auth";
import { createdAt } from "./columns";
import { oneOf } from "./enum-check";
import { measures } from "./plan";
import { units } from "./units";

// 整改动态: append-only. A correction is a new report; only the review fields change,
// once, when the office signs the claim off or returns it.
export const progressReports = sqliteTable(
  "progress_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    // Null for 整改情况 imported from the command line before any account existed.
    authorId: text("author_id").references(() => users.id, { onDelete: "restrict" }),
    reportDate: text("report_date").notNull(),
    text: text("text").notNull(),
    percent: integer("percent"),
    milestone: text("milestone"),
    // The 量化指标's actual value this report gave (see measure_indicators); null when none.
    indicatorActual: real("indicator_actual"),
    claimedStatus: text("claimed_status", { enum: STATUSES }).notNull(),
    // A claim is the lead unit saying 基本完成 / 已完成: only claims go to the office for
    // sign-off. Other reports (co-units, 未完成 updates) are progress information.
    isClaim: integer("is_claim", { mode: "boolean" }).notNull().default(false),
    // 复证: an 已完成 claim on a long-term measure already signed off, proving it still holds.
    // Fixed when written: the measure's status at that moment decides, and it changes later.
    isReproof: integer("is_reproof", { mode: "boolean" }).notNull().default(false),
    reviewState: text("review_state", { enum: REVIEW_STATES }).notNull().default("pending"),
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "restrict" }),
    reviewNote: text("review_note"),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    // The client's idempotency key (Idempotency-Key header or form field): a retry of a post
    // whose answer was lost carries the same key and gets the first answer back instead of a
    // second report. Null for reports written without one (imports, older clients).
    idempotencyKey: text("idempotency_key"),
    // SHA-256 of what the keyed post asked for, so a key reused for different content is
    // refused instead of answered with a report the client did not send.
    idempotencyDigest: text("idempotency_digest"),
  },
  (t) => [
    // Per author: another user's key never collides with (or reveals) this one's report.
    // Partial, so the 1.5M reports without a key cost the index nothing.
    uniqueIndex("progress_reports_idempotency_uq").on(t.authorId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index("progress_reports_measure_id_idx").on(t.measureId, t.createdAt),
    // A measure's latest report (the ledger's 最新进展) and "reported in this cycle?" (the
    // reminder job, the reporting page) read the index alone, at 1.5M reports.
    index("progress_reports_measure_id_report_date_idx").on(t.measureId, t.reportDate),
    index("progress_reports_unit_id_idx").on(t.unitId),
    index("progress_reports_author_id_idx").on(t.authorId),
    index("progress_reports_reviewer_id_idx").on(t.reviewerId),
    index("progress_reports_review_state_idx").on(t.reviewState, t.createdAt),
    index("progress_reports_claims_idx").on(t.isClaim, t.reviewState, t.createdAt),
    check("progress_reports_claimed_status_check", oneOf(t.claimedStatus, STATUSES)),
    check("progress_reports_review_state_check", oneOf(t.reviewState, REVIEW_STATES)),
    check("progress_reports_percent_check", sql`${t.percent} is null or ${t.percent} between 0 and 100`),
  ],
);

// 佐证材料: stored on disk by content hash, never by the uploader's file name.
export const evidenceFiles = sqliteTable(
  "evidence_files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    progressReportId: integer("progress_report_id")
      .notNull()
      .references(() => progressReports.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storedPath: text("stored_path").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_files_progress_report_id_idx").on(t.progressReportId),
    index("evidence_files_sha256_idx").on(t.sha256),
    check("evidence_files_size_check", sql`${t.size} >= 0`),
  ],
);

export type ProgressReport = typeof progressReports.$inferSelect;
export type EvidenceFile = typeof evidenceFiles.$inferSelect;
