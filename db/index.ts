import "server-only";
import { databasePath } from "@/lib/config";
import { openDatabase, type DB } from "./client";
import { applyMigrations } from "./migrate";

// One client per server process. Kept on globalThis so that dev-mode hot reloads do not
// open a new connection on every edit.
const globalForDb = globalThis as unknown as { rectifyDb?: DB };

function createDb(): DB {
  const { db } = openDatabase(databasePath());
  applyMigrations(db);
  return db;
}

export const db: DB = globalForDb.rectifyDb ?? createDb();
globalForDb.rectifyDb = db;
