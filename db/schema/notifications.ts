import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt } from "./columns";

// In-app notifications. dedupe_key makes the daily reminder job idempotent:
// the same reminder for the same user and day is inserted at most once.
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    dedupeKey: text("dedupe_key").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_key_uq").on(t.dedupeKey),
    index("notifications_user_id_read_at_idx").on(t.userId, t.readAt),
  ],
);

export type Notification = typeof notifications.$inferSelect;
