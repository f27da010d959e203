import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { createdAt } from "./columns";
import { problems } from "./plan";

// 反弹回潮: the office marks a problem as a repeat of one found in an earlier round. One
// link per problem (the earlier problem it repeats); an earlier problem may recur in several
// later rounds. In its own table, so marking needs no rebuild of problems, which many
// tables reference. Deleting either problem removes the link with it (the deletion itself
// is audited): a link to nothing would be a dead one.
export const problemRecurrences = sqliteTable(
  "problem_recurrences",
  {
    problemId: integer("problem_id")
      .primaryKey()
      .references(() => problems.id, { onDelete: "cascade" }),
    earlierProblemId: integer("earlier_problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    markedById: text("marked_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("problem_recurrences_earlier_problem_id_idx").on(t.earlierProblemId),
    index("problem_recurrences_marked_by_id_idx").on(t.markedById),
    check("problem_recurrences_not_self_check", sql`${t.problemId} <> ${t.earlierProblemId}`),
  ],
);

export type ProblemRecurrence = typeof problemRecurrences.$inferSelect;
