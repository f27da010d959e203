import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SURVEY_CHOICES, SURVEY_STATES, SURVEY_SUBJECTS } from "@/lib/domain";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { aspects, problems } from "./plan";
import { rounds } from "./rounds";

// 群众满意度测评: one public questionnaire per round, answered without signing in through an
// unguessable link. Nothing here can identify who answered: a response keeps a hash of its
// device's token salted per survey (so one device cannot be followed from survey to
// survey), never an address or a browser's name. The rate limiter's rows keep a salted hash
// of the address for its window only.

export const surveys = sqliteTable(
  "surveys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    /** The public link's secret part: /survey/<token>. */
    token: text("token").notNull(),
    /** Mixed into every device and address hash of this survey only. */
    salt: text("salt").notNull(),
    state: text("state", { enum: SURVEY_STATES }).notNull().default("draft"),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("surveys_round_id_uq").on(t.roundId),
    uniqueIndex("surveys_token_uq").on(t.token),
    index("surveys_created_by_id_idx").on(t.createdById),
    check("surveys_state_check", oneOf(t.state, SURVEY_STATES)),
  ],
);

/**
 * One question: about an aspect or a problem of the round. Its text is kept as shown, so
 * the results still read the same after the plan is edited (the link is then cleared).
 */
export const surveyQuestions = sqliteTable(
  "survey_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    subject: text("subject", { enum: SURVEY_SUBJECTS }).notNull(),
    aspectId: integer("aspect_id").references(() => aspects.id, { onDelete: "set null" }),
    problemId: integer("problem_id").references(() => problems.id, { onDelete: "set null" }),
    text: text("text").notNull(),
  },
  (t) => [
    uniqueIndex("survey_questions_survey_id_position_uq").on(t.surveyId, t.position),
    index("survey_questions_aspect_id_idx").on(t.aspectId),
    index("survey_questions_problem_id_idx").on(t.problemId),
    check("survey_questions_subject_check", oneOf(t.subject, SURVEY_SUBJECTS)),
  ],
);

/** One answered questionnaire: at most one per device (the unique hash). */
export const surveyResponses = sqliteTable(
  "survey_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    deviceHash: text("device_hash").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_responses_survey_id_device_hash_uq").on(t.surveyId, t.deviceHash)],
);

export const surveyAnswers = sqliteTable(
  "survey_answers",
  {
    responseId: integer("response_id")
      .notNull()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: "cascade" }),
    choice: text("choice", { enum: SURVEY_CHOICES }).notNull(),
  },
  (t) => [
    primaryKey({ name: "survey_answers_pk", columns: [t.responseId, t.questionId] }),
    index("survey_answers_question_id_choice_idx").on(t.questionId, t.choice),
    check("survey_answers_choice_check", oneOf(t.choice, SURVEY_CHOICES)),
  ],
);

/**
 * Submissions counted by the rate limiter (lib/security/survey-limit.ts): a salted hash of
 * the client's address per survey, dropped once out of the window.
 */
export const surveyAttempts = sqliteTable(
  "survey_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    addressHash: text("address_hash").notNull(),
    attemptedAt: integer("attempted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("survey_attempts_survey_id_address_hash_attempted_at_idx").on(t.surveyId, t.addressHash, t.attemptedAt),
    index("survey_attempts_attempted_at_idx").on(t.attemptedAt),
  ],
);

/**
 * 纸质问卷: offices hand paper forms out at 街道 and 社区 and count them by hand, so a batch is
 * a tally — how many forms, and per question how many chose each answer — never a form.
 * A question's counts may fall short of the forms (the rest left it blank: 未作答); the
 * office's service (db/queries/survey-paper.ts) refuses more. The batch stays open for
 * entry after the online survey closes: forms arrive late.
 */
export const surveyPaperBatches = sqliteTable(
  "survey_paper_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    /** "新安街道 第1批": how the office finds the pile of paper again. */
    label: text("label").notNull(),
    /** The day the forms were collected, "YYYY-MM-DD". */
    collectedOn: text("collected_on").notNull(),
    /** 份数: the forms in the batch, blank ones included. */
    forms: integer("forms").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("survey_paper_batches_survey_id_label_uq").on(t.surveyId, t.label),
    index("survey_paper_batches_created_by_id_idx").on(t.createdById),
    check("survey_paper_batches_forms_check", sql`${t.forms} > 0`),
  ],
);

/** A batch's tally: how many of its forms chose `choice` on one question (zeros not stored). */
export const surveyPaperCounts = sqliteTable(
  "survey_paper_counts",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => surveyPaperBatches.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: "cascade" }),
    choice: text("choice", { enum: SURVEY_CHOICES }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ name: "survey_paper_counts_pk", columns: [t.batchId, t.questionId, t.choice] }),
    index("survey_paper_counts_question_id_choice_idx").on(t.questionId, t.choice),
    check("survey_paper_counts_choice_check", oneOf(t.choice, SURVEY_CHOICES)),
    check("survey_paper_counts_count_check", sql`${t.count} > 0`),
  ],
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyPaperBatch = typeof surveyPaperBatches.$inferSelect;
export type SurveyQuestion = typeof surveyQuestions.$inferSelect;
