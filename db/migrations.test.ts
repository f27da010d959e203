import type Database from "better-sqlite3";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/testing/test-db";
import type { DB } from "./client";
import { applyMigrations } from "./migrate";
import journal from "./migrations/meta/_journal.json";
import * as schema from "./schema";

let db: DB;
let sqlite: Database.Database;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = createTestDb());
  sqlite = (db as DB & { $client: Database.Database }).$client;
});
afterEach(() => cleanup());

const appTables = () =>
  sqlite
    // The full-text indexes (migration add_full_text_search) are virtual tables and their
    // shadow tables, which drizzle's schema does not declare.
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%\\_fts' escape '\\' and name not like '%\\_fts\\_%' escape '\\'")
    .pluck()
    .all() as string[];

const now = Date.now();
function insertRoundAndProblem() {
  const round = sqlite
    .prepare(
      "insert into rounds (name, kind, inspecting_body, inspected_body, created_at, updated_at) values (?, 'inspection', '省委第二巡视组', '宝安区', ?, ?)",
    )
    .run("省委第二巡视组巡视宝安区反馈意见整改", now, now);
  const problem = sqlite
    .prepare("insert into problems (round_id, number, title, created_at, updated_at) values (?, 1, ?, ?, ?)")
    .run(round.lastInsertRowid, "学习贯彻习近平新时代中国特色社会主义思想不够深入", now, now);
  return { roundId: Number(round.lastInsertRowid), problemId: Number(problem.lastInsertRowid) };
}

function insertMeasure(values: { roundId: number; problemId: number; status?: string; deadline?: string | null }) {
  return sqlite
    .prepare(
      "insert into measures (round_id, problem_id, position, text, status, deadline, created_at, updated_at) values (?, ?, 1, '健全“第一议题”制度', ?, ?, ?, ?)",
    )
    .run(values.roundId, values.problemId, values.status ?? "incomplete", values.deadline ?? null, now, now);
}

describe("migrations", () => {
  it("apply every migration in the journal to an empty database", () => {
    const applied = sqlite.prepare("select count(*) from __drizzle_migrations").pluck().get();
    expect(applied).toBe(journal.entries.length);
  });

  it("are harmless when applied a second time", () => {
    expect(() => applyMigrations(db)).not.toThrow();
    expect(sqlite.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(journal.entries.length);
  });

  it("leave the connection with foreign keys on and WAL journaling", () => {
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("create every table of db/schema", () => {
    const declared = Object.values(schema)
      .filter((value) => is(value, SQLiteTable))
      .map((table) => getTableName(table));
    expect(declared.length).toBeGreaterThan(10);
    expect(appTables().sort()).toEqual(declared.sort());
  });

  it("index every foreign key column", () => {
    const unindexed: string[] = [];
    for (const table of appTables()) {
      const fks = sqlite.pragma(`foreign_key_list(${table})`) as { from: string }[];
      const indexes = sqlite.pragma(`index_list(${table})`) as { name: string }[];
      const leading = indexes.map((i) => (sqlite.pragma(`index_info(${i.name})`) as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name);
      // An INTEGER PRIMARY KEY is the rowid itself (escalation_thresholds.round_id): indexed, listed in no index.
      const columns = sqlite.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[];
      const rowid = columns.filter((c) => c.pk > 0);
      if (rowid.length === 1 && rowid[0]!.type.toUpperCase() === "INTEGER") leading.push(rowid[0]!.name);
      for (const fk of fks) if (!leading.includes(fk.from)) unindexed.push(`${table}.${fk.from}`);
    }
    expect(unindexed).toEqual([]);
  });
});

describe("the database refuses bad data", () => {
  it("keeps the audit log append-only", () => {
    sqlite
      .prepare("insert into audit_log (action, entity, entity_id, created_at) values ('measure.sign_off', 'measure', '12', ?)")
      .run(now);
    expect(() => sqlite.prepare("update audit_log set action = 'measure.return'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
    expect(sqlite.prepare("select action from audit_log").pluck().all()).toEqual(["measure.sign_off"]);
  });

  it("accepts a well-formed measure", () => {
    const ids = insertRoundAndProblem();
    expect(insertMeasure({ ...ids, status: "basically_completed", deadline: "2021-12-31" }).changes).toBe(1);
  });

  it("rejects a status outside 已完成/基本完成/未完成", () => {
    const ids = insertRoundAndProblem();
    expect(() => insertMeasure({ ...ids, status: "done" })).toThrow(/CHECK constraint failed: measures_status_check/);
  });

  it.each(["2021年12月底", "2021-12", "2021/12/31"])("rejects the unparsed deadline %s", (deadline) => {
    const ids = insertRoundAndProblem();
    expect(() => insertMeasure({ ...ids, deadline })).toThrow(/CHECK constraint failed: measures_deadline_check/);
  });

  it("rejects a measure under a problem that does not exist", () => {
    const { roundId } = insertRoundAndProblem();
    expect(() => insertMeasure({ roundId, problemId: 9999 })).toThrow(/FOREIGN KEY constraint failed/);
  });
});
