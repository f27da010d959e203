import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { DB } from "@/db/client";
import * as schema from "@/db/schema";

// The reference for an API figure: exactly the SQL the API runs (captured from the app's own
// query function through drizzle's logger), replayed as prepared statements on
// better-sqlite3, with no HTTP, no framework, no authentication and no object mapping.

export function captureSql(sqlite: Database.Database, run: (db: DB) => unknown): { sql: string; params: unknown[] }[] {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(sqlite, { schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } });
  run(db);
  return captured;
}

/** Times `iterations` replays of the captured statements; returns each replay's ms. */
export function replay(sqlite: Database.Database, statements: { sql: string; params: unknown[] }[], iterations: number): number[] {
  const prepared = statements.map((s) => ({ statement: sqlite.prepare(s.sql), params: s.params }));
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    for (const { statement, params } of prepared) statement.raw().all(...params);
    times.push(performance.now() - started);
  }
  return times;
}
