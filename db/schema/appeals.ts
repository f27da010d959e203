import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { APPEAL_DECISIONS, APPEAL_SUBJECTS } from "@/lib/domain";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { measures } from "./plan";
import { progressReports } from "./progress";
import { units } from "./units";

// 申诉: a responsible unit contests the office's return of a claim, or a measure's overdue
// mark, with its reasons; the office decides once (申诉成立 / 不成立) with its own. The row
// keeps what was contested (the return's reason, the missed deadline) as it stood when the
// appeal was filed, because a granted appeal clears the one and replaces the other.
export const appeals = sqliteTable(
  "appeals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    subject: text("subject", { enum: APPEAL_SUBJECTS }).notNull(),
    // The returned claim, for subject 'return' only.
    progressReportId: integer("progress_report_id").references(() => progressReports.id, { onDelete: "cascade" }),
    // The appealing unit: the measure's lead unit when the appeal was filed.
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    filedById: text("filed_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    /** The office's reason for returning the claim, as it read when the appeal was filed. */
    returnNote: text("return_note"),
    /** The deadline the measure was overdue against, as it stood when the appeal was filed. */
    overdueDeadline: text("overdue_deadline"),
    // Null while open; set once, with the reason, by whoever decided.
    decision: text("decision", { enum: APPEAL_DECISIONS }),
    decisionReason: text("decision_reason"),
    /** The deadline a granted overdue appeal set (延期). */
    newDeadline: text("new_deadline"),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "restrict" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One open appeal per subject: a returned claim, or a measure's overdue mark.
    uniqueIndex("appeals_open_return_uq").on(t.progressReportId).where(sql`${t.decision} is null and ${t.subject} = 'return'`),
    uniqueIndex("appeals_open_overdue_uq").on(t.measureId).where(sql`${t.decision} is null and ${t.subject} = 'overdue'`),
    index("appeals_measure_id_idx").on(t.measureId),
    index("appeals_progress_report_id_idx").on(t.progressReportId),
    index("appeals_unit_id_idx").on(t.unitId, t.createdAt),
    // The office's queue: open appeals, oldest first.
    index("appeals_decision_created_at_idx").on(t.decision, t.createdAt),
    index("appeals_filed_by_id_idx").on(t.filedById),
    index("appeals_decided_by_id_idx").on(t.decidedById),
    check("appeals_subject_check", oneOf(t.subject, APPEAL_SUBJECTS)),
    check("appeals_decision_check", oneOf(t.decision, APPEAL_DECISIONS)),
    check("appeals_report_check", sql`(${t.subject} = 'return') = (${t.progressReportId} is not null)`),
    check("appeals_decided_check", sql`(${t.decision} is null) = (${t.decisionReason} is null and ${t.decidedAt} is null)`),
    check("appeals_new_deadline_check", sql`${t.newDeadline} is null or (${t.decision} = 'granted' and ${t.subject} = 'overdue' and ${t.newDeadline} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`),
  ],
);

export type Appeal = typeof appeals.$inferSelect;
