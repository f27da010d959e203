import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { DEADLINE_KINDS, MEASURE_CATEGORIES, STATUSES } from "@/lib/domain";
import { REPROOF_INTERVALS } from "@/lib/reproof";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { rounds } from "./rounds";
import { units } from "./units";

// The plan: aspects → numbered problems → measures. Deleting a round removes its plan;
// deleting an aspect or problem that still holds children is refused by the database,
// so nothing is lost silently (the UI asks first and deletes children explicitly).

export const aspects = sqliteTable(
  "aspects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("aspects_round_id_position_idx").on(t.roundId, t.position)],
);

export const problems = sqliteTable(
  "problems",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    aspectId: integer("aspect_id").references(() => aspects.id, { onDelete: "restrict" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    leadLeader: text("lead_leader").notNull().default(""),
    leadUnitId: integer("lead_unit_id").references(() => units.id, { onDelete: "restrict" }),
    // Rolled up from the measures' official statuses by lib/status.ts whenever one changes;
    // kept here so the lists and counts need no roll-up at read time.
    status: text("status", { enum: STATUSES }).notNull().default("incomplete"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("problems_round_id_number_uq").on(t.roundId, t.number),
    index("problems_aspect_id_idx").on(t.aspectId),
    index("problems_lead_unit_id_idx").on(t.leadUnitId),
    index("problems_round_id_status_idx").on(t.roundId, t.status),
    check("problems_status_check", oneOf(t.status, STATUSES)),
    check("problems_number_check", sql`${t.number} > 0`),
  ],
);

export const measures = sqliteTable(
  "measures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Denormalised from the problem so that (round, status) and deadline scans need no join.
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    goal: text("goal").notNull().default(""),
    leadUnitId: integer("lead_unit_id").references(() => units.id, { onDelete: "restrict" }),
    deadline: text("deadline"),
    deadlineKind: text("deadline_kind", { enum: DEADLINE_KINDS }).notNull().default("date"),
    // What the office wrote ("2021年12月底,并长期坚持"), kept verbatim even when parsed.
    deadlineText: text("deadline_text").notNull().default(""),
    category: text("category", { enum: MEASURE_CATEGORIES }).notNull().default("time_limited"),
    // 并长期坚持: how often a completed long-term measure proves itself again (lib/reproof.ts).
    // Checked in the migration's column definition rather than here: a table check added by
    // drizzle rebuilds the table, and the rebuild would drop the search index's triggers.
    reproofInterval: text("reproof_interval", { enum: REPROOF_INTERVALS }).notNull().default("quarterly"),
    // The official status changes only through the office's sign-off (对账销号).
    status: text("status", { enum: STATUSES }).notNull().default("incomplete"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("measures_problem_id_position_idx").on(t.problemId, t.position),
    index("measures_lead_unit_id_idx").on(t.leadUnitId),
    index("measures_round_id_status_idx").on(t.roundId, t.status),
    index("measures_deadline_idx").on(t.deadline),
    check("measures_status_check", oneOf(t.status, STATUSES)),
    check("measures_deadline_kind_check", oneOf(t.deadlineKind, DEADLINE_KINDS)),
    check("measures_category_check", oneOf(t.category, MEASURE_CATEGORIES)),
    check("measures_deadline_check", sql`${t.deadline} is null or ${t.deadline} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
  ],
);

// 责任单位: the co-responsible units of a measure (the lead unit is on the measure).
export const measureCoUnits = sqliteTable(
  "measure_co_units",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
  },
  (t) => [
    primaryKey({ name: "measure_co_units_pk", columns: [t.measureId, t.unitId] }),
    index("measure_co_units_unit_id_idx").on(t.unitId),
  ],
);

export type Aspect = typeof aspects.$inferSelect;
export type Problem = typeof problems.$inferSelect;
export type Measure = typeof measures.$inferSelect;
export type NewMeasure = typeof measures.$inferInsert;
