import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databasePath } from "@/lib/config";
import { openDatabase, type DB } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export interface MigrationState {
  /** Migrations this program ships. */
  known: number;
  /** Migrations recorded in the database. */
  applied: number;
  /** Shipped migrations the database has not had yet (applied at start). */
  pending: number;
  /** The database was migrated by a newer program than this one. */
  newer: boolean;
}

let shipped: number[] | undefined;

/** The timestamps of the migrations this program ships; read once, the health check asks often. */
function shippedMigrations(): number[] {
  shipped ??= (
    JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] }
  ).entries.map((entry) => entry.when);
  return shipped;
}

/** Where the database stands against the migrations this program ships (drizzle's own table). */
export function migrationState(sqlite: Database.Database): MigrationState {
  const known = shippedMigrations();
  const hasTable = sqlite
    .prepare("select count(*) from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .pluck()
    .get();
  const recorded = hasTable
    ? (sqlite.prepare("select created_at from __drizzle_migrations").pluck().all() as unknown[]).map(Number)
    : [];
  const last = Math.max(0, ...recorded);
  return {
    known: known.length,
    applied: recorded.length,
    pending: known.filter((when) => when > last).length,
    newer: recorded.some((when) => !known.includes(when)),
  };
}

/**
 * Brings the database up to this program's schema. A database that a newer version has
 * migrated is refused rather than used: an older program would misread its tables.
 */
export function applyMigrations(db: DB): void {
  const state = migrationState(db.$client);
  if (state.newer) {
    throw new Error(
      `数据库来自更新版本的整改通(已执行 ${state.applied} 个迁移,本程序只认识 ${state.known} 个),` +
        "请升级程序后再启动,或从与本版本匹配的备份恢复",
    );
  }
  // drizzle-kit changes a constraint by rebuilding the table (create a copy, move the rows,
  // drop the old one, rename) and writes PRAGMA foreign_keys=OFF around it; but the migrator
  // runs inside a transaction, where that pragma is ignored, and dropping a table that other
  // rows reference would then cascade-delete them or be refused. So foreign keys are off
  // for the migrations (SQLite's own procedure for schema changes) and checked, whole, after.
  if (state.pending === 0) return;
  db.$client.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const broken = db.$client.pragma("foreign_key_check") as { table: string }[];
    if (broken.length > 0) {
      throw new Error(`数据库迁移后有 ${broken.length} 行引用了不存在的记录(${[...new Set(broken.map((b) => b.table))].join("、")}),请从备份恢复后联系维护人员`);
    }
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
}

// `npm run db:migrate`; also run before `npm start` and by the server at boot.
if (process.argv[1] && /db[\\/]migrate\.ts$/.test(process.argv[1])) {
  const file = databasePath();
  const { db, sqlite } = openDatabase(file);
  applyMigrations(db);
  sqlite.close();
  console.log(`数据库已迁移:${file}`);
}
