import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { INSTITUTION_APPLIED, LOOK_BACK_RESULTS, NOTICE_LEVELS, NOTICE_STATES } from "@/lib/domain";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { measures, problems } from "./plan";
import { progressReports } from "./progress";
import { rounds } from "./rounds";
import { units } from "./units";

// 督办单: numbered per year, 督办〔2026〕N号.
export const supervisionNotices = sqliteTable(
  "supervision_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    level: text("level", { enum: NOTICE_LEVELS }).notNull(),
    request: text("request").notNull(),
    replyDeadline: text("reply_deadline").notNull(),
    state: text("state", { enum: NOTICE_STATES }).notNull().default("open"),
    issuedById: text("issued_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    reply: text("reply"),
    repliedById: text("replied_by_id").references(() => users.id, { onDelete: "restrict" }),
    repliedAt: integer("replied_at", { mode: "timestamp_ms" }),
    closedById: text("closed_by_id").references(() => users.id, { onDelete: "restrict" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("supervision_notices_year_sequence_uq").on(t.year, t.sequence),
    index("supervision_notices_round_id_idx").on(t.roundId),
    index("supervision_notices_unit_id_state_idx").on(t.unitId, t.state),
    index("supervision_notices_issued_by_id_idx").on(t.issuedById),
    index("supervision_notices_replied_by_id_idx").on(t.repliedById),
    index("supervision_notices_closed_by_id_idx").on(t.closedById),
    check("supervision_notices_level_check", oneOf(t.level, NOTICE_LEVELS)),
    check("supervision_notices_state_check", oneOf(t.state, NOTICE_STATES)),
  ],
);

export const supervisionNoticeMeasures = sqliteTable(
  "supervision_notice_measures",
  {
    noticeId: integer("notice_id")
      .notNull()
      .references(() => supervisionNotices.id, { onDelete: "cascade" }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "supervision_notice_measures_pk", columns: [t.noticeId, t.measureId] }),
    index("supervision_notice_measures_measure_id_idx").on(t.measureId),
  ],
);

// 回头看: a scheduled re-check of a completed (or ongoing) measure.
export const lookBacks = sqliteTable(
  "look_backs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    scheduledDate: text("scheduled_date").notNull(),
    result: text("result", { enum: LOOK_BACK_RESULTS }),
    note: text("note"),
    checkedById: text("checked_by_id").references(() => users.id, { onDelete: "restrict" }),
    checkedAt: integer("checked_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("look_backs_measure_id_idx").on(t.measureId),
    index("look_backs_scheduled_date_idx").on(t.scheduledDate),
    index("look_backs_checked_by_id_idx").on(t.checkedById),
    check("look_backs_result_check", oneOf(t.result, LOOK_BACK_RESULTS)),
  ],
);

// 建章立制: rules and institutions issued as part of rectification.
export const institutions = sqliteTable(
  "institutions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").references(() => units.id, { onDelete: "restrict" }),
    progressReportId: integer("progress_report_id").references(() => progressReports.id, {
      onDelete: "set null",
    }),
    title: text("title").notNull(),
    documentNumber: text("document_number").notNull().default(""),
    issuedDate: text("issued_date"),
    // 复查日期: when the rule must be re-examined (does it still fit, is it applied). Set on
    // registration a year after issue (lib/institution-review.ts); the office may move it.
    reviewDate: text("review_date"),
    createdAt: createdAt(),
  },
  (t) => [
    index("institutions_round_id_idx").on(t.roundId),
    index("institutions_unit_id_idx").on(t.unitId),
    index("institutions_progress_report_id_idx").on(t.progressReportId),
    index("institutions_review_date_idx").on(t.reviewDate),
  ],
);

// The problems a rule answers (same round): its measure's problem on registration, then
// whatever the office links.
export const institutionProblems = sqliteTable(
  "institution_problems",
  {
    institutionId: integer("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "institution_problems_pk", columns: [t.institutionId, t.problemId] }),
    index("institution_problems_problem_id_idx").on(t.problemId),
  ],
);

// 回头看's answer, per rule answering the measure's problem: is it applied (是否执行到位)?
export const lookBackInstitutionChecks = sqliteTable(
  "look_back_institution_checks",
  {
    lookBackId: integer("look_back_id")
      .notNull()
      .references(() => lookBacks.id, { onDelete: "cascade" }),
    institutionId: integer("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    applied: text("applied", { enum: INSTITUTION_APPLIED }).notNull(),
    note: text("note"),
  },
  (t) => [
    primaryKey({ name: "look_back_institution_checks_pk", columns: [t.lookBackId, t.institutionId] }),
    index("look_back_institution_checks_institution_id_idx").on(t.institutionId),
    check("look_back_institution_checks_applied_check", oneOf(t.applied, INSTITUTION_APPLIED)),
  ],
);

export type SupervisionNotice = typeof supervisionNotices.$inferSelect;
export type LookBack = typeof lookBacks.$inferSelect;
export type Institution = typeof institutions.$inferSelect;
