import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { addProgressReport, signOffClaim } from "./progress";
import { runReminders } from "./reminders";
import { measureReproof, reproofsDue } from "./reproofs";

// 并长期坚持 against the seeded demo: a signed-off long-term measure falls due for re-proof a
// quarter after its last accepted claim, and the office's next sign-off moves the date.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
});
afterEach(() => t.cleanup());

describe("长期坚持措施的复证", () => {
  it("is due a quarter after the last sign-off, listed for the office and the lead unit, and moves when the next proof is accepted", () => {
    const measure = t.one<number>(
      `select m.id from measures m where m.deadline_kind = 'ongoing' and m.status = 'completed'
       and exists (select 1 from progress_reports p where p.measure_id = m.id and p.is_claim = 1 and p.review_state = 'signed_off') order by m.id limit 1`,
    );
    const unit = t.one<number>("select lead_unit_id from measures where id = ?", measure);
    // Its proofs were accepted on 2026-08-10: due on 2026-11-10, so overdue by 11 days.
    t.sqlite.prepare("update progress_reports set report_date = '2026-08-10' where measure_id = ? and is_claim = 1 and review_state = 'signed_off'").run(measure);

    const due = reproofsDue(t.db, { today: TODAY, unitIds: null }).find((r) => r.id === measure);
    expect(due).toMatchObject({ lastProof: "2026-08-10", nextDue: "2026-11-10", state: "due", leadUnitId: unit });
    expect(reproofsDue(t.db, { today: TODAY, unitIds: [unit] }).map((r) => r.id)).toContain(measure);
    const other = t.unitIdOf(unit === t.unitIdOf("新安街道") ? "区教育局" : "新安街道");
    expect(reproofsDue(t.db, { today: TODAY, unitIds: [other] }).map((r) => r.id)).not.toContain(measure);
    expect(reproofsDue(t.db, { today: "2026-11-05", unitIds: null }).find((r) => r.id === measure)?.state).toBe("due_soon");
    expect(reproofsDue(t.db, { today: "2026-10-01", unitIds: null }).map((r) => r.id)).not.toContain(measure);

    // The unit supplies the proof; while the office has not accepted it, it is still due.
    const author = t.one<string>("select id from users where role = 'unit' limit 1");
    const office = t.one<string>("select id from users where username = 'office'");
    const input = { reportDate: TODAY, text: "本季度复证:制度持续执行", percent: 100, milestone: null, claimedStatus: "completed" as const };
    const evidence = [{ fileName: "复证.pdf", mimeType: "application/pdf", size: 10, sha256: "d".repeat(64), storedPath: "dd/dddd" }];
    const report = t.db.transaction((tx) => addProgressReport(tx, { actorId: author, measureId: measure, unitId: unit, isLead: true, currentStatus: "completed", input, evidence }));
    expect(t.one<number>("select is_reproof from progress_reports where id = ?", report.id)).toBe(1);
    expect(measureReproof(t.db, { measureId: measure, today: TODAY, dueSoonDays: 7 })?.state).toBe("due");
    t.db.transaction((tx) => signOffClaim(tx, { actorId: office, reportId: report.id }));
    expect(measureReproof(t.db, { measureId: measure, today: TODAY, dueSoonDays: 7 })).toEqual({ lastProof: TODAY, interval: "quarterly", nextDue: "2027-02-21", state: "proved" });
    expect(reproofsDue(t.db, { today: TODAY, unitIds: null }).map((r) => r.id)).not.toContain(measure);
  });

  it("asks nothing of a measure that is not long-term or not yet signed off", () => {
    const dated = t.one<number>("select id from measures where deadline_kind = 'date' and status = 'completed' limit 1");
    const open = t.one<number>("select id from measures where deadline_kind = 'ongoing' and status != 'completed' limit 1");
    expect(measureReproof(t.db, { measureId: dated, today: TODAY, dueSoonDays: 7 })).toBeNull();
    expect(measureReproof(t.db, { measureId: open, today: TODAY, dueSoonDays: 7 })).toBeNull();
  });

  it("follows the interval the office set for the measure, and asks nothing when it is 不要求复证", () => {
    const measure = provedLongTermMeasure("2026-08-10");
    t.sqlite.prepare("update measures set reproof_interval = 'yearly' where id = ?").run(measure);
    expect(measureReproof(t.db, { measureId: measure, today: TODAY, dueSoonDays: 7 })).toMatchObject({ interval: "yearly", nextDue: "2027-08-10", state: "proved" });
    t.sqlite.prepare("update measures set reproof_interval = 'monthly' where id = ?").run(measure);
    expect(reproofsDue(t.db, { today: TODAY, unitIds: null }).find((r) => r.id === measure)).toMatchObject({ interval: "monthly", nextDue: "2026-09-10", state: "due" });
    t.sqlite.prepare("update measures set reproof_interval = 'off' where id = ?").run(measure);
    expect(measureReproof(t.db, { measureId: measure, today: TODAY, dueSoonDays: 7 })).toMatchObject({ nextDue: null, state: "not_asked" });
    expect(reproofsDue(t.db, { today: TODAY, unitIds: null }).map((r) => r.id)).not.toContain(measure);
    // The database refuses an interval the app does not know.
    expect(() => t.sqlite.prepare("update measures set reproof_interval = 'weekly' where id = ?").run(measure)).toThrow(/CHECK/);
  });

  it("reminds the lead unit's users 7 days ahead and the day after, once each", () => {
    const measure = provedLongTermMeasure("2026-08-28"); // due 2026-11-28: 7 days after TODAY
    const unit = t.one<number>("select lead_unit_id from measures where id = ?", measure);
    const reproofRows = () =>
      t.sqlite
        .prepare("select n.user_id as userId, n.title, n.link from notifications n where n.kind = 'reproof_due' and n.link = ? order by n.user_id")
        .all(`/measures/${measure}`) as { userId: string; title: string; link: string }[];
    const unitUsers = (t.sqlite.prepare("select id from users where unit_id = ? and disabled = 0 order by id").all(unit) as { id: string }[]).map((u) => u.id);
    expect(unitUsers.length).toBeGreaterThan(0);

    expect(runReminders(t.db, { today: TODAY }).reproofDue).toBeGreaterThanOrEqual(unitUsers.length);
    expect(reproofRows()).toEqual(unitUsers.map((userId) => ({ userId, title: "长期坚持措施还有 7 天须复证", link: `/measures/${measure}` })));
    // The same day again sends nothing twice; a day the rule skips sends nothing.
    runReminders(t.db, { today: TODAY });
    runReminders(t.db, { today: "2026-11-22" });
    expect(reproofRows()).toHaveLength(unitUsers.length);
    runReminders(t.db, { today: "2026-11-29" });
    expect(reproofRows().filter((r) => r.title === "长期坚持措施复证已逾期 1 天").map((r) => r.userId)).toEqual(unitUsers);
  });
});

describe("migration 0022's backfill of 复证 marks", () => {
  it("marks exactly the claims the app marks as it writes them", () => {
    const measure = provedLongTermMeasure("2026-08-10");
    const unit = t.one<number>("select lead_unit_id from measures where id = ?", measure);
    const author = t.one<string>("select id from users where username = 'jiaoyu'");
    const office = t.one<string>("select id from users where username = 'office'");
    const claim = (text: string) =>
      t.db.transaction((tx) =>
        addProgressReport(tx, { actorId: author, measureId: measure, unitId: unit, isLead: true, currentStatus: "completed", input: { reportDate: TODAY, text, percent: 100, milestone: null, claimedStatus: "completed" }, evidence: [] }),
      );
    const first = claim("第一次复证");
    t.db.transaction((tx) => signOffClaim(tx, { actorId: office, reportId: first.id }));
    claim("第二次复证,待审核");
    const marked = () => t.column<number>("select id from progress_reports where is_reproof = 1 order by id");
    const written = marked();
    expect(written.length).toBeGreaterThanOrEqual(2);

    t.sqlite.exec("update progress_reports set is_reproof = 0");
    const migration = fs.readFileSync(path.join(process.cwd(), "db/migrations/0022_add_reproof_interval.sql"), "utf8");
    t.sqlite.exec(migration.slice(migration.indexOf("WITH `first_proof`")));
    expect(marked()).toEqual(written);
  });
});

/** A signed-off long-term measure of the demo, led by 区教育局 (a unit with accounts), whose accepted proofs are dated `proofDate`. */
function provedLongTermMeasure(proofDate: string): number {
  const measure = t.one<number>(
    `select m.id from measures m where m.deadline_kind = 'ongoing' and m.status = 'completed'
     and exists (select 1 from progress_reports p where p.measure_id = m.id and p.is_claim = 1 and p.review_state = 'signed_off') order by m.id limit 1`,
  );
  t.sqlite.prepare("update measures set lead_unit_id = ? where id = ?").run(t.unitIdOf("区教育局"), measure);
  t.sqlite.prepare("update progress_reports set report_date = ? where measure_id = ? and is_claim = 1 and review_state = 'signed_off'").run(proofDate, measure);
  return measure;
}
