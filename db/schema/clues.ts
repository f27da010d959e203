import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CLUE_HANDLERS, CLUE_KINDS, CLUE_STAGES, CLUE_TIME_LIMITS } from "@/lib/domain";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";
import { rounds } from "./rounds";
import { units } from "./units";

// 巡视移交信访件、问题线索: what the inspection team handed over for handling, per round, with
// its time limit, its stage and the people its handling dealt with. Sensitive: only the
// register's keepers read rows (lib/permissions.ts "clue.manage"); the 通报 and leaders get
// counts. The due date is stored, computed once from receipt and time limit
// (lib/clues.ts), so the reminder job and lists compare dates without recomputing.
export const clues = sqliteTable(
  "clues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CLUE_KINDS }).notNull(),
    /** The team's number for the item (e.g. 省巡移〔2026〕3号). */
    number: text("number").notNull(),
    title: text("title").notNull(),
    handler: text("handler", { enum: CLUE_HANDLERS }).notNull(),
    /** The unit handling it, when the handler is a unit. */
    handlerUnitId: integer("handler_unit_id").references(() => units.id, { onDelete: "restrict" }),
    receivedDate: text("received_date").notNull(),
    timeLimit: text("time_limit", { enum: CLUE_TIME_LIMITS }).notNull(),
    dueDate: text("due_date").notNull(),
    stage: text("stage", { enum: CLUE_STAGES }).notNull().default("registered"),
    peopleHandled: integer("people_handled").notNull().default(0),
    disciplined: integer("disciplined").notNull().default(0),
    organizational: integer("organizational").notNull().default(0),
    prosecuted: integer("prosecuted").notNull().default(0),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("clues_round_number_uq").on(t.roundId, t.number),
    index("clues_round_id_idx").on(t.roundId, t.stage),
    // The reminder job's scan: open items past their due date.
    index("clues_due_date_idx").on(t.dueDate),
    index("clues_handler_unit_id_idx").on(t.handlerUnitId),
    index("clues_created_by_id_idx").on(t.createdById),
    check("clues_kind_check", oneOf(t.kind, CLUE_KINDS)),
    check("clues_handler_check", oneOf(t.handler, CLUE_HANDLERS)),
    check("clues_time_limit_check", oneOf(t.timeLimit, CLUE_TIME_LIMITS)),
    check("clues_stage_check", oneOf(t.stage, CLUE_STAGES)),
    check("clues_handler_unit_check", sql`(${t.handler} = 'unit') = (${t.handlerUnitId} is not null)`),
    check(
      "clues_counts_check",
      sql`${t.disciplined} between 0 and ${t.peopleHandled} and ${t.organizational} between 0 and ${t.peopleHandled} and ${t.prosecuted} between 0 and ${t.peopleHandled}`,
    ),
  ],
);

export type Clue = typeof clues.$inferSelect;

// Each stage change of an item, with its date and note: the item's history.
export const clueStageChanges = sqliteTable(
  "clue_stage_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    clueId: integer("clue_id")
      .notNull()
      .references(() => clues.id, { onDelete: "cascade" }),
    /** Null for the registration itself. */
    fromStage: text("from_stage", { enum: CLUE_STAGES }),
    toStage: text("to_stage", { enum: CLUE_STAGES }).notNull(),
    changeDate: text("change_date").notNull(),
    note: text("note").notNull().default(""),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("clue_stage_changes_clue_id_idx").on(t.clueId, t.createdAt),
    index("clue_stage_changes_actor_id_idx").on(t.actorId),
    check("clue_stage_changes_from_check", oneOf(t.fromStage, CLUE_STAGES)),
    check("clue_stage_changes_to_check", oneOf(t.toStage, CLUE_STAGES)),
  ],
);

export type ClueStageChange = typeof clueStageChanges.$inferSelect;
