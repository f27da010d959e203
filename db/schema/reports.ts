import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt, updatedAt } from "./columns";
import { rounds } from "./rounds";

// The office's draft of a round's public progress report (整改进展情况通报): only the
// free-text parts are stored; every number is computed from the ledger at generation time.
export const reportDrafts = sqliteTable(
  "report_drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    /** JSON: the editable texts (opening, per-problem 情况说明 / 下一步措施, closing). */
    texts: text("texts", { mode: "json" }).notNull(),
    updatedById: text("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("report_drafts_round_id_uq").on(t.roundId), index("report_drafts_updated_by_id_idx").on(t.updatedById)],
);

// A ledger frozen at a date (e.g. for a report to the inspecting body): its figures and rows
// are copied, so later changes to the plan do not alter it.
export const ledgerSnapshots = sqliteTable(
  "ledger_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    asOf: text("as_of").notNull(),
    label: text("label").notNull().default(""),
    /** JSON: the summary figures at the time (same shape as the summary API). */
    figures: text("figures", { mode: "json" }).notNull(),
    /** JSON: the ledger rows at the time, in plan order. */
    rows: text("rows", { mode: "json" }).notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("ledger_snapshots_round_id_idx").on(t.roundId, t.asOf), index("ledger_snapshots_created_by_id_idx").on(t.createdById)],
);

export type ReportDraft = typeof reportDrafts.$inferSelect;
export type LedgerSnapshot = typeof ledgerSnapshots.$inferSelect;
