import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineState } from "@/lib/deadline-state";
import type { Status } from "@/lib/domain";
import { problemStatus, type StatusCounts } from "@/lib/status";
import { createTestDb } from "@/testing/test-db";
import type { DB } from "../client";
import { isEmpty, seedDemo } from "../seed";
import { roundSummary } from "./summary";
import { parseListFilter } from "@/lib/validations/list-filter";
import { ledgerRows } from "./ledger";
import { getMeasureDetail, listMeasuresForUnits } from "./measures";
import { listRoundsWithCounts } from "./rounds";

// One seeded Baoan demo for the whole file: seeding hashes the demo password (slow), and
// every test here only reads.
const TODAY = "2026-11-21";
let db: DB;
let sqlite: Database.Database;
let cleanup: () => void;
let emptyBeforeSeed: boolean;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  sqlite = (db as DB & { $client: Database.Database }).$client;
  emptyBeforeSeed = isEmpty(db);
  await seedDemo(db, TODAY);
});
afterAll(() => cleanup());

const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).pluck().get(...params) as T;
const column = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).pluck().all(...params) as T[];
const unitIdOf = (name: string) => one<number>("select id from units where name = ?", name);
const roundId = () => one<number>("select id from rounds");
const byNumber = (a: number, b: number) => a - b;

describe("seedDemo", () => {
  it("fills an empty database with the Baoan round, its archived 2018 predecessor and the six demo accounts", () => {
    expect(emptyBeforeSeed).toBe(true);
    expect(isEmpty(db)).toBe(false);
    expect(column("select name from rounds order by id")).toEqual(["省委第二巡视组巡视宝安区反馈意见整改", "区委第三巡察组巡察宝安区反馈意见整改(2018年)"]);
    const baoan = "(select id from rounds order by id limit 1)";
    expect(one(`select count(*) from aspects where round_id = ${baoan}`)).toBe(4);
    expect(one(`select count(*) from problems where round_id = ${baoan}`)).toBe(17);
    expect(one(`select count(*) from measures where round_id = ${baoan}`)).toBe(68);
    // 反弹回潮's demo: the earlier round's three problems, four measures, all signed off.
    expect(one(`select count(*) from measures where round_id != ${baoan} and status = 'completed'`)).toBe(4);
    expect(column("select username from users order by username")).toEqual(["ducha", "jiaoyu", "jijian", "leader", "office", "xinan"]);
  });

  it("stores each problem's status as the roll-up of its measures' statuses", () => {
    const problems = sqlite.prepare("select id, number, status from problems").all() as { id: number; number: number; status: Status }[];
    const mismatched = problems.filter(
      (p) => p.status !== problemStatus(column<Status>("select status from measures where problem_id = ?", p.id)),
    );
    expect(mismatched).toEqual([]);
  });
});

describe("listMeasuresForUnits", () => {
  it("gives 区教育局 exactly the measures it leads or co-owns", () => {
    const jiaoyu = unitIdOf("区教育局");
    const expected = column<number>(
      "select id from measures where lead_unit_id = ? or id in (select measure_id from measure_co_units where unit_id = ?)",
      jiaoyu,
      jiaoyu,
    ).sort(byNumber);
    const rows = listMeasuresForUnits(db, { unitIds: [jiaoyu] });

    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id).sort(byNumber)).toEqual(expected);
    const leads = new Set(column<number>("select id from measures where lead_unit_id = ?", jiaoyu));
    for (const row of rows) expect(Boolean(row.isLead)).toBe(leads.has(row.id));
  });

  it("includes co-owned measures and those of a unit below the actor's unit", () => {
    const scope = [unitIdOf("区国资局"), unitIdOf("深圳市宝安区投资管理集团有限公司")];
    const expected = column<number>(
      `select id from measures where lead_unit_id in (?, ?)
       or id in (select measure_id from measure_co_units where unit_id in (?, ?))`,
      ...scope,
      ...scope,
    ).sort(byNumber);
    const rows = listMeasuresForUnits(db, { unitIds: scope });
    expect(rows.map((r) => r.id).sort(byNumber)).toEqual(expected);
    // 区国资局 is only a co-responsible unit on some of them (e.g. 选人用人 measures).
    expect(rows.filter((r) => !r.isLead).length).toBeGreaterThan(0);
  });

  it("returns nothing for an empty unit list", () => {
    expect(listMeasuresForUnits(db, { unitIds: [] })).toEqual([]);
  });
});

describe("getMeasureDetail", () => {
  it("owns a measure by its lead unit and its co-responsible units", () => {
    const measureId = one<number>("select measure_id from measure_co_units group by measure_id having count(*) >= 2 limit 1");
    const lead = one<number>("select lead_unit_id from measures where id = ?", measureId);
    const coUnits = column<number>("select unit_id from measure_co_units where measure_id = ? order by unit_id", measureId);

    const detail = getMeasureDetail(db, { id: measureId });

    expect(detail?.ownership.unitIds).toEqual([lead, ...coUnits]);
    expect(detail?.coUnits.map((u) => u.id)).toEqual(coUnits);
  });

  it("is undefined for a measure that does not exist", () => {
    expect(getMeasureDetail(db, { id: 999_999 })).toBeUndefined();
  });
});

describe("ledgerRows", () => {
  it("has one row per measure of the round, in aspect / problem / measure order", () => {
    const rows = ledgerRows(db, { roundId: roundId(), filter: parseListFilter({}), today: TODAY });

    expect(rows).toHaveLength(one<number>("select count(*) from measures where round_id = ?", roundId()));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const keys = rows.map((r) => [r.aspectPosition ?? 0, r.problemNumber, r.position] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    expect(rows[0]).toMatchObject({ aspectPosition: 1, problemNumber: 1, position: 1 });
    expect(new Set(rows.map((r) => r.aspectPosition))).toEqual(new Set([1, 2, 3, 4]));
  });
});

describe("listRoundsWithCounts", () => {
  const direct = (table: "problems" | "measures", id: number): StatusCounts => {
    const n = (status: Status) => one<number>(`select count(*) from ${table} where round_id = ? and status = ?`, id, status);
    return {
      total: one<number>(`select count(*) from ${table} where round_id = ?`, id),
      completed: n("completed"),
      basicallyCompleted: n("basically_completed"),
      incomplete: n("incomplete"),
    };
  };

  it("counts problems and measures per status exactly as the tables hold them", () => {
    const [round] = listRoundsWithCounts(db);
    expect(round?.problemCounts).toEqual(direct("problems", roundId()));
    expect(round?.measureCounts).toEqual(direct("measures", roundId()));
    expect(round?.problemCounts.total).toBe(17);
    expect(round?.measureCounts.total).toBe(68);
  });
});

describe("roundSummary overdue and due soon", () => {
  it("matches a direct count and the red/yellow lights of each measure", () => {
    const id = roundId();
    const dueSoonDays = one<number>("select due_soon_days from rounds where id = ?", id);
    const expected = {
      overdue: one<number>("select count(*) from measures where round_id = ? and status <> 'completed' and deadline < ?", id, TODAY),
      dueSoon: one<number>(
        `select count(*) from measures where round_id = ? and status <> 'completed'
         and deadline between ? and date(?, '+' || ? || ' days')`,
        id,
        TODAY,
        TODAY,
        dueSoonDays,
      ),
    };
    const measures = sqlite.prepare("select deadline, status from measures where round_id = ?").all(id) as {
      deadline: string | null;
      status: Status;
    }[];
    const states = measures.map((m) => deadlineState({ ...m, today: TODAY, dueSoonDays }).state);

    const summary = roundSummary(db, { roundId: id, today: TODAY })!;
    const counts = { overdue: summary.overdue, dueSoon: summary.dueSoon };

    expect(counts).toEqual(expected);
    expect(counts).toEqual({
      overdue: states.filter((s) => s === "overdue").length,
      dueSoon: states.filter((s) => s === "due_soon").length,
    });
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.dueSoon).toBeGreaterThan(0);
  });
});
