import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { RED_CARD_KINDS } from "@/lib/evaluation";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { measures } from "./plan";
import { rounds } from "./rounds";
import { units } from "./units";

// 整改成效评估. A template holds the weighted indicators (grouped by area) and the grades with
// their score factors; a round has at most one evaluation, held on a date at least
// `monthsAfterFeedback` after its feedback; evaluators grade each responsible unit per
// indicator; a red card (敷衍/虚假整改) names a measure the evaluation reopened.

// The built-in standard set (lib/evaluation-template.ts) is stored once, flagged `built_in`:
// it is the default when scheduling and is never edited (an office copies it instead). Names
// are unique, so the 通报 and the schedule form name a template unambiguously.
export const evaluationTemplates = sqliteTable(
  "evaluation_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    monthsAfterFeedback: integer("months_after_feedback").notNull().default(6),
    builtIn: integer("built_in", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("evaluation_templates_name_uq").on(t.name),
    uniqueIndex("evaluation_templates_one_built_in_uq").on(t.builtIn).where(sql`${t.builtIn} = 1`),
  ],
);

export const evaluationIndicators = sqliteTable(
  "evaluation_indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    templateId: integer("template_id")
      .notNull()
      .references(() => evaluationTemplates.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    area: text("area").notNull(),
    name: text("name").notNull(),
    /** 评分要点: what the evaluators look at to grade the indicator. */
    description: text("description").notNull().default(""),
    weight: real("weight").notNull(),
  },
  (t) => [index("evaluation_indicators_template_id_idx").on(t.templateId, t.position), check("evaluation_indicators_weight_check", sql`${t.weight} > 0`)],
);

export const evaluationGrades = sqliteTable(
  "evaluation_grades",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    templateId: integer("template_id")
      .notNull()
      .references(() => evaluationTemplates.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    factor: real("factor").notNull(),
  },
  (t) => [index("evaluation_grades_template_id_idx").on(t.templateId, t.position), check("evaluation_grades_factor_check", sql`${t.factor} between 0 and 1`)],
);

export const evaluations = sqliteTable(
  "evaluations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    templateId: integer("template_id")
      .notNull()
      .references(() => evaluationTemplates.id, { onDelete: "restrict" }),
    scheduledDate: text("scheduled_date").notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("evaluations_round_id_uq").on(t.roundId),
    index("evaluations_template_id_idx").on(t.templateId),
    index("evaluations_created_by_id_idx").on(t.createdById),
  ],
);

/** One grade per unit and indicator; a re-grade replaces it (the audit row keeps the old one). */
export const evaluationScores = sqliteTable(
  "evaluation_scores",
  {
    evaluationId: integer("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => evaluationIndicators.id, { onDelete: "restrict" }),
    gradeId: integer("grade_id")
      .notNull()
      .references(() => evaluationGrades.id, { onDelete: "restrict" }),
    scoredById: text("scored_by_id").references(() => users.id, { onDelete: "restrict" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "evaluation_scores_pk", columns: [t.evaluationId, t.unitId, t.indicatorId] }),
    index("evaluation_scores_unit_id_idx").on(t.unitId),
    index("evaluation_scores_indicator_id_idx").on(t.indicatorId),
    index("evaluation_scores_grade_id_idx").on(t.gradeId),
    index("evaluation_scores_scored_by_id_idx").on(t.scoredById),
  ],
);

/** 红牌: a measure judged 敷衍 or 虚假整改, once per evaluation; giving it reopened the measure. */
export const evaluationRedCards = sqliteTable(
  "evaluation_red_cards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    evaluationId: integer("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: RED_CARD_KINDS }).notNull(),
    reason: text("reason").notNull(),
    issuedById: text("issued_by_id").references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("evaluation_red_cards_evaluation_measure_uq").on(t.evaluationId, t.measureId),
    index("evaluation_red_cards_measure_id_idx").on(t.measureId),
    index("evaluation_red_cards_issued_by_id_idx").on(t.issuedById),
    check("evaluation_red_cards_kind_check", oneOf(t.kind, RED_CARD_KINDS)),
  ],
);

export type EvaluationTemplate = typeof evaluationTemplates.$inferSelect;
export type Evaluation = typeof evaluations.$inferSelect;
