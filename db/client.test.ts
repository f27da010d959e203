import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/testing/test-db";
import type { DB } from "./client";

let db: DB;
let file: string;
let cleanup: () => void;
let other: Database.Database;

beforeEach(() => {
  ({ db, file, cleanup } = createTestDb());
  other = new Database(file);
  other.pragma("busy_timeout = 0");
});
afterEach(() => {
  other.close();
  cleanup();
});

describe("write transactions", () => {
  it("hold the write lock from their first statement, so a concurrent writer waits instead of failing later", () => {
    db.transaction(() => {
      // Nothing has been written yet, but another connection cannot start writing.
      expect(() => other.exec("begin immediate")).toThrow(/database is locked/);
    });
    other.exec("begin immediate");
    other.exec("rollback");
  });

  it("keep an explicit behaviour when one is asked for", () => {
    db.transaction(
      () => {
        expect(() => other.exec("begin immediate")).not.toThrow();
        other.exec("rollback");
      },
      { behavior: "deferred" },
    );
  });
});
