import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { check } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { problems, aspects } from "./plan";
import { rounds } from "./rounds";
import { units } from "./units";

// 共性问题: problems of different rounds or units that the office treats as one, handed to a
// functional department for 专项治理. The 专项治理 itself is an ordinary round (kind
// 专项检查) with one aspect and one problem, so its measures go through the existing workflow:
// the lead units report in 我的任务, the office signs off, the dashboard and reminders count
// them. This row ties that round to the problems it answers.
export const commonProblems = sqliteTable(
  "common_problems",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** The functional department leading the 专项治理. */
    leadUnitId: integer("lead_unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    deadline: text("deadline").notNull(),
    /** The 专项治理 round and its one problem, whose status is the common problem's. */
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    aspectId: integer("aspect_id")
      .notNull()
      .references(() => aspects.id, { onDelete: "cascade" }),
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("common_problems_round_id_uq").on(t.roundId),
    index("common_problems_lead_unit_id_idx").on(t.leadUnitId),
    index("common_problems_aspect_id_idx").on(t.aspectId),
    index("common_problems_problem_id_idx").on(t.problemId),
    index("common_problems_created_by_id_idx").on(t.createdById),
    check("common_problems_deadline_check", sql`${t.deadline} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
  ],
);

/** The problems (of any rounds) a common problem groups. */
export const commonProblemMembers = sqliteTable(
  "common_problem_members",
  {
    commonProblemId: integer("common_problem_id")
      .notNull()
      .references(() => commonProblems.id, { onDelete: "cascade" }),
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "common_problem_members_pk", columns: [t.commonProblemId, t.problemId] }),
    index("common_problem_members_problem_id_idx").on(t.problemId),
  ],
);

export type CommonProblem = typeof commonProblems.$inferSelect;
