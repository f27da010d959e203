import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { COMMENT_TARGETS, SUBMISSION_KINDS, SUBMISSION_STATES } from "@/lib/domain";
import { users } from "./auth";
import { createdAt } from "./columns";
import { oneOf } from "./enum-check";
import { rounds } from "./rounds";

// The chain above the office: the superior inspection office's reviewers, what the office
// submits to them (each submission a frozen version), and their comments.

/** Which rounds a reviewer (上级督导) may see: nothing else. */
export const roundReviewers = sqliteTable(
  "round_reviewers",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index("round_reviewers_user_id_idx").on(t.userId)],
);

/**
 * One version of a round's plan (or report) as the office submitted it: its content is
 * copied, so that any two versions can be compared after the plan has changed again.
 */
export const submissions = sqliteTable(
  "submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SUBMISSION_KINDS }).notNull(),
    /** 1, 2, 3… per round and kind. */
    version: integer("version").notNull(),
    state: text("state", { enum: SUBMISSION_STATES }).notNull().default("pending"),
    /** JSON: the submitted content (for a plan, its outline; see lib/plan-version.ts). */
    content: text("content", { mode: "json" }).notNull(),
    note: text("note").notNull().default(""),
    submittedById: text("submitted_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decisionNote: text("decision_note"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("submissions_round_kind_version_uq").on(t.roundId, t.kind, t.version),
    index("submissions_submitted_by_id_idx").on(t.submittedById),
    index("submissions_decided_by_id_idx").on(t.decidedById),
    // At most one submission of a kind awaits a decision at a time.
    uniqueIndex("submissions_one_pending_uq").on(t.roundId, t.kind).where(sql`${t.state} = 'pending'`),
    check("submissions_kind_check", oneOf(t.kind, SUBMISSION_KINDS)),
    check("submissions_state_check", oneOf(t.state, SUBMISSION_STATES)),
  ],
);

/** A reviewer's comment, or a reply to one (thread), on the plan, a problem or a measure. */
export const reviewComments = sqliteTable(
  "review_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    /** The version under review when the comment was made. */
    submissionId: integer("submission_id").references(() => submissions.id, { onDelete: "set null" }),
    /** The thread's first comment; null on the first comment itself. */
    threadId: integer("thread_id").references((): AnySQLiteColumn => reviewComments.id, { onDelete: "cascade" }),
    target: text("target", { enum: COMMENT_TARGETS }).notNull().default("plan"),
    /** The problem's or measure's id (no foreign key: the comment outlives a deleted item). */
    targetId: integer("target_id"),
    /** What the item was called when commented on, e.g. "问题 3:…", kept if it is deleted. */
    targetLabel: text("target_label").notNull().default(""),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedById: text("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("review_comments_round_id_idx").on(t.roundId, t.createdAt),
    index("review_comments_thread_id_idx").on(t.threadId),
    index("review_comments_submission_id_idx").on(t.submissionId),
    index("review_comments_author_id_idx").on(t.authorId),
    index("review_comments_resolved_by_id_idx").on(t.resolvedById),
    check("review_comments_target_check", oneOf(t.target, COMMENT_TARGETS)),
  ],
);

export type Submission = typeof submissions.$inferSelect;
export type ReviewComment = typeof reviewComments.$inferSelect;
