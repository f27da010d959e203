import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * A column always written as "table"."column". Drizzle leaves columns unqualified in a
 * query without joins, and inside a correlated sub-select an unqualified "id" silently
 * binds to the sub-select's own table. Every outer column referenced from a sub-select
 * goes through here.
 */
export function outer(column: AnySQLiteColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
