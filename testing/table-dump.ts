import type Database from "better-sqlite3";
import { expect } from "vitest";

/**
 * Every row of every table but `except`, as text: equal before and after a refused write
 * when it changed nothing (a counter a refusal still bumps, e.g. a rate limiter's, goes in `except`).
 */
export function dumpTables(sqlite: Database.Database, except: readonly string[] = []): string {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
  return tables
    .filter((name) => !except.includes(name))
    .map((name) => `${name}:${JSON.stringify(sqlite.prepare(`select * from "${name}"`).raw().all())}`)
    .join("\n");
}

/** `write` throws `error` and leaves every row as it was. */
export function expectRefusedUnchanged(sqlite: Database.Database, write: () => unknown, error: RegExp, except: readonly string[] = []): void {
  const before = dumpTables(sqlite, except);
  expect(write).toThrow(error);
  expect(dumpTables(sqlite, except)).toBe(before);
}
