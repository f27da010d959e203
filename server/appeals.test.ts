import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB, Tx } from "@/db/client";
import { addProgressReport, returnClaim, reviewQueue, signOffClaim } from "@/db/queries/progress";
import { appealCounts, listAppeals } from "@/db/queries/appeals";
import { deadlineState } from "@/lib/deadline-state";
import { visibleUnitIds, type Actor } from "@/lib/permissions";
import { seededTestDb } from "@/testing/seeded-db";
import { expectRefusedUnchanged } from "@/testing/table-dump";

// 申诉 (issue 16 item 5), the use cases on the seeded demo in a migrated temp database: a unit
// appeals a return or an overdue mark, the office decides, and what each decision changes.
// Every refusal leaves the database as it was.

const state = vi.hoisted(() => ({ db: undefined as DB | undefined }));
vi.mock("@/db", () => ({
  get db() {
    return state.db;
  },
}));

const { appealOverdue, appealReturn, decideAppeal } = await import("@/server/appeals");
const { actorOf } = await import("@/server/session");

const TODAY = "2026-11-20";
const savedToday = process.env.RECTIFY_TODAY;
process.env.RECTIFY_TODAY = TODAY;
afterAll(() => {
  if (savedToday === undefined) delete process.env.RECTIFY_TODAY;
  else process.env.RECTIFY_TODAY = savedToday;
});

let t: Awaited<ReturnType<typeof seededTestDb>>;
const as = (username: string): Actor => actorOf(t.one<string>("select id from users where username = ?", username))!;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
  state.db = t.db;
});
afterEach(() => t.cleanup());

const expectUnchanged = (write: () => unknown, error: RegExp) => expectRefusedUnchanged(t.sqlite, write, error);

const edu = () => t.unitIdOf("区教育局");
const row = <T>(query: string, ...params: unknown[]) => t.sqlite.prepare(query).get(...params) as T;
const auditActions = (measureId: number) =>
  t.column<string>(
    `select action from audit_log where (entity = 'appeal' and entity_id in (select cast(id as text) from appeals where measure_id = ?))
       or (entity = 'progress_report' and entity_id in (select cast(id as text) from progress_reports where measure_id = ?))
       or (entity = 'measure' and entity_id = cast(cast(? as integer) as text)) order by id`,
    measureId, measureId, measureId,
  );
const notificationsOf = (username: string) =>
  t.sqlite
    .prepare("select n.kind, n.title, n.body, n.link from notifications n join users u on u.id = n.user_id where u.username = ? and n.kind = 'appeal_decided' order by n.id")
    .all(username) as { kind: string; title: string; body: string; link: string }[];

/** A 区教育局 measure the office returned a 已完成 claim of; the claim's id. */
function returnedClaim(measureId = t.one<number>("select id from measures where lead_unit_id = ? and status = 'incomplete' order by id limit 1", edu())) {
  const office = as("office").id;
  return t.db.transaction((tx: Tx) => {
    const claim = addProgressReport(tx, {
      actorId: as("jiaoyu").id, measureId, unitId: edu(), isLead: true, currentStatus: "incomplete",
      input: { reportDate: TODAY, text: "学位建设任务已全部完成", percent: 100, milestone: null, claimedStatus: "completed" },
      evidence: [{ fileName: "验收意见.pdf", mimeType: "application/pdf", size: 10, sha256: "d".repeat(64), storedPath: "dd/dddd" }],
    });
    returnClaim(tx, { actorId: office, reportId: claim.id, reason: "佐证材料不全,缺少验收意见" });
    return { reportId: claim.id, measureId };
  });
}

/** 区教育局's overdue measure in the demo (due 2026-11-06, 未完成). */
const overdueMeasure = () =>
  t.one<number>("select id from measures where lead_unit_id = ? and status != 'completed' and deadline < ? order by id limit 1", edu(), TODAY);

describe("an appeal against a return", () => {
  it("granted: the claim waits for the office again, and is then signed off the ordinary way", () => {
    const { reportId, measureId } = returnedClaim();
    const appeal = appealReturn(as("jiaoyu"), { reportId, reason: "验收意见已随第二份附件报送,请核对" });
    expect(appeal).toMatchObject({ subject: "return", decision: null, progressReportId: reportId, unitId: edu(), returnNote: "佐证材料不全,缺少验收意见" });

    const decided = decideAppeal(as("office"), { appealId: appeal.id, decision: "granted", decisionReason: "附件中已有验收意见,退回有误", newDeadline: null });
    expect(decided).toMatchObject({ decision: "granted", decisionReason: "附件中已有验收意见,退回有误", newDeadline: null });
    expect(row("select review_state reviewState, review_note reviewNote, reviewer_id reviewerId from progress_reports where id = ?", reportId)).toEqual({
      reviewState: "pending", reviewNote: null, reviewerId: null,
    });
    expect(reviewQueue(t.db, {}).map((c) => c.id)).toContain(reportId);
    expect(notificationsOf("jiaoyu")).toEqual([
      { kind: "appeal_decided", title: "对退回申报的申诉:申诉成立", body: "处理理由:附件中已有验收意见,退回有误", link: `/measures/${measureId}#appeals` },
    ]);

    t.db.transaction((tx: Tx) => signOffClaim(tx, { actorId: as("office").id, reportId }));
    expect(t.one<string>("select status from measures where id = ?", measureId)).toBe("completed");
    expect(auditActions(measureId)).toEqual(["progress.claim", "claim.return", "appeal.submit", "appeal.grant", "measure.sign_off"]);
  });

  it("rejected: the claim stays returned and nothing else changes", () => {
    const { reportId, measureId } = returnedClaim();
    const appeal = appealReturn(as("jiaoyu"), { reportId, reason: "退回理由不成立" });
    const measureBefore = row("select * from measures where id = ?", measureId);
    decideAppeal(as("office"), { appealId: appeal.id, decision: "rejected", decisionReason: "确未附验收意见", newDeadline: "2027-01-31" });
    expect(row("select decision, decision_reason reason, new_deadline newDeadline from appeals where id = ?", appeal.id)).toEqual({
      decision: "rejected", reason: "确未附验收意见", newDeadline: null,
    });
    expect(t.one<string>("select review_state from progress_reports where id = ?", reportId)).toBe("returned");
    expect(row("select * from measures where id = ?", measureId)).toEqual(measureBefore);
    expect(notificationsOf("jiaoyu").map((n) => n.title)).toEqual(["对退回申报的申诉:申诉不成立"]);
    // The decision is final: the unit answers the return with a new claim instead.
    expectUnchanged(() => appealReturn(as("jiaoyu"), { reportId, reason: "再次申诉" }), /该申报已申诉过一次,不能再次申诉/);
  });

  it("is one at a time: a second appeal while the first is open is refused", () => {
    const { reportId } = returnedClaim();
    appealReturn(as("jiaoyu"), { reportId, reason: "第一次申诉" });
    expectUnchanged(() => appealReturn(as("jiaoyu"), { reportId, reason: "第二次申诉" }), /已对该退回提出申诉,请等待整改办处理/);
  });

  it("is refused for a claim that was not returned, or that a newer claim has replaced", () => {
    const pending = t.db.transaction((tx: Tx) =>
      addProgressReport(tx, {
        actorId: as("jiaoyu").id, measureId: overdueMeasure(), unitId: edu(), isLead: true, currentStatus: "incomplete",
        input: { reportDate: TODAY, text: "已完成", percent: 100, milestone: null, claimedStatus: "completed" }, evidence: [],
      }),
    );
    expectUnchanged(() => appealReturn(as("jiaoyu"), { reportId: pending.id, reason: "申诉" }), /只能对被退回的申报提出申诉/);
    const { reportId, measureId } = returnedClaim();
    t.db.transaction((tx: Tx) =>
      addProgressReport(tx, {
        actorId: as("jiaoyu").id, measureId, unitId: edu(), isLead: true, currentStatus: "incomplete",
        input: { reportDate: TODAY, text: "补充验收意见后重新申报", percent: 100, milestone: null, claimedStatus: "completed" }, evidence: [],
      }),
    );
    expectUnchanged(() => appealReturn(as("jiaoyu"), { reportId, reason: "申诉" }), /此后已重新申报/);
  });

  it("cannot be granted once the unit has claimed again meanwhile: one claim waits, the new one", () => {
    const { reportId, measureId } = returnedClaim();
    const appeal = appealReturn(as("jiaoyu"), { reportId, reason: "退回有误" });
    const again = t.db.transaction((tx: Tx) =>
      addProgressReport(tx, {
        actorId: as("jiaoyu").id, measureId, unitId: edu(), isLead: true, currentStatus: "incomplete",
        input: { reportDate: TODAY, text: "补充验收意见后重新申报", percent: 100, milestone: null, claimedStatus: "completed" }, evidence: [],
      }),
    );
    expectUnchanged(
      () => decideAppeal(as("office"), { appealId: appeal.id, decision: "granted", decisionReason: "退回有误", newDeadline: null }),
      /单位在申诉后已重新申报/,
    );
    decideAppeal(as("office"), { appealId: appeal.id, decision: "rejected", decisionReason: "已重新申报,按新申报审核", newDeadline: null });
    expect(reviewQueue(t.db, {}).filter((c) => c.measureId === measureId).map((c) => c.id)).toEqual([again.id]);
  });

  it("of another unit's measure is refused as if the claim did not exist", () => {
    const { reportId } = returnedClaim();
    expectUnchanged(() => appealReturn(as("xinan"), { reportId, reason: "越权申诉" }), /^未找到该申报$/);
    expectUnchanged(() => appealReturn(as("xinan"), { reportId: 987_654, reason: "不存在的申报" }), /^未找到该申报$/);
  });
});

describe("an appeal against an overdue mark", () => {
  it("granted with a new deadline: the measure is no longer overdue", () => {
    const measureId = overdueMeasure();
    const before = row<{ deadline: string; version: number; dueSoonDays: number }>(
      "select m.deadline, m.version, r.due_soon_days dueSoonDays from measures m join rounds r on r.id = m.round_id where m.id = ?", measureId,
    );
    expect(deadlineState({ deadline: before.deadline, status: "incomplete", today: TODAY, dueSoonDays: before.dueSoonDays }).state).toBe("overdue");
    const appeal = appealOverdue(as("jiaoyu"), { measureId, reason: "施工许可审批延误两个月,已报区政府同意" });
    expect(appeal).toMatchObject({ subject: "overdue", overdueDeadline: before.deadline, progressReportId: null });

    decideAppeal(as("office"), { appealId: appeal.id, decision: "granted", decisionReason: "审批延误属实,同意延期", newDeadline: "2027-01-31" });
    const after = row<{ deadline: string; deadlineText: string; deadlineKind: string; version: number; status: string }>(
      "select deadline, deadline_text deadlineText, deadline_kind deadlineKind, version, status from measures where id = ?", measureId,
    );
    expect(after).toEqual({ deadline: "2027-01-31", deadlineText: "2027年1月31日", deadlineKind: "date", version: before.version + 1, status: "incomplete" });
    expect(deadlineState({ deadline: after.deadline, status: "incomplete", today: TODAY, dueSoonDays: before.dueSoonDays }).state).toBe("on_track");
    expect(t.one<string>("select new_deadline from appeals where id = ?", appeal.id)).toBe("2027-01-31");
    expect(notificationsOf("jiaoyu")).toEqual([
      expect.objectContaining({ title: "对逾期认定的申诉:申诉成立", body: "完成时限延至 2027-01-31。处理理由:审批延误属实,同意延期" }),
    ]);
    // One audit row for the decision, holding the deadline before and after.
    const audit = row<{ before: string; after: string }>("select before, after from audit_log where entity = 'appeal' and action = 'appeal.grant'");
    expect(JSON.parse(audit.before)).toMatchObject({ decision: null, deadline: before.deadline });
    expect(JSON.parse(audit.after)).toMatchObject({ decision: "granted", deadline: "2027-01-31", deadlineText: "2027年1月31日" });
    expect(auditActions(measureId)).toEqual(["appeal.submit", "appeal.grant"]);
  });

  it("granted needs a new deadline after today; refused, nothing changes", () => {
    const appeal = appealOverdue(as("jiaoyu"), { measureId: overdueMeasure(), reason: "申诉" });
    const decide = (newDeadline: string | null) => () =>
      decideAppeal(as("office"), { appealId: appeal.id, decision: "granted", decisionReason: "同意延期", newDeadline });
    expectUnchanged(decide(null), /申诉成立时须填写延期后的完成时限/);
    expectUnchanged(decide(TODAY), /延期后的完成时限须晚于今天/);
    expectUnchanged(decide("2026-10-01"), /延期后的完成时限须晚于今天/);
    try {
      decide(TODAY)();
    } catch (error) {
      expect((error as { fieldErrors?: unknown }).fieldErrors).toEqual({ newDeadline: ["延期后的完成时限须晚于今天"] });
    }
  });

  it("rejected: the measure stays overdue on its deadline, and that deadline cannot be appealed again", () => {
    const measureId = overdueMeasure();
    const measureBefore = row("select * from measures where id = ?", measureId);
    const appeal = appealOverdue(as("jiaoyu"), { measureId, reason: "已基本完成" });
    decideAppeal(as("office"), { appealId: appeal.id, decision: "rejected", decisionReason: "未按期完成,理由不成立", newDeadline: null });
    expect(row("select * from measures where id = ?", measureId)).toEqual(measureBefore);
    expect(notificationsOf("jiaoyu").map((n) => [n.title, n.body])).toEqual([["对逾期认定的申诉:申诉不成立", "处理理由:未按期完成,理由不成立"]]);
    expectUnchanged(() => appealOverdue(as("jiaoyu"), { measureId, reason: "再次申诉" }), /对该完成时限的逾期已申诉过一次/);
  });

  it("is one at a time, and only for a measure that is overdue", () => {
    const measureId = overdueMeasure();
    appealOverdue(as("jiaoyu"), { measureId, reason: "第一次" });
    expectUnchanged(() => appealOverdue(as("jiaoyu"), { measureId, reason: "第二次" }), /已对该措施的逾期提出申诉,请等待整改办处理/);
    const onTime = t.one<number>("select id from measures where lead_unit_id = ? and status != 'completed' and deadline > ? order by id limit 1", edu(), TODAY);
    expectUnchanged(() => appealOverdue(as("jiaoyu"), { measureId: onTime, reason: "申诉" }), /该措施未逾期/);
  });

  it("of another unit's measure is refused; a co-responsible unit sees the measure but the lead unit appeals", () => {
    expectUnchanged(() => appealOverdue(as("xinan"), { measureId: overdueMeasure(), reason: "越权申诉" }), /^未找到该整改措施$/);
    // 新安街道 shares an overdue measure that another unit leads.
    const shared = t.one<number>(
      `select m.id from measures m join measure_co_units c on c.measure_id = m.id
       where c.unit_id = ? and m.lead_unit_id != c.unit_id and m.status != 'completed' and m.deadline < ? order by m.id limit 1`,
      t.unitIdOf("新安街道"), TODAY,
    );
    expectUnchanged(() => appealOverdue(as("xinan"), { measureId: shared, reason: "配合单位申诉" }), /只有牵头单位可以对退回或逾期提出申诉/);
  });
});

describe("who may do what", () => {
  it("only the office decides: a unit or a leader is refused, whatever the appeal", () => {
    const appeal = appealOverdue(as("jiaoyu"), { measureId: overdueMeasure(), reason: "申诉" });
    for (const username of ["jiaoyu", "xinan", "leader"]) {
      expectUnchanged(
        () => decideAppeal(as(username), { appealId: appeal.id, decision: "granted", decisionReason: "自己批准", newDeadline: "2027-06-30" }),
        /^您没有执行此操作的权限$/,
      );
    }
  });

  it("only a unit appeals: the office and a leader are refused", () => {
    const { reportId } = returnedClaim();
    for (const username of ["office", "leader"]) {
      expectUnchanged(() => appealReturn(as(username), { reportId, reason: "代为申诉" }), /^您没有执行此操作的权限$/);
      expectUnchanged(() => appealOverdue(as(username), { measureId: overdueMeasure(), reason: "代为申诉" }), /^您没有执行此操作的权限$/);
    }
  });

  it("a decision is made once: a second one is refused", () => {
    const appeal = appealOverdue(as("jiaoyu"), { measureId: overdueMeasure(), reason: "申诉" });
    decideAppeal(as("office"), { appealId: appeal.id, decision: "rejected", decisionReason: "理由不成立", newDeadline: null });
    expectUnchanged(
      () => decideAppeal(as("office"), { appealId: appeal.id, decision: "granted", decisionReason: "改变主意", newDeadline: "2027-06-30" }),
      /该申诉已处理,不能重复处理/,
    );
    expectUnchanged(() => decideAppeal(as("office"), { appealId: 987_654, decision: "rejected", decisionReason: "无", newDeadline: null }), /^未找到该申诉$/);
  });

  it("the list of appeals keeps to the units the actor answers for", () => {
    const appeal = appealOverdue(as("jiaoyu"), { measureId: overdueMeasure(), reason: "申诉" });
    const listed = (username: string) => {
      const unitIds = visibleUnitIds(as(username), "appeal.read");
      return { ids: listAppeals(t.db, { view: "open", unitIds }).map((a) => a.id), counts: appealCounts(t.db, { unitIds }) };
    };
    expect(listed("office")).toEqual({ ids: [appeal.id], counts: { open: 1, decided: 0 } });
    expect(listed("jiaoyu")).toEqual({ ids: [appeal.id], counts: { open: 1, decided: 0 } });
    expect(listed("xinan")).toEqual({ ids: [], counts: { open: 0, decided: 0 } });
    expect(listed("leader")).toEqual({ ids: [], counts: { open: 0, decided: 0 } });
  });
});
