import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { auditDateRange, parseAuditFilter } from "@/lib/validations/audit-filter";
import { auditLog } from "../schema";
import { auditFilterOptions, listAuditLog, measureHistory } from "./audit-log";
import { recordLookBackResult, scheduleLookBack } from "./look-backs";

// One seeded demo plus a handful of rows at known instants, read by every test.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId: string;
let jiaoyuId: string;
let measureId: number;
let otherMeasureId: number;
let lookBackId: number;

// Beijing midnight of 2020-11-10 is 16:00 UTC the day before.
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one<string>("select id from users where username = 'office'");
  jiaoyuId = t.one<string>("select id from users where username = 'jiaoyu'");
  measureId = t.one<number>("select id from measures where status = 'completed' and deadline_kind = 'date' order by id limit 1");
  otherMeasureId = t.one<number>("select id from measures where id <> ? order by id limit 1", measureId);
  const rows = [
    { actorId: officeId, action: "measure.update", entity: "measure", entityId: String(measureId), before: { goal: "旧目标", version: 1 }, after: { goal: "新目标", version: 2 }, createdAt: at("2020-11-09T15:59:59Z") },
    { actorId: officeId, action: "measure.update", entity: "measure", entityId: String(otherMeasureId), before: { goal: "a" }, after: { goal: "b" }, createdAt: at("2020-11-09T16:00:00Z") },
    { actorId: jiaoyuId, action: "progress.create", entity: "progress_report", entityId: "999999", after: { text: "别的措施的进展" }, createdAt: at("2020-11-10T15:59:59Z") },
    { actorId: jiaoyuId, action: "user.change_password", entity: "user", entityId: jiaoyuId, createdAt: at("2020-11-10T16:00:00Z") },
  ];
  t.db.insert(auditLog).values(rows).run();
  lookBackId = t.db.transaction((tx) => scheduleLookBack(tx, { actorId: officeId, measureId, scheduledDate: TODAY, today: TODAY })).id;
  t.db.transaction((tx) => recordLookBackResult(tx, { actorId: officeId, lookBackId, result: "relapsed", note: "出现反复" }));
});
afterAll(() => t.cleanup());

const list = (query: Record<string, string>, page = 1, pageSize = 50) => {
  const f = parseAuditFilter(query);
  return listAuditLog(t.db, { filter: { entity: f.entity, action: f.action, actor: f.actor, entityId: f.entityId, ...auditDateRange(f) }, page, pageSize });
};

describe("listAuditLog", () => {
  it("lists everything newest first, with the actor's name", () => {
    const all = list({});
    expect(all.total).toBe(t.one<number>("select count(*) from audit_log"));
    const times = all.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.rows[0]).toMatchObject({ action: "measure.reopen", actorName: "陈整改", actorUsername: "office" });
  });

  it("filters by action, entity, entity id and actor username", () => {
    expect(list({ action: "measure.reopen" }).rows.map((r) => [r.entity, r.entityId])).toEqual([["measure", String(measureId)]]);
    // A relapse is recorded once, as the measure's reopen (naming the look-back).
    expect(list({ entity: "look_back" }).rows.map((r) => r.action)).toEqual(["look_back.schedule"]);
    expect(list({ entity: "measure", entityId: String(measureId) }).rows.map((r) => r.action)).toEqual(["measure.reopen", "measure.update"]);
    expect(list({ actor: "jiaoyu" }).rows.map((r) => r.action)).toEqual(["user.change_password", "progress.create"]);
    expect(list({ actor: "nobody" }).total).toBe(0);
  });

  it("takes the date range as Beijing calendar days, both ends inclusive", () => {
    expect(list({ from: "2020-11-10", to: "2020-11-10" }).rows.map((r) => r.entityId)).toEqual(["999999", String(otherMeasureId)]);
    expect(list({ to: "2020-11-09" }).rows.map((r) => r.entityId)).toEqual([String(measureId)]);
    expect(list({ from: "2020-11-11", to: "2020-11-11" }).rows.map((r) => r.action)).toEqual(["user.change_password"]);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(parseAuditFilter({ action: "x' or 1=1 --", from: "yesterday", page: "-3", actor: ["office", "jiaoyu"] })).toEqual({
      action: undefined,
      from: undefined,
      page: undefined,
      actor: "office",
      entity: undefined,
      entityId: undefined,
      to: undefined,
    });
  });

  it("pages 50 at a time and clamps a page past the end", () => {
    const total = list({}).total;
    const first = list({}, 1, 2);
    const second = list({}, 2, 2);
    expect(first.pages).toBe(Math.ceil(total / 2));
    expect(first.rows.map((r) => r.id)).not.toEqual(second.rows.map((r) => r.id));
    expect(list({}, 9999, 2).page).toBe(first.pages);
  });

  it("offers the entity types and actions present as filter options", () => {
    const options = auditFilterOptions(t.db);
    expect(options.entities).toEqual(expect.arrayContaining(["look_back", "measure", "round", "user"]));
    expect(options.actions).toEqual(expect.arrayContaining(["look_back.schedule", "measure.reopen", "round.seed_demo"]));
  });
});

describe("measureHistory", () => {
  it("merges the measure's own rows with those of its look-backs, oldest first, and nothing of others", () => {
    const history = measureHistory(t.db, { measureId });
    expect(history.map((r) => [r.action, r.entity])).toEqual([
      ["measure.update", "measure"],
      ["look_back.schedule", "look_back"],
      ["measure.reopen", "measure"],
    ]);
    expect(history.every((r) => r.entity !== "progress_report")).toBe(true);
    expect(measureHistory(t.db, { measureId: otherMeasureId }).map((r) => r.after)).toEqual([{ goal: "b" }]);
  });

  it("picks up the rows of the measure's progress reports", () => {
    const reportId = t.one<number>("select id from progress_reports where measure_id = ? order by id limit 1", measureId);
    t.db.insert(auditLog).values({ actorId: jiaoyuId, action: "progress.create", entity: "progress_report", entityId: String(reportId) }).run();
    expect(measureHistory(t.db, { measureId }).at(-1)).toMatchObject({ action: "progress.create", entityId: String(reportId) });
  });

  it("picks up the rows of supervision notices about the measure", () => {
    const notice = t.sqlite.prepare("select notice_id, measure_id from supervision_notice_measures order by measure_id limit 1").get() as { notice_id: number; measure_id: number };
    t.db.insert(auditLog).values({ actorId: officeId, action: "notice.reply", entity: "notice", entityId: String(notice.notice_id) }).run();
    expect(measureHistory(t.db, { measureId: notice.measure_id }).map((r) => r.action)).toContain("notice.reply");
    expect(measureHistory(t.db, { measureId: otherMeasureId }).map((r) => r.action)).not.toContain("notice.reply");
  });
});

describe("the audit log itself", () => {
  it("cannot be changed or deleted, not even by hand", () => {
    expect(() => t.sqlite.prepare("update audit_log set action = 'x'").run()).toThrow();
    expect(() => t.sqlite.prepare("delete from audit_log").run()).toThrow();
  });
});
