import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databasePath } from "@/lib/config";
import { openDatabase, type DB } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function applyMigrations(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

// `npm run db:migrate`; also run before `npm start` and by the server at boot.
if (process.argv[1] && /db[\\/]migrate\.ts$/.test(process.argv[1])) {
  const file = databasePath();
  const { db, sqlite } = openDatabase(file);
  applyMigrations(db);
  sqlite.close();
  console.log(`数据库已迁移:${file}`);
}
