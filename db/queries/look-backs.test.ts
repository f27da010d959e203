import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Status } from "@/lib/domain";
import { problemStatus } from "@/lib/status";
import { codeOf } from "@/testing/app-error";
import { seededTestDb } from "@/testing/seeded-db";
import { lookBackResultBody, lookBackResultSchema } from "@/lib/validations/look-back";
import {
  listLookBacks,
  listMeasureLookBacks,
  listMeasuresAwaitingLookBack,
  lookBackCounts,
  recordLookBackResult,
  scheduleLookBack,
} from "./look-backs";
import { createUserWithPassword, setUserDisabled } from "./users";

// Against the seeded Baoan demo, fresh for every test: each one writes.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId: string;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one<string>("select id from users where username = 'office'");
});
afterEach(() => t.cleanup());

const measureWhere = (where: string) =>
  t.one<number>(
    `select m.id from measures m join problems p on p.id = m.problem_id where ${where}
     and not exists (select 1 from look_backs l where l.measure_id = m.id and l.result is null) order by m.id limit 1`,
  );
const schedule = (measureId: number, scheduledDate = TODAY) =>
  t.db.transaction((tx) => scheduleLookBack(tx, { actorId: officeId, measureId, scheduledDate, today: TODAY }));
const record = (lookBackId: number, result: "holds" | "relapsed", note = "") =>
  t.db.transaction((tx) => recordLookBackResult(tx, { actorId: officeId, lookBackId, result, note }));
const auditCount = () => t.one<number>("select count(*) from audit_log");
const auditActions = (sinceId: number) => t.column<string>("select action from audit_log where id > ? order by id", sinceId);
const lastAuditId = () => t.one<number>("select coalesce(max(id), 0) from audit_log");

describe("scheduleLookBack", () => {
  it("accepts a completed measure and an unfinished 并长期坚持 one, with one audit row each", () => {
    const completed = measureWhere("m.status = 'completed' and m.deadline_kind = 'date'");
    const ongoing = measureWhere("m.status = 'incomplete' and m.deadline_kind = 'ongoing'");
    const before = lastAuditId();

    const a = schedule(completed);
    const b = schedule(ongoing, "2026-12-01");

    expect([a.measureId, a.scheduledDate, a.result]).toEqual([completed, TODAY, null]);
    expect(b.scheduledDate).toBe("2026-12-01");
    expect(auditActions(before)).toEqual(["look_back.schedule", "look_back.schedule"]);
    expect(t.one<string>("select entity_id from audit_log where id = ?", before + 1)).toBe(String(a.id));
  });

  it("refuses a measure that is neither completed nor ongoing, and writes nothing", () => {
    const before = auditCount();
    for (const where of ["m.status = 'incomplete' and m.deadline_kind = 'date'", "m.status = 'basically_completed' and m.deadline_kind = 'date'"]) {
      expect(codeOf(() => schedule(measureWhere(where)))).toBe("VALIDATION: 只有已完成或“并长期坚持”的整改措施才能安排回头看");
    }
    expect(codeOf(() => schedule(999_999))).toBe("NOT_FOUND: 未找到该整改措施");
    expect(auditCount()).toBe(before);
  });

  it("refuses a date before today and a second pending look-back of the same measure", () => {
    const measureId = measureWhere("m.status = 'completed'");
    expect(codeOf(() => schedule(measureId, "2026-11-20"))).toBe("VALIDATION: 回头看日期不能早于今天");
    schedule(measureId, "2026-12-01");
    expect(codeOf(() => schedule(measureId, "2026-12-05"))).toBe("CONFLICT: 该措施已安排 2026-12-01 的回头看,请先记录其结果再安排下一次");
    expect(listMeasureLookBacks(t.db, { measureId })).toHaveLength(1);
  });
});

describe("recordLookBackResult", () => {
  // A completed measure of a completed problem: its relapse must pull the problem down.
  const setUp = () => {
    const measureId = measureWhere("m.status = 'completed' and m.deadline_kind = 'date' and p.status = 'completed'");
    const measure = t.sqlite.prepare("select problem_id, lead_unit_id, version from measures where id = ?").get(measureId) as {
      problem_id: number;
      lead_unit_id: number;
      version: number;
    };
    // Two liaison accounts of the lead unit, one of them disabled: only the active one hears.
    const account = (username: string) =>
      createUserWithPassword(t.db, { actorId: null, passwordHash: "x", input: { username, name: username, role: "unit", unitId: measure.lead_unit_id, isAdmin: false } });
    const active = account("lead_active");
    const disabled = account("lead_disabled");
    setUserDisabled(t.db, { actorId: officeId, userId: disabled.id, disabled: true });
    const lookBack = schedule(measureId);
    return { measureId, measure, lookBack, activeId: active.id, disabledId: disabled.id };
  };

  it("on relapse reopens the measure, rolls the problem up, notifies once and writes one audit row", () => {
    const { measureId, measure, lookBack, activeId, disabledId } = setUp();
    expect(t.one<Status>("select status from problems where id = ?", measure.problem_id)).toBe("completed");
    const before = lastAuditId();

    const recorded = record(lookBack.id, "relapsed", "  台账资料缺失,问题出现反复  ");

    expect([recorded.result, recorded.note, recorded.checkedById]).toEqual(["relapsed", "台账资料缺失,问题出现反复", officeId]);
    expect(recorded.checkedAt).toBeInstanceOf(Date);
    expect(t.one<Status>("select status from measures where id = ?", measureId)).toBe("incomplete");
    expect(t.one<number>("select version from measures where id = ?", measureId)).toBe(measure.version + 1);
    const siblings = t.column<Status>("select status from measures where problem_id = ?", measure.problem_id);
    const rolledUp = t.one<Status>("select status from problems where id = ?", measure.problem_id);
    expect(rolledUp).toBe(problemStatus(siblings));
    expect(rolledUp).toBe("incomplete");

    expect(auditActions(before)).toEqual(["measure.reopen"]);
    const reopen = JSON.parse(t.one<string>("select after from audit_log where action = 'measure.reopen' and id > ?", before));
    expect(reopen).toMatchObject({ status: "incomplete", reason: "台账资料缺失,问题出现反复", lookBackId: lookBack.id });

    const notes = t.sqlite.prepare("select user_id, kind, link, body from notifications where kind = 'relapsed'").all() as {
      user_id: string;
      kind: string;
      link: string;
      body: string;
    }[];
    expect(notes).toEqual([{ user_id: activeId, kind: "relapsed", link: `/measures/${measureId}`, body: "台账资料缺失,问题出现反复" }]);
    expect(notes.some((n) => n.user_id === disabledId)).toBe(false);

    // Recording again is refused and changes nothing: no second reopen, no second notice.
    expect(codeOf(() => record(lookBack.id, "relapsed", "再次记录"))).toBe("CONFLICT: 该回头看已记录结果,不能重复记录");
    expect(auditActions(before)).toHaveLength(1);
    expect(t.one<number>("select count(*) from notifications where kind = 'relapsed'")).toBe(1);
  });

  it("on holds keeps the measure's status, notifies nobody and writes one audit row", () => {
    const { measureId, lookBack } = setUp();
    const before = lastAuditId();
    const recorded = record(lookBack.id, "holds");
    expect([recorded.result, recorded.note]).toEqual(["holds", null]);
    expect(t.one<Status>("select status from measures where id = ?", measureId)).toBe("completed");
    expect(auditActions(before)).toEqual(["look_back.record"]);
    expect(t.one<number>("select count(*) from notifications where kind = 'relapsed'")).toBe(0);
    // Done, the measure may be scheduled again.
    expect(schedule(measureId, "2027-05-21").result).toBeNull();
  });

  it("refuses an unknown look-back", () => {
    expect(codeOf(() => record(999_999, "holds"))).toBe("NOT_FOUND: 未找到该回头看");
  });
});

describe("look-back validation", () => {
  it("requires a note for a relapse, in Chinese, on the note field", () => {
    const result = lookBackResultBody.safeParse({ result: "relapsed", note: "   " });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["note", "反弹时须填写情况说明(将作为重新打开的原因)"]]);
    expect(lookBackResultBody.safeParse({ result: "holds" }).success).toBe(true);
    expect(lookBackResultSchema.safeParse({ lookBackId: "3", result: "bad", note: "" }).error?.issues[0]?.message).toBe("请选择回头看结果(巩固或反弹)");
  });
});

describe("the /look-backs lists", () => {
  it("sorts pending look-backs into due and upcoming, and offers only eligible measures without one", () => {
    const completed = measureWhere("m.status = 'completed' and m.deadline_kind = 'date'");
    const roundId = t.roundId();
    const awaitingBefore = listMeasuresAwaitingLookBack(t.db, { roundId }).map((r) => r.measureId);
    expect(awaitingBefore).toContain(completed);
    const countsBefore = lookBackCounts(t.db, { today: TODAY, roundId });

    const lookBack = schedule(completed);

    const due = listLookBacks(t.db, { view: "due", today: TODAY, roundId });
    expect(due.map((r) => r.id)).toEqual([lookBack.id]);
    const upcoming = listLookBacks(t.db, { view: "upcoming", today: TODAY });
    // The demo schedules its own look-backs 30 days ahead for completed 并长期坚持 measures.
    expect(upcoming.length).toBe(t.one<number>("select count(*) from look_backs where result is null and scheduled_date > ?", TODAY));
    expect(upcoming.every((r) => r.scheduledDate > TODAY)).toBe(true);
    expect(listMeasuresAwaitingLookBack(t.db, { roundId }).map((r) => r.measureId)).not.toContain(completed);
    expect(lookBackCounts(t.db, { today: TODAY, roundId })).toEqual({
      ...countsBefore,
      due: countsBefore.due + 1,
      unscheduled: countsBefore.unscheduled - 1,
    });
    // Another round's filter shows none of them.
    expect(listLookBacks(t.db, { view: "due", today: TODAY, roundId: roundId + 1000 })).toEqual([]);

    record(lookBack.id, "holds");
    expect(listLookBacks(t.db, { view: "checked", today: TODAY }).map((r) => [r.id, r.result, r.checkerName])).toEqual([[lookBack.id, "holds", "陈整改"]]);
  });
});
