import { sql } from "drizzle-orm";
import { check, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { INDICATOR_DIRECTIONS } from "@/lib/indicators";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { measures } from "./plan";

// 量化指标: at most one per measure, in its own table so that a measure without one carries
// nothing, and so the checks need no rebuild of measures (which every other table cites).
// The office sets name, unit, direction, baseline and target with the measure; `actual` is
// the value the responsible unit last reported with its progress (each report keeps its own
// in progress_reports.indicator_actual).
export const measureIndicators = sqliteTable(
  "measure_indicators",
  {
    measureId: integer("measure_id")
      .primaryKey()
      .references(() => measures.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    direction: text("direction", { enum: INDICATOR_DIRECTIONS }).notNull(),
    baseline: real("baseline").notNull(),
    target: real("target").notNull(),
    actual: real("actual"),
    /** The report date of the progress report that gave `actual`. */
    actualDate: text("actual_date"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("measure_indicators_direction_check", oneOf(t.direction, INDICATOR_DIRECTIONS)),
    check("measure_indicators_actual_date_check", sql`(${t.actual} is null) = (${t.actualDate} is null)`),
  ],
);

export type MeasureIndicator = typeof measureIndicators.$inferSelect;
