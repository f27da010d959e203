import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/testing/test-db";
import type { DB } from "./client";
import { applyMigrations, migrationState } from "./migrate";
import journal from "./migrations/meta/_journal.json";

let db: DB;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = createTestDb());
});
afterEach(() => cleanup());

describe("migration state (health check and start-up refusal)", () => {
  it("is current once every shipped migration is applied", () => {
    expect(migrationState(db.$client)).toEqual({
      known: journal.entries.length,
      applied: journal.entries.length,
      pending: 0,
      newer: false,
    });
  });

  it("counts shipped migrations a database has not had yet as pending", () => {
    const last = journal.entries.at(-1)!.when;
    db.$client.prepare("delete from __drizzle_migrations where created_at = ?").run(last);
    expect(migrationState(db.$client)).toMatchObject({ pending: 1, newer: false });
  });

  it("recognises a database migrated by a newer program, and refuses to use it", () => {
    const future = journal.entries.at(-1)!.when + 86_400_000;
    db.$client.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(future);
    expect(migrationState(db.$client).newer).toBe(true);
    expect(() => applyMigrations(db)).toThrow(/数据库来自更新版本的整改通/);
  });
});
