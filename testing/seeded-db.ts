import type Database from "better-sqlite3";
import type { DB } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { createTestDb } from "@/testing/test-db";

/**
 * A migrated temp database with the Baoan demo seeded as of `today`, plus raw-SQL helpers
 * for checking query results against direct counts.
 */
export async function seededTestDb(today: string) {
  const { db, file, cleanup } = createTestDb();
  await seedDemo(db, today);
  const sqlite = (db as DB & { $client: Database.Database }).$client;
  const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).pluck().get(...params) as T;
  const column = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).pluck().all(...params) as T[];
  return {
    db,
    file,
    sqlite,
    cleanup,
    one,
    column,
    unitIdOf: (name: string) => one<number>("select id from units where name = ?", name),
    roundId: () => one<number>("select id from rounds order by id limit 1"),
  };
}
