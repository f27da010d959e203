import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

// One place that opens SQLite the way the app needs it: WAL so readers never wait for
// the writer, foreign keys enforced, and a busy timeout so a concurrent writer queues
// instead of surfacing SQLITE_BUSY to a user.
export function openDatabase(file: string): { db: DB; sqlite: Database.Database } {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // SQLite's default page cache is 2 MB; a province database is ~2 GB, and the indexes the
  // lists and dashboards walk on every request should stay in the process, not be re-read.
  sqlite.pragma("cache_size = -65536");
  const db = drizzle(sqlite, { schema });
  // Every write transaction takes the write lock when it begins (BEGIN IMMEDIATE). A
  // deferred one reads first and upgrades later; if another process (the CLI, a second
  // instance) committed in between, SQLite answers SQLITE_BUSY at once, without waiting
  // out busy_timeout, and the user would see an error. An explicit behavior still wins.
  const deferred = db.transaction.bind(db);
  db.transaction = ((run, config) => deferred(run, { behavior: "immediate", ...config })) as DB["transaction"];
  return { db, sqlite };
}

/** Anything queries can run on: the client itself or an open transaction. */
export type Queryable = DB | Tx;

/**
 * A read-only connection of its own, for long reads that must see one moment of the
 * database (an archive package) while the server's connection goes on writing: in WAL
 * mode a read transaction on it keeps its snapshot however long it stays open.
 */
export function openReader(file: string): { db: DB; sqlite: Database.Database } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return { db: drizzle(sqlite, { schema }) as DB, sqlite };
}
