import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "./client";
import { applyMigrations, MIGRATIONS_FOLDER } from "./migrate";

// The template-editing migration on a database that already holds the standard indicator set
// (stored by its first evaluation): that template becomes the built-in one and keeps its rows.
// Found by name, so renumbering at merge keeps the test.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-migrations-"));
  dirs.push(dir);
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

it("marks the one stored template as the built-in standard set and gives its indicators an empty 评分要点", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-templates-"));
  dirs.push(dir);
  const { db, sqlite } = openDatabase(path.join(dir, "old.db"));
  migrate(db, { migrationsFolder: migrationsBefore("_add_evaluation_template_editing") });
  const now = Date.now();
  sqlite.prepare("insert into evaluation_templates (id, name, months_after_feedback, created_at, updated_at) values (3, '巡察整改成效评估指标体系(标准)', 6, ?, ?)").run(now, now);
  sqlite.prepare("insert into evaluation_indicators (template_id, position, area, name, weight) values (3, 1, '整改责任落实', '主体责任落实', 100)").run();

  applyMigrations(db);

  expect(sqlite.prepare("select id, built_in from evaluation_templates").all()).toEqual([{ id: 3, built_in: 1 }]);
  expect(sqlite.prepare("select name, description from evaluation_indicators").all()).toEqual([{ name: "主体责任落实", description: "" }]);
  // A second built-in one, or a second template of the same name, is refused by the database.
  expect(() => sqlite.prepare("insert into evaluation_templates (name, built_in, created_at, updated_at) values ('另一个', 1, ?, ?)").run(now, now)).toThrow(/UNIQUE/);
  expect(() => sqlite.prepare("insert into evaluation_templates (name, created_at, updated_at) values ('巡察整改成效评估指标体系(标准)', ?, ?)").run(now, now)).toThrow(/UNIQUE/);
  sqlite.close();
});
