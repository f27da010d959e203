import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseListFilter } from "@/lib/validations/list-filter";
import { seededTestDb } from "@/testing/seeded-db";
import { ledgerPage } from "./ledger";
import { problemPage } from "./problem-list";
import { progressPage } from "./progress-list";
import { unitResponsibilities } from "./responsibility";
import { roundSummary } from "./summary";
import { listUnits } from "./units";

// The four lists and the ledger against direct SQL on the seeded demo: the same filter
// must mean the same rows, and the counts at the top must be the rows' counts.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;

beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

const OWNED = `(m.lead_unit_id = @u or exists (select 1 from measure_co_units c where c.measure_id = m.id and c.unit_id = @u))`;

describe("ledgerPage", () => {
  const countWhere = (where: string, params: Record<string, unknown> = {}) =>
    t.sqlite
      .prepare(`select count(*) from measures m join problems p on p.id = m.problem_id where m.round_id = @r and ${where}`)
      .pluck()
      .get({ r: t.roundId(), ...params }) as number;

  it.each([
    ["no filter", {}, "1 = 1"],
    ["a unit (lead or co-responsible)", { unit: "区国资局" }, OWNED],
    ["a status", { status: "basically_completed" }, "m.status = 'basically_completed'"],
    ["overdue", { overdue: "1" }, `m.status != 'completed' and m.deadline < '${TODAY}'`],
    ["a deadline range", { from: "2026-11-01", to: "2026-11-30" }, "m.deadline between '2026-11-01' and '2026-11-30'"],
    ["text search", { q: "廉政" }, "(m.text like '%廉政%' or p.title like '%廉政%' or m.goal like '%廉政%')"],
  ])("counts what %s matches", (_label, raw: Record<string, string>, where) => {
    const unitId = raw.unit ? t.unitIdOf(raw.unit) : undefined;
    const filter = parseListFilter({ ...raw, unit: unitId ? String(unitId) : undefined });
    const page = ledgerPage(t.db, { roundId: t.roundId(), filter, today: TODAY, pageSize: 1000 });
    const expected = countWhere(where, { u: unitId });
    expect(page.counts.total).toBe(expected);
    expect(page.rows).toHaveLength(expected);
    expect(page.counts.completed + page.counts.basicallyCompleted + page.counts.incomplete).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it("pages in plan order and clamps a page past the end", () => {
    const all = ledgerPage(t.db, { roundId: t.roundId(), filter: parseListFilter({}), today: TODAY, pageSize: 1000 }).rows;
    const second = ledgerPage(t.db, { roundId: t.roundId(), filter: parseListFilter({ page: "2" }), today: TODAY, pageSize: 10 });
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(10, 20).map((r) => r.id));
    const beyond = ledgerPage(t.db, { roundId: t.roundId(), filter: parseListFilter({ page: "999" }), today: TODAY, pageSize: 10 });
    expect(beyond.page).toBe(beyond.pages);
    expect(beyond.rows.length).toBeGreaterThan(0);
  });

  it("sorts by deadline with undated measures last", () => {
    const rows = ledgerPage(t.db, { roundId: t.roundId(), filter: parseListFilter({ sort: "deadline" }), today: TODAY, pageSize: 1000 }).rows;
    const dated = rows.filter((r) => r.deadline).map((r) => r.deadline!);
    expect(dated).toEqual([...dated].sort());
    expect(rows.slice(dated.length).every((r) => r.deadline === null)).toBe(true);
  });

  it("gives each row its latest progress and co-responsible units", () => {
    const [row] = ledgerPage(t.db, { roundId: t.roundId(), filter: parseListFilter({}), today: TODAY, pageSize: 1 }).rows;
    expect(row!.latestProgress).toBe(t.one("select text from progress_reports where measure_id = ? order by report_date desc, id desc limit 1", row!.id));
    const coNames = t.column<string>("select u.name from measure_co_units c join units u on u.id = c.unit_id where c.measure_id = ?", row!.id);
    expect((row!.coUnitNames ?? "").split("、").filter(Boolean).sort()).toEqual(coNames.sort());
  });
});

describe("problemPage", () => {
  it("filters problems by a unit answering for any of their measures", () => {
    const u = t.unitIdOf("区教育局");
    const page = problemPage(t.db, { roundId: t.roundId(), filter: parseListFilter({ unit: String(u) }), pageSize: 100 });
    const expected = t.one<number>(
      `select count(*) from problems p where p.round_id = @r and (p.lead_unit_id = @u or exists (select 1 from measures m where m.problem_id = p.id and ${OWNED}))`,
      { r: t.roundId(), u },
    );
    expect(page.counts.total).toBe(expected);
    expect(page.rows).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
    for (const row of page.rows) {
      expect(row.measureCount).toBe(t.one("select count(*) from measures where problem_id = ?", row.id));
    }
  });
});

describe("unitResponsibilities", () => {
  it("counts each unit's lead and co-responsible measures and overdue ones", () => {
    const rows = unitResponsibilities(t.db, { roundId: t.roundId(), today: TODAY });
    const edu = rows.find((r) => r.unitName === "区教育局")!;
    const u = edu.unitId;
    expect(edu.leadCount).toBe(t.one("select count(*) from measures where lead_unit_id = ?", u));
    expect(edu.coCount).toBe(t.one("select count(*) from measure_co_units where unit_id = ?", u));
    expect(edu.overdue).toBe(t.one("select count(*) from measures where lead_unit_id = ? and status != 'completed' and deadline < ?", u, TODAY));
    expect(rows.map((r) => r.overdue)).toEqual([...rows.map((r) => r.overdue)].sort((a, b) => b - a));
    expect(new Set(rows.map((r) => r.leadCount)).size).toBeGreaterThan(1);
  });
});

describe("progressPage and listUnits", () => {
  it("lists every progress report of the round, and each unit's account count", () => {
    const page = progressPage(t.db, { roundId: t.roundId(), filter: parseListFilter({}), today: TODAY, pageSize: 500 });
    expect(page.total).toBe(t.one("select count(*) from progress_reports p join measures m on m.id = p.measure_id where m.round_id = ?", t.roundId()));
    const edu = listUnits(t.db).find((u) => u.name === "区教育局")!;
    expect(edu.userCount).toBe(1);
  });
});

describe("roundSummary", () => {
  it("agrees with the stored statuses, and its aspects add up to the problems", () => {
    const roundId = t.roundId();
    const s = roundSummary(t.db, { roundId, today: TODAY })!;
    expect(s.problems.completed).toBe(t.one("select count(*) from problems where status = 'completed' and round_id = ?", roundId));
    expect(s.measures.total).toBe(t.one("select count(*) from measures where round_id = ?", roundId));
    expect(s.aspects.reduce((n, a) => n + a.total, 0)).toBe(s.problems.total);
    expect(s.aspects.map((a) => a.name)).toEqual(t.column("select name from aspects where round_id = ? order by position", roundId));
  });
});

describe("stored statuses", () => {
  it("equal what the office signed off for every measure of the demo", async () => {
    const { officialStatus } = await import("@/lib/status");
    const reports = t.sqlite
      .prepare("select id, measure_id, claimed_status, is_claim, review_state, reviewed_at from progress_reports")
      .all() as { id: number; measure_id: number; claimed_status: "completed"; is_claim: number; review_state: "signed_off"; reviewed_at: number | null }[];
    const measures = t.sqlite.prepare("select id, status from measures").all() as { id: number; status: string }[];
    for (const m of measures) {
      const own = reports
        .filter((r) => r.measure_id === m.id)
        .map((r) => ({ id: r.id, claimedStatus: r.claimed_status, isClaim: r.is_claim === 1, reviewState: r.review_state, reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null }));
      expect(officialStatus(own)).toBe(m.status);
    }
  });
});
