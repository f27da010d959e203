import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deadlineReminder } from "@/lib/reminders";
import type { Status } from "@/lib/domain";
import { seededTestDb } from "@/testing/seeded-db";
import { remindMissingReports, reportingOverview, runReminders } from "./reminders";

// The Baoan demo seeded on Monday 2026-11-16 (ISO week 47). Its progress reports are all
// dated before that week, and the demo round collects weekly reports on Fridays (20th).
const SEED_DAY = "2026-11-16";
let t: Awaited<ReturnType<typeof seededTestDb>>;

beforeEach(async () => {
  t = await seededTestDb(SEED_DAY);
});
afterEach(() => t.cleanup());

const notificationRows = () =>
  t.sqlite.prepare("select user_id userId, kind, link, dedupe_key dedupeKey from notifications order by id").all() as {
    userId: string;
    kind: string;
    link: string;
    dedupeKey: string;
  }[];
const userOf = (username: string) => t.one<string>("select id from users where username = ?", username);
const measureDueOn = (unit: string, deadline: string) =>
  t.one<number>("select id from measures where lead_unit_id = ? and deadline = ?", t.unitIdOf(unit), deadline);

/** What the rules say should be sent on `today`, computed from raw rows: user → measure links. */
function expectedDeadlineNotifications(today: string): string[] {
  const rows = t.sqlite
    .prepare(
      `select m.id, m.deadline, m.status, r.archived_at is not null archived, u.id userId
       from measures m join rounds r on r.id = m.round_id
       join users u on u.disabled = 0 and (u.unit_id = m.lead_unit_id or u.unit_id in (select unit_id from measure_co_units where measure_id = m.id))`,
    )
    .all() as { id: number; deadline: string | null; status: Status; archived: number; userId: string }[];
  return rows
    .filter((r) => deadlineReminder({ deadline: r.deadline, status: r.status, roundArchived: r.archived === 1, today }))
    .map((r) => `${r.userId} /measures/${r.id}`)
    .sort();
}

describe("runReminders", () => {
  it("sends due-soon and overdue reminders to the lead and co-responsible units' users", () => {
    const counts = runReminders(t.db, { today: "2026-11-17" });
    const rows = notificationRows();
    const deadlineRows = rows.filter((r) => r.kind === "due_soon" || r.kind === "overdue");
    expect(deadlineRows.map((r) => `${r.userId} ${r.link}`).sort()).toEqual(expectedDeadlineNotifications("2026-11-17"));
    expect(counts).toEqual({
      today: "2026-11-17",
      dueSoon: rows.filter((r) => r.kind === "due_soon").length,
      overdue: rows.filter((r) => r.kind === "overdue").length,
      reportMissing: 0, // Tuesday: reports are due on Friday
      // The escalation ladder runs in the same job (db/queries/escalation.test.ts tests it).
      escalated: t.one<number>("select count(*) from escalation_steps"),
      escalationNotifications: rows.filter((r) => r.kind === "escalation" || r.kind === "notice_drafted").length,
      noticeDrafts: t.one<number>("select count(*) from notice_drafts"),
      digests: 0,
      // The demo's 3-month clue received 120 days ago is overdue: its keepers hear of it once.
      clueOverdue: rows.filter((r) => r.kind === "clue_overdue").length,
      reproofDue: rows.filter((r) => r.kind === "reproof_due").length,
      total: rows.length,
    });
    // 区教育局: its measure due on the 20th is 3 days away, the one due on 2 November 15 days late.
    const jiaoyu = userOf("jiaoyu");
    const mine = rows.filter((r) => r.userId === jiaoyu).map((r) => r.dedupeKey.replace(/:user:.*$/, ""));
    expect(mine).toContain(`due:3:measure:${measureDueOn("区教育局", "2026-11-20")}:2026-11-20`);
    expect(mine).toContain(`overdue:15:measure:${measureDueOn("区教育局", "2026-11-02")}:2026-11-02`);
    expect(t.one("select count(*) from audit_log where action = 'reminders.run' and entity_id = '2026-11-17'")).toBe(1);
  });

  it("is idempotent: a second run on the same day creates nothing and still leaves its audit row", () => {
    const first = runReminders(t.db, { today: "2026-11-20" });
    expect(first.total).toBeGreaterThan(0);
    expect(first.reportMissing).toBeGreaterThan(0);
    const before = notificationRows().length;
    const second = runReminders(t.db, { today: "2026-11-20" });
    expect(second).toEqual({ today: "2026-11-20", dueSoon: 0, overdue: 0, reportMissing: 0, escalated: 0, escalationNotifications: 0, noticeDrafts: 0, digests: 0, clueOverdue: 0, reproofDue: 0, total: 0 });
    expect(notificationRows().length).toBe(before);
    expect(before).toBe(first.total);
    const audits = t.sqlite.prepare("select after from audit_log where action = 'reminders.run' order by id").pluck().all() as string[];
    expect(audits.map((a) => JSON.parse(a))).toEqual([first, second]);
  });

  it("runs on a new day send that day's reminders only", () => {
    runReminders(t.db, { today: "2026-11-17" });
    const next = runReminders(t.db, { today: "2026-11-18" });
    const expected = expectedDeadlineNotifications("2026-11-18");
    expect(next.dueSoon + next.overdue).toBe(expected.length);
  });

  it("never reminds about completed measures or archived rounds", () => {
    t.sqlite.prepare("update measures set status = 'completed' where lead_unit_id = ?").run(t.unitIdOf("区教育局"));
    runReminders(t.db, { today: "2026-11-17" });
    const eduMeasures = t.column<number>("select id from measures where lead_unit_id = ?", t.unitIdOf("区教育局"));
    const links = new Set(notificationRows().map((r) => r.link));
    expect(eduMeasures.some((id) => links.has(`/measures/${id}`))).toBe(false);

    t.sqlite.prepare("update rounds set archived_at = 1").run();
    expect(runReminders(t.db, { today: "2026-11-18" })).toMatchObject({ dueSoon: 0, overdue: 0, reportMissing: 0 });
    expect(runReminders(t.db, { today: "2026-11-20" })).toMatchObject({ total: 0 });
  });
});

describe("missing reports", () => {
  const missingUnits = (today: string) => reportingOverview(t.db, { today })[0]!.units.map((u) => u.unitName);

  it("weekly: chases on and after the round's weekday the lead units with no report dated this week", () => {
    expect(runReminders(t.db, { today: "2026-11-19" }).reportMissing).toBe(0);
    const friday = runReminders(t.db, { today: "2026-11-20" });
    const missing = notificationRows().filter((r) => r.kind === "report_missing");
    expect(friday.reportMissing).toBe(missing.length);
    // Only 区教育局 and 新安街道 have accounts in the demo, and both lead open measures.
    expect(missing.map((r) => r.userId).sort()).toEqual([userOf("jiaoyu"), userOf("xinan")].sort());
    expect(missing[0]!.dedupeKey).toMatch(/^report_missing:round:\d+:unit:\d+:cycle:2026-W47:user:/);
    expect(runReminders(t.db, { today: "2026-11-22" }).reportMissing).toBe(0);
    // A new week is a new cycle.
    expect(runReminders(t.db, { today: "2026-11-27" }).reportMissing).toBe(2);
  });

  it("a report dated within the cycle for every open measure takes the unit off the list", () => {
    const edu = t.unitIdOf("区教育局");
    expect(missingUnits("2026-11-20")).toContain("区教育局");
    const open = t.column<number>("select id from measures where lead_unit_id = ? and status != 'completed'", edu);
    const insert = t.sqlite.prepare(
      "insert into progress_reports (measure_id, unit_id, author_id, report_date, text, claimed_status, created_at) values (?, ?, ?, '2026-11-18', '本周进展', 'incomplete', 0)",
    );
    insert.run(open[0], edu, userOf("jiaoyu"));
    const row = reportingOverview(t.db, { today: "2026-11-20" })[0]!.units.find((u) => u.unitName === "区教育局")!;
    expect(row).toMatchObject({ openMeasures: open.length, unreported: open.length - 1, lastReportDate: "2026-11-18" });
    for (const id of open.slice(1)) insert.run(id, edu, userOf("jiaoyu"));
    expect(missingUnits("2026-11-20")).not.toContain("区教育局");
    expect(runReminders(t.db, { today: "2026-11-20" }).reportMissing).toBe(1);
  });

  it("monthly: the calendar month counts, and units are chased from its last such weekday", () => {
    t.sqlite.prepare("update rounds set report_cycle = 'monthly', report_weekday = 5").run();
    const window = reportingOverview(t.db, { today: "2026-11-20" })[0]!.window;
    expect(window).toMatchObject({ key: "2026-11", start: "2026-11-01", end: "2026-11-30", remindFrom: "2026-11-27" });
    expect(runReminders(t.db, { today: "2026-11-26" }).reportMissing).toBe(0);
    expect(runReminders(t.db, { today: "2026-11-27" }).reportMissing).toBe(2);
    expect(runReminders(t.db, { today: "2026-11-30" }).reportMissing).toBe(0);
  });

  it("no cycle, no chasing", () => {
    t.sqlite.prepare("update rounds set report_cycle = 'none'").run();
    expect(reportingOverview(t.db, { today: "2026-11-20" })).toEqual([]);
    expect(runReminders(t.db, { today: "2026-11-20" }).reportMissing).toBe(0);
  });

  it("the office's one-click reminder sends now, once per cycle, shared with the daily job", () => {
    const office = userOf("office");
    const roundId = t.roundId();
    const edu = t.unitIdOf("区教育局");
    const one = remindMissingReports(t.db, { actorId: office, roundId, unitIds: [edu], today: "2026-11-17" });
    expect(one).toMatchObject({ cycle: "2026-W47", units: 1, notifications: 1, alreadyReminded: 0, noAccount: 0 });
    const all = remindMissingReports(t.db, { actorId: office, roundId, today: "2026-11-17" });
    // 新安街道 now; 区教育局 was reminded above; the rest have no account in the demo.
    const behind = reportingOverview(t.db, { today: "2026-11-17" })[0]!.units;
    expect(all).toMatchObject({ cycle: "2026-W47", units: 1, notifications: 1, alreadyReminded: 1, noAccount: behind.length - 2 });
    expect(behind.filter((u) => u.accounts > 0).map((u) => u.unitName).sort()).toEqual(["区教育局", "新安街道"].sort());
    expect(behind.filter((u) => u.remindedAt !== null)).toHaveLength(2);
    expect(runReminders(t.db, { today: "2026-11-20" }).reportMissing).toBe(0);
    expect(t.one("select count(*) from audit_log where action = 'reporting.remind' and actor_id = ?", office)).toBe(2);
    expect(remindMissingReports(t.db, { actorId: office, roundId: 9999, today: "2026-11-17" })).toBeNull();
  });
});
