import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { chinaDate } from "@/lib/dashboard-figures";
import { ledgerHref, tasksHref } from "@/lib/list-links";
import { parseListFilter } from "@/lib/validations/list-filter";
import { dashboardData, resolveDashboardRound } from "./dashboard";
import { unitOverview } from "@/db/queries/unit-overview";
import { ledgerPage } from "./ledger";
import { addProgressReport, measureOwners, signOffClaim } from "./progress";
import { roundSummary } from "./summary";

const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;

beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

/** The rows a dashboard link lists: its query string parsed the way the list page parses it. */
function listed(href: string) {
  const [path, search = ""] = href.split("?");
  const roundId = Number(/\/rounds\/(\d+)\//.exec(path!)![1]);
  const filter = parseListFilter(Object.fromEntries(new URLSearchParams(search)));
  return ledgerPage(t.db, { roundId, filter, today: TODAY, pageSize: 1 }).counts;
}


describe("dashboardData", () => {
  it("shows exactly roundSummary's figures", () => {
    const data = dashboardData(t.db, { roundId: t.roundId(), today: TODAY })!;
    const summary = roundSummary(t.db, { roundId: t.roundId(), today: TODAY })!;
    expect(data.totals).toMatchObject({ problems: summary.problems, measures: summary.measures, overdue: summary.overdue, dueSoon: summary.dueSoon });
    // The aspect bars count measures, so together they are the measure totals.
    const sum = (k: "completed" | "total") => data.groups.reduce((s, g) => s + g[k], 0);
    expect(sum("total")).toBe(summary.measures.total);
    expect(sum("completed")).toBe(summary.measures.completed);
    expect(data.ageing.reduce((s, b) => s + b.count, 0)).toBe(summary.overdue);
    expect(data.totals.openNotices).toBe(1);
  });

  it("across rounds sums the rounds and says undefined for an unknown round", () => {
    const all = dashboardData(t.db, { roundId: null, today: TODAY })!;
    expect(all.title).toBe("全部轮次");
    // Archived rounds (the demo's finished 2018 round) are not on the dashboard.
    expect(all.totals.measures.total).toBe(t.one("select count(*) from measures m join rounds r on r.id = m.round_id where r.archived_at is null"));
    expect(dashboardData(t.db, { roundId: 9999, today: TODAY })).toBeUndefined();
  });

  it("scoped to a reviewer's rounds, shows those only and finds no other", () => {
    const roundId = t.roundId();
    const other = roundId + 1000;
    expect(dashboardData(t.db, { roundId, today: TODAY, scope: [other] })).toBeUndefined();
    const none = dashboardData(t.db, { roundId: null, today: TODAY, scope: [other] })!;
    expect(none.rounds).toEqual([]);
    expect(none.totals.measures.total).toBe(0);
    const own = dashboardData(t.db, { roundId: null, today: TODAY, scope: [roundId] })!;
    expect(own.rounds.map((r) => r.id)).toEqual([roundId]);
    expect(own.totals).toEqual(dashboardData(t.db, { roundId, today: TODAY })!.totals);
    // With no round asked for, the default is the newest of the reviewer's rounds.
    expect(resolveDashboardRound(t.db, undefined, [roundId])).toBe(roundId);
    expect(resolveDashboardRound(t.db, undefined, [other])).toBeNull();
  });

  it("each aspect segment and ageing bucket matches the list it links to", () => {
    const roundId = t.roundId();
    const data = dashboardData(t.db, { roundId, today: TODAY })!;
    for (const g of data.groups) {
      expect(listed(ledgerHref(roundId, { aspect: g.aspectId, status: "completed" })).total).toBe(g.completed);
      expect(listed(ledgerHref(roundId, { aspect: g.aspectId, status: "incomplete" })).total).toBe(g.incomplete);
    }
    for (const b of data.ageing) {
      expect(listed(tasksHref(roundId, { overdue: true, from: b.from, to: b.to })).total).toBe(b.count);
    }
    expect(listed(tasksHref(roundId, { overdue: true })).total).toBe(data.totals.overdue);
  });

  it("ranks units by overdue, and each unit's total is what ?unit= lists", () => {
    const roundId = t.roundId();
    const { units } = dashboardData(t.db, { roundId, today: TODAY })!;
    expect(units.length).toBeGreaterThan(3);
    for (let i = 1; i < units.length; i++) expect(units[i - 1]!.overdue).toBeGreaterThanOrEqual(units[i]!.overdue);
    expect(units[0]!.overdue).toBeGreaterThan(0);
    for (const u of units.slice(0, 5)) {
      expect(listed(ledgerHref(roundId, { unit: u.unitId }))).toMatchObject({ total: u.total, completed: u.completed, incomplete: u.incomplete });
      expect(listed(tasksHref(roundId, { unit: u.unitId, overdue: true })).total).toBe(u.overdue);
    }
  });

  it("burn-up: none for a seeded round with no sign-off; the first sign-off draws it from entry", () => {
    const roundId = t.roundId();
    const before = dashboardData(t.db, { roundId, today: TODAY })!;
    expect(before.burnUp).toEqual([]);

    const officeId = t.one<string>("select id from users where username = 'office'");
    const jiaoyuId = t.one<string>("select id from users where username = 'jiaoyu'");
    const measureId = t.one<number>(
      "select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = '区教育局' and m.status = 'incomplete' order by m.id limit 1",
    );
    const owners = measureOwners(t.db, { measureId })!;
    const report = t.db.transaction((tx) =>
      addProgressReport(tx, {
        actorId: jiaoyuId,
        measureId,
        unitId: owners.leadUnitId!,
        isLead: true,
        currentStatus: owners.status,
        input: { reportDate: TODAY, text: "已完成", percent: 100, milestone: null, claimedStatus: "completed" },
        evidence: [{ fileName: "a.pdf", mimeType: "application/pdf", size: 1, sha256: "b".repeat(64), storedPath: "bb/bbbb" }],
      }),
    );
    t.db.transaction((tx) => signOffClaim(tx, { actorId: officeId, reportId: report.id }));
    const after = dashboardData(t.db, { roundId, today: TODAY })!;
    expect(after.burnUp.at(-1)).toMatchObject({ total: before.totals.measures.total, completed: before.totals.measures.completed + 1 });
    // It starts on the day the seed entered the measures, not at the feedback date.
    expect(after.burnUp[0]!.date).toBe(chinaDate(t.one<number>("select min(created_at) from measures where round_id = ?", roundId)));

    expect(after.totals.measures.completed).toBe(before.totals.measures.completed + 1);
    // Its unit's on-time rate now counts it: signed off today, due whenever the seed said.
    const unit = unitOverview(t.db, { unitId: owners.leadUnitId!, today: TODAY });
    expect(unit.onTime.counted).toBe(1);
    expect(unit.measures.find((m) => m.id === measureId)?.completedAt).not.toBeNull();
  });
});
