import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "@/db/client";
import { applyMigrations } from "@/db/migrate";

/** A fresh SQLite file, migrated for real, removed when the test calls `cleanup`. */
export function createTestDb(): { db: DB; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-test-"));
  const file = path.join(dir, "test.db");
  const { db, sqlite } = openDatabase(file);
  applyMigrations(db);
  return {
    db,
    file,
    cleanup: () => {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
