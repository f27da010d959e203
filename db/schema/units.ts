import {
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { UNIT_KINDS } from "@/lib/domain";
import { createdAt, updatedAt } from "./columns";
import { oneOf } from "./enum-check";

// 单位: a tree. A unit user sees their own unit and everything below it.
export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull().default("other"),
    parentId: integer("parent_id").references((): AnySQLiteColumn => units.id, {
      onDelete: "restrict",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("units_name_uq").on(t.name),
    index("units_parent_id_idx").on(t.parentId),
    check("units_kind_check", oneOf(t.kind, UNIT_KINDS)),
  ],
);

export type Unit = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;

