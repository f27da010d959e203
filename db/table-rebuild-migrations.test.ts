import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "./client";
import { applyMigrations, MIGRATIONS_FOLDER } from "./migrate";

// Migrations that rebuild a table others refer to. 0008 rebuilds progress_reports inside drizzle's migration transaction. A careless rebuild
// would cascade-delete evidence and null the institutions' links; this replays it on a
// database that has both, migrated to 0007 first exactly as an existing deployment is.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the migrations folder that stops after the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-migrations-"));
  dirs.push(dir);
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

it("0008 keeps every progress report, its evidence and the institutions that cite it", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-0008-"));
  dirs.push(dir);
  const { db, sqlite } = openDatabase(path.join(dir, "old.db"));
  migrate(db, { migrationsFolder: migrationsUpTo(8) });
  const now = Date.now();
  const run = (statement: string, ...values: unknown[]) => sqlite.prepare(statement).run(...values);
  run("insert into units (name, kind, created_at, updated_at) values ('区教育局', 'government', ?, ?)", now, now);
  run(
    "insert into users (id, name, email, username, role, unit_id, created_at, updated_at) values ('u1', '张三', 'u1@x', 'jiaoyu', 'unit', 1, ?, ?)",
    now,
    now,
  );
  run("insert into rounds (id, name, kind, inspecting_body, inspected_body, created_at, updated_at) values (1, '第一轮', 'inspection', '省委巡视组', '宝安区', ?, ?)", now, now);
  run("insert into problems (id, round_id, number, title, created_at, updated_at) values (1, 1, 1, '问题', ?, ?)", now, now);
  run("insert into measures (id, round_id, problem_id, position, text, created_at, updated_at) values (1, 1, 1, 1, '措施', ?, ?)", now, now);
  run(
    "insert into progress_reports (id, measure_id, unit_id, author_id, report_date, text, claimed_status, created_at) values (7, 1, 1, 'u1', '2026-12-01', '已建立台账', 'completed', ?)",
    now,
  );
  run("insert into evidence_files (progress_report_id, file_name, mime_type, size, sha256, stored_path, created_at) values (7, '台账.pdf', 'application/pdf', 3, 'abc', 'ab/abc', ?)", now);
  run("insert into institutions (round_id, progress_report_id, title, created_at) values (1, 7, '管理办法', ?)", now);

  applyMigrations(db);

  expect(sqlite.prepare("select id, author_id from progress_reports").all()).toEqual([{ id: 7, author_id: "u1" }]);
  expect(sqlite.prepare("select progress_report_id from evidence_files").pluck().all()).toEqual([7]);
  expect(sqlite.prepare("select progress_report_id from institutions").pluck().all()).toEqual([7]);
  expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  // Nothing of the rebuild is left behind.
  const schemaSql = sqlite.prepare("select group_concat(sql, ';') from sqlite_master").pluck().get() as string;
  expect(schemaSql).not.toMatch(/__new_|kept_0008/);
  // And the column is now optional, while its checks still hold.
  run("insert into progress_reports (measure_id, unit_id, report_date, text, claimed_status, created_at) values (1, 1, '2026-12-02', '命令行导入', 'incomplete', ?)", now);
  expect(() =>
    run("insert into progress_reports (measure_id, unit_id, report_date, text, claimed_status, created_at) values (1, 1, '2026-12-02', 'x', 'done', ?)", now),
  ).toThrow(/CHECK/);
  // Deleting a report still cascades to its evidence: the foreign key points at the new table.
  run("delete from progress_reports where id = 7");
  expect(sqlite.prepare("select count(*) from evidence_files").pluck().get()).toBe(0);
  sqlite.close();
});

it("0010 rebuilds users for the reviewer role and keeps everything that refers to a user", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-0010-"));
  dirs.push(dir);
  const { db, sqlite } = openDatabase(path.join(dir, "old.db"));
  migrate(db, { migrationsFolder: migrationsUpTo(10) });
  const now = Date.now();
  const run = (statement: string, ...values: unknown[]) => sqlite.prepare(statement).run(...values);
  run("insert into units (name, kind, created_at, updated_at) values ('区教育局', 'government', ?, ?)", now, now);
  run("insert into users (id, name, email, username, role, unit_id, created_at, updated_at) values ('u1', '张三', 'u1@x', 'jiaoyu', 'unit', 1, ?, ?)", now, now);
  run("insert into sessions (id, expires_at, token, created_at, updated_at, user_id) values ('s1', ?, 't1', ?, ?, 'u1')", now + 60_000, now, now);
  run("insert into rounds (id, name, kind, inspecting_body, inspected_body, created_at, updated_at) values (1, '第一轮', 'inspection', '省委巡视组', '宝安区', ?, ?)", now, now);
  run("insert into problems (id, round_id, number, title, created_at, updated_at) values (1, 1, 1, '问题', ?, ?)", now, now);
  run("insert into measures (id, round_id, problem_id, position, text, created_at, updated_at) values (1, 1, 1, 1, '措施', ?, ?)", now, now);
  // A restrict reference (the author) and an append-only audit row naming the user.
  run("insert into progress_reports (id, measure_id, unit_id, author_id, report_date, text, claimed_status, created_at) values (7, 1, 1, 'u1', '2026-12-01', '已建立台账', 'completed', ?)", now);
  run("insert into audit_log (actor_id, action, entity, entity_id, created_at) values ('u1', 'progress.create', 'progress_report', '7', ?)", now);

  applyMigrations(db);

  expect(sqlite.prepare("select id, role from users").all()).toEqual([{ id: "u1", role: "unit" }]);
  expect(sqlite.prepare("select user_id from sessions").pluck().all()).toEqual(["u1"]);
  expect(sqlite.prepare("select author_id from progress_reports").pluck().all()).toEqual(["u1"]);
  expect(sqlite.prepare("select actor_id from audit_log").pluck().all()).toEqual(["u1"]);
  expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  // The new role is accepted, an unknown one still refused.
  run("insert into users (id, name, email, username, role, unit_id, created_at, updated_at) values ('r1', '督导', 'r1@x', 'ducha', 'reviewer', 1, ?, ?)", now, now);
  expect(() => run("insert into users (id, name, email, username, role, unit_id, created_at, updated_at) values ('x', 'x', 'x@x', 'x', 'boss', 1, ?, ?)", now, now)).toThrow(/CHECK/);
  // Deleting the user still cascades to its sessions: the key points at the new table.
  run("delete from sessions where user_id = 'u1'");
  run("insert into sessions (id, expires_at, token, created_at, updated_at, user_id) values ('s2', ?, 't2', ?, ?, 'r1')", now + 60_000, now, now);
  run("delete from users where id = 'r1'");
  expect(sqlite.prepare("select count(*) from sessions").pluck().get()).toBe(0);
  sqlite.close();
});

it("the clue register's migration rebuilds users for the discipline role and keeps everything that refers to a user", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-clues-"));
  dirs.push(dir);
  // Found by its name: migrations merged in parallel may change its number.
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const before = journal.entries.findIndex((e) => e.tag.endsWith("_add_clue_register"));
  expect(before).toBeGreaterThan(0);
  const { db, sqlite } = openDatabase(path.join(dir, "old.db"));
  migrate(db, { migrationsFolder: migrationsUpTo(before) });
  const now = Date.now();
  const run = (statement: string, ...values: unknown[]) => sqlite.prepare(statement).run(...values);
  run("insert into units (name, kind, created_at, updated_at) values ('区纪委监委', 'party', ?, ?)", now, now);
  run("insert into users (id, name, email, username, role, unit_id, created_at, updated_at) values ('u1', '陈整改', 'u1@x', 'office', 'office', 1, ?, ?)", now, now);
  run("insert into sessions (id, expires_at, token, created_at, updated_at, user_id) values ('s1', ?, 't1', ?, ?, 'u1')", now + 60_000, now, now);
  run("insert into audit_log (actor_id, action, entity, entity_id, created_at) values ('u1', 'user.sign_in', 'user', 'u1', ?)", now);

  applyMigrations(db);

  expect(sqlite.prepare("select id, role from users").all()).toEqual([{ id: "u1", role: "office" }]);
  expect(sqlite.prepare("select user_id from sessions").pluck().all()).toEqual(["u1"]);
  expect(sqlite.prepare("select actor_id from audit_log").pluck().all()).toEqual(["u1"]);
  expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  run("insert into users (id, name, email, username, role, unit_id, created_at, updated_at) values ('d1', '周纪检', 'd1@x', 'jijian', 'discipline', 1, ?, ?)", now, now);
  expect(() => run("insert into users (id, name, email, username, role, unit_id, created_at, updated_at) values ('x', 'x', 'x@x', 'x', 'boss', 1, ?, ?)", now, now)).toThrow(/CHECK/);
  run("delete from sessions where user_id = 'u1'");
  run("insert into sessions (id, expires_at, token, created_at, updated_at, user_id) values ('s2', ?, 't2', ?, ?, 'd1')", now + 60_000, now, now);
  run("delete from users where id = 'd1'");
  expect(sqlite.prepare("select count(*) from sessions").pluck().get()).toBe(0);
  sqlite.close();
});
