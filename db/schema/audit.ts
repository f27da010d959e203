import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Append-only: triggers in the migration "audit_log_append_only" refuse UPDATE and
// DELETE, so not even a bug or a hand-run script can rewrite history.
// actor_id is not a foreign key on purpose: the log must outlive what it describes.
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_actor_id_idx").on(t.actorId),
    index("audit_log_created_at_idx").on(t.createdAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
