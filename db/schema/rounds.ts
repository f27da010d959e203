import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { REPORT_CYCLES, ROUND_KINDS } from "@/lib/domain";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { units } from "./units";

// 巡视/巡察轮次: one inspection and the rectification that follows it.
export const rounds = sqliteTable(
  "rounds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ROUND_KINDS }).notNull(),
    inspectingBody: text("inspecting_body").notNull(),
    inspectedBody: text("inspected_body").notNull(),
    // The unit that stands for the inspected body; units created by an import go under it.
    inspectedUnitId: integer("inspected_unit_id").references(() => units.id, {
      onDelete: "restrict",
    }),
    inspectionStart: text("inspection_start"),
    inspectionEnd: text("inspection_end"),
    feedbackDate: text("feedback_date"),
    deadline: text("deadline"),
    dueSoonDays: integer("due_soon_days").notNull().default(7),
    reportCycle: text("report_cycle", { enum: REPORT_CYCLES }).notNull().default("weekly"),
    // 1 = Monday … 7 = Sunday (ISO); offices usually collect reports on Friday.
    reportWeekday: integer("report_weekday").notNull().default(5),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    // Whether units see their tasks before the superior office approves the plan. On by
    // default: most offices start work at once and revise as the review asks.
    unitsSeeUnapprovedPlan: integer("units_see_unapproved_plan", { mode: "boolean" }).notNull().default(true),
    /** When the current plan was approved; cleared when a new version is submitted. */
    planApprovedAt: integer("plan_approved_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("rounds_name_uq").on(t.name),
    index("rounds_inspected_unit_id_idx").on(t.inspectedUnitId),
    check("rounds_kind_check", oneOf(t.kind, ROUND_KINDS)),
    check("rounds_report_cycle_check", oneOf(t.reportCycle, REPORT_CYCLES)),
    check("rounds_due_soon_days_check", sql`${t.dueSoonDays} between 0 and 90`),
    check("rounds_report_weekday_check", sql`${t.reportWeekday} between 1 and 7`),
  ],
);

export type Round = typeof rounds.$inferSelect;
export type NewRound = typeof rounds.$inferInsert;
