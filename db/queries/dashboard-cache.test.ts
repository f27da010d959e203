import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { openDatabase } from "../client";
import { cachedDashboardData } from "./dashboard-cache";
import { dataVersion } from "./data-version";
import { dashboardData } from "./dashboard";

const TODAY = "2026-11-21";

/** Reads until the figures move; a change must show within 10× a reading's cost (ms here). */
async function completedAfterChange(roundId: number, before: number): Promise<number> {
  for (let waited = 0; waited < 3000; waited += 20) {
    const completed = cachedDashboardData(t.db, { roundId, today: TODAY })!.totals.measures.completed;
    if (completed !== before) return completed;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return before;
}
let t: Awaited<ReturnType<typeof seededTestDb>>;

beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

describe("cachedDashboardData", () => {
  it("serves one reading while nothing changes, the same figures as dashboardData", () => {
    const first = cachedDashboardData(t.db, { roundId: null, today: TODAY })!;
    const second = cachedDashboardData(t.db, { roundId: null, today: TODAY })!;
    expect(second).toBe(first);
    expect({ ...first, generatedAt: 0 }).toEqual({ ...dashboardData(t.db, { roundId: null, today: TODAY })!, generatedAt: 0 });
  });

  it("reads again after a write on this connection", async () => {
    const before = cachedDashboardData(t.db, { roundId: t.roundId(), today: TODAY })!;
    const measureId = t.one<number>("select id from measures where status = 'incomplete' order by id limit 1");
    t.sqlite.prepare("update measures set status = 'completed' where id = ?").run(measureId);
    expect(await completedAfterChange(t.roundId(), before.totals.measures.completed)).toBe(before.totals.measures.completed + 1);
  });

  it("notices a commit by another connection (the command line, a second instance)", async () => {
    const before = cachedDashboardData(t.db, { roundId: t.roundId(), today: TODAY })!;
    const versionBefore = dataVersion(t.db);
    const other = openDatabase(t.sqlite.name);
    try {
      other.sqlite.prepare("update measures set status = 'completed' where id = (select id from measures where status = 'incomplete' order by id limit 1)").run();
    } finally {
      other.sqlite.close();
    }
    expect(dataVersion(t.db)).not.toBe(versionBefore);
    expect(await completedAfterChange(t.roundId(), before.totals.measures.completed)).toBe(before.totals.measures.completed + 1);
  });

  it("answers undefined for an archived or unknown round, as dashboardData does", () => {
    expect(cachedDashboardData(t.db, { roundId: 999_999, today: TODAY })).toBeUndefined();
  });
});
