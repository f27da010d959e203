import { integer } from "drizzle-orm/sqlite-core";

// Timestamps are stored as integer milliseconds (STYLE.md); calendar dates such as a
// deadline are ISO "YYYY-MM-DD" text, because a deadline is a day, not an instant.
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());
