import { sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

// Text enums are checked by the database too (STYLE.md rule 4), so a bad value written by
// a script or a future bug fails loudly instead of silently corrupting the ledger.
export function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  const list = sql.join(
    values.map((v) => sql.raw(`'${v.replace(/'/g, "''")}'`)),
    sql.raw(", "),
  );
  return sql`${column} in (${list})`;
}
