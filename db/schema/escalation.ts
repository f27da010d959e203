import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ESCALATION_REACHES, ESCALATION_STEPS, NOTICE_DRAFT_STATES, UNIT_HEAD_POSTS } from "@/lib/domain";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { measures } from "./plan";
import { rounds } from "./rounds";
import { supervisionNotices } from "./supervision";
import { units } from "./units";

// 预警升级 (issue 16 item 4): who a late measure climbs to, when, and what it left behind.
// The rule is lib/escalation.ts; the daily reminder job writes these rows.

// A round's thresholds, in their own table: a round the office never configured has no row
// and climbs lib/escalation.ts's defaults (20 / 10 / 0 / 30), and CHECKed columns added to
// `rounds` would have drizzle-kit rebuild that table, with its plan hanging off it.
export const escalationThresholds = sqliteTable(
  "escalation_thresholds",
  {
    roundId: integer("round_id")
      .primaryKey()
      .references(() => rounds.id, { onDelete: "cascade" }),
    liaisonDays: integer("liaison_days").notNull(),
    deputyDays: integer("deputy_days").notNull(),
    principalDays: integer("principal_days").notNull(),
    leadLeaderOverdueDays: integer("lead_leader_overdue_days").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("escalation_thresholds_order_check", sql`${t.liaisonDays} <= 365 and ${t.liaisonDays} >= ${t.deputyDays} and ${t.deputyDays} >= ${t.principalDays} and ${t.principalDays} >= 0`),
    check("escalation_thresholds_overdue_check", sql`${t.leadLeaderOverdueDays} between 1 and 365`),
  ],
);

// 主要负责人 and 分管领导 of a unit: an account of the unit, or a contact (name, phone) for a
// head who has none. Exactly one of the two, said by the check.
export const unitHeads = sqliteTable(
  "unit_heads",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    post: text("post", { enum: UNIT_HEAD_POSTS }).notNull(),
    // Accounts are disabled, never deleted; should one be, the head is simply unrecorded.
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    name: text("name"),
    phone: text("phone"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "unit_heads_pk", columns: [t.unitId, t.post] }),
    index("unit_heads_user_id_idx").on(t.userId),
    check("unit_heads_post_check", oneOf(t.post, UNIT_HEAD_POSTS)),
    check("unit_heads_account_or_contact_check", sql`(${t.userId} is not null and ${t.name} is null and ${t.phone} is null) or (${t.userId} is null and length(${t.name}) > 0)`),
  ],
);

// A step a measure reached, once per measure, deadline and step: the unique index is what
// makes the job idempotent, and a moved deadline starts the ladder afresh.
export const escalationSteps = sqliteTable(
  "escalation_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    deadline: text("deadline").notNull(),
    step: text("step", { enum: ESCALATION_STEPS }).notNull(),
    // The job's "today", and how far the deadline was then (negative: days late).
    reachedOn: text("reached_on").notNull(),
    daysLeft: integer("days_left").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("escalation_steps_measure_deadline_step_uq").on(t.measureId, t.deadline, t.step),
    index("escalation_steps_reached_on_idx").on(t.reachedOn),
    check("escalation_steps_step_check", oneOf(t.step, ESCALATION_STEPS)),
  ],
);

// Whom a step reached, rung by rung, as it stood that day (names are copied: a head replaced
// later does not rewrite who was told).
export const escalationRecipients = sqliteTable(
  "escalation_recipients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stepId: integer("step_id")
      .notNull()
      .references(() => escalationSteps.id, { onDelete: "cascade" }),
    rung: text("rung", { enum: ESCALATION_STEPS }).notNull(),
    reach: text("reach", { enum: ESCALATION_REACHES }).notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull().default(""),
    phone: text("phone"),
  },
  (t) => [
    index("escalation_recipients_step_id_idx").on(t.stepId),
    index("escalation_recipients_user_id_idx").on(t.userId),
    check("escalation_recipients_rung_check", oneOf(t.rung, ESCALATION_STEPS)),
    check("escalation_recipients_reach_check", oneOf(t.reach, ESCALATION_REACHES)),
  ],
);

// A 督办单 the ladder drafted for the office: one pending draft per round and unit collects
// that unit's measures as each reaches the 牵头领导 step, until the office issues it (it
// then becomes a real notice, numbered as any other) or sets it aside.
export const noticeDrafts = sqliteTable(
  "notice_drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    state: text("state", { enum: NOTICE_DRAFT_STATES }).notNull().default("pending"),
    noticeId: integer("notice_id").references(() => supervisionNotices.id, { onDelete: "set null" }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "restrict" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("notice_drafts_pending_uq").on(t.roundId, t.unitId).where(sql`${t.state} = 'pending'`),
    index("notice_drafts_state_idx").on(t.state),
    index("notice_drafts_unit_id_idx").on(t.unitId),
    index("notice_drafts_notice_id_idx").on(t.noticeId),
    index("notice_drafts_decided_by_id_idx").on(t.decidedById),
    check("notice_drafts_state_check", oneOf(t.state, NOTICE_DRAFT_STATES)),
  ],
);

export const noticeDraftMeasures = sqliteTable(
  "notice_draft_measures",
  {
    draftId: integer("draft_id")
      .notNull()
      .references(() => noticeDrafts.id, { onDelete: "cascade" }),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "notice_draft_measures_pk", columns: [t.draftId, t.measureId] }),
    index("notice_draft_measures_measure_id_idx").on(t.measureId),
  ],
);

export type EscalationStepRow = typeof escalationSteps.$inferSelect;
export type NoticeDraft = typeof noticeDrafts.$inferSelect;
export type UnitHeadRow = typeof unitHeads.$inferSelect;
