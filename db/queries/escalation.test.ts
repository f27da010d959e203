import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { saveThresholds } from "./escalation-thresholds";
import { escalationHistory } from "./escalation";
import { confirmDraft, dismissDraft, listPendingDrafts } from "./notice-drafts";
import { createMeasure, createProblem } from "./plan-edit";
import { runReminders } from "./reminders";
import { createRound } from "./rounds";
import { setUnitHeads } from "./unit-heads";
import { createUserWithPassword } from "./users";

// The escalation ladder run by the daily reminder job against a migrated temp database, on
// a frozen day (Friday 2026-11-20, as the e2e server). A round of its own holds one measure
// 20, 10, 0 and −30 days from its deadline, all led by 区教育局, whose liaison is the demo's
// jiaoyu; the bureau records an account as 分管领导 and a contact as 主要负责人; the
// problem's 牵头领导 "区政府副区长 林某" has a leader account of that name.

const TODAY = "2026-11-20";
const day = (offset: number, from = TODAY) => new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
let t: Awaited<ReturnType<typeof seededTestDb>>;
let ids: { office: string; jiaoyu: string; deputy: string; leader: string; leaderWang: string };
let round: number;
let measure: Record<"m20" | "m10" | "m0" | "late30" | "m21" | "done", number>;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
  // The demo round would escalate too; this suite watches a round of its own.
  t.sqlite.prepare("update rounds set archived_at = 1").run();
  const user = (username: string) => t.one<string>("select id from users where username = ?", username);
  const edu = t.unitIdOf("区教育局");
  const hash = t.one<string>("select password from accounts limit 1");
  t.db.transaction((tx) => {
    const account = (username: string, name: string, role: "unit" | "leader", unitId: number) =>
      createUserWithPassword(tx, { actorId: null, passwordHash: hash, input: { username, name, role, unitId, isAdmin: false } }).id;
    ids = {
      office: user("office"),
      jiaoyu: user("jiaoyu"),
      leaderWang: user("leader"),
      deputy: account("edu_deputy", "副局长甲", "unit", edu),
      leader: account("lin", "林某", "leader", t.unitIdOf("中共深圳市宝安区委员会")),
    };
    setUnitHeads(tx, { actorId: ids.office, unitId: edu, deputy: { userId: ids.deputy }, principal: { name: "郑局长", phone: "0755-2779 0000" } });
    round = createRound(tx, {
      actorId: ids.office,
      input: {
        name: "预警升级测试轮次", kind: "patrol", inspectingBody: "区委第一巡察组", inspectedBody: "区教育局", inspectedUnitId: null,
        inspectionStart: null, inspectionEnd: null, feedbackDate: "2026-06-01", deadline: null, dueSoonDays: 7,
      },
    }).id;
    const ctx = { actorId: ids.office, roundId: round };
    const problem = createProblem(tx, {
      ...ctx,
      input: { number: 1, title: "学位供给不足", description: "", leadLeader: "区政府副区长 林某", leadUnitId: edu, aspectId: null },
    }).id;
    const dated = (text: string, offset: number) =>
      createMeasure(tx, {
        ...ctx,
        problemId: problem,
        input: { text, goal: "", leadUnitId: edu, coUnitIds: [], deadline: day(offset), deadlineKind: "date", deadlineText: day(offset), category: "time_limited" },
      }).id;
    measure = { m20: dated("二十天后到期", 20), m10: dated("十天后到期", 10), m0: dated("今天到期", 0), late30: dated("逾期三十天", -30), m21: dated("二十一天后到期", 21), done: dated("已完成的逾期措施", -30) };
  });
  t.sqlite.prepare("update measures set status = 'completed' where id = ?").run(measure.done);
});
afterEach(() => t.cleanup());

/** step of each measure, by the names above. */
function stepsByMeasure(): Record<string, string[]> {
  const rows = t.sqlite.prepare("select measure_id m, step from escalation_steps order by id").all() as { m: number; step: string }[];
  return Object.fromEntries(Object.entries(measure).map(([name, id]) => [name, rows.filter((r) => r.m === id).map((r) => r.step)]));
}
/** Escalation notifications per user: which measures (by name) reached them. */
function reached(userId: string): string[] {
  const links = t.column<string>("select link from notifications where kind = 'escalation' and user_id = ? order by link", userId);
  return Object.entries(measure)
    .filter(([, id]) => links.includes(`/measures/${id}`))
    .map(([name]) => name)
    .sort();
}
const count = (query: string, ...params: unknown[]) => t.one<number>(query, ...params);

describe("the ladder on a frozen day", () => {
  it("measures 20, 10, 0 and −30 days from their deadline reach the right people, once each", () => {
    const notificationsBefore = count("select count(*) from notifications");
    const counts = runReminders(t.db, { today: TODAY });
    expect(stepsByMeasure()).toEqual({ m20: ["liaison"], m10: ["deputy"], m0: ["principal"], late30: ["lead_leader"], m21: [], done: [] });
    expect(counts).toMatchObject({ escalated: 4, noticeDrafts: 1 });

    // The liaison hears of all four; the 分管领导 from 10 days on; the 牵头领导 at −30 only.
    expect(reached(ids.jiaoyu)).toEqual(["late30", "m0", "m10", "m20"]);
    expect(reached(ids.deputy)).toEqual(["late30", "m0", "m10"]);
    expect(reached(ids.leader)).toEqual(["late30"]);
    // Another leader account is not the problem's 牵头领导.
    expect(reached(ids.leaderWang)).toEqual([]);
    // 4 + 3 + 1 step notifications, and the office is told of the draft.
    expect(counts.escalationNotifications).toBe(9);
    expect(count("select count(*) from notifications where kind = 'notice_drafted' and user_id = ?", ids.office)).toBe(1);
    expect(counts.total).toBe(count("select count(*) from notifications") - notificationsBefore);

    // The 主要负责人 has no account: recorded as a contact to phone, on both steps that reached the rung.
    const principal = t.sqlite
      .prepare("select s.step, r.reach, r.name, r.phone from escalation_recipients r join escalation_steps s on s.id = r.step_id where r.rung = 'principal' order by s.id")
      .all();
    expect(principal).toEqual([
      { step: "principal", reach: "contact", name: "郑局长", phone: "0755-2779 0000" },
      { step: "lead_leader", reach: "contact", name: "郑局长", phone: "0755-2779 0000" },
    ]);
    const top = escalationHistory(t.db, { measureId: measure.late30 })[0]!;
    expect(top).toMatchObject({ step: "lead_leader", reachedOn: TODAY, daysLeft: -30, deadline: day(-30) });
    expect(top.recipients.map((r) => `${r.rung} ${r.reach} ${r.name}`)).toEqual([
      "liaison notified 林教育",
      "deputy notified 副局长甲",
      "principal contact 郑局长",
      "lead_leader notified 林某",
    ]);
  });

  it("the office gets the drafted 督办单 for the unit at the top", () => {
    runReminders(t.db, { today: TODAY });
    const drafts = listPendingDrafts(t.db, { today: TODAY });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      roundId: round,
      unitName: "区教育局",
      level: "supervise",
      replyDeadline: "2026-11-27",
      measures: [{ id: measure.late30, leadLeader: "区政府副区长 林某" }],
    });
    expect(drafts[0]!.request).toContain("逾期已达 30 天以上");
  });

  it("a second run the same day, or the next, sends nothing twice", () => {
    const first = runReminders(t.db, { today: TODAY });
    const rows = () => ({
      steps: count("select count(*) from escalation_steps"),
      recipients: count("select count(*) from escalation_recipients"),
      drafts: count("select count(*) from notice_drafts"),
      notifications: count("select count(*) from notifications"),
    });
    const before = rows();
    const again = runReminders(t.db, { today: TODAY });
    expect(again).toMatchObject({ escalated: 0, escalationNotifications: 0, noticeDrafts: 0, digests: 0, total: 0 });
    expect(rows()).toEqual(before);
    // The next day 19, 9, −1 and −31 days stay on their rung; only the measure due in 21
    // days crosses 20 and reaches its liaison.
    expect(runReminders(t.db, { today: day(1) })).toMatchObject({ escalated: 1, noticeDrafts: 0 });
    expect(rows().steps).toBe(before.steps + 1);
    expect(stepsByMeasure()).toMatchObject({ m20: ["liaison"], m10: ["deputy"], m0: ["principal"], late30: ["lead_leader"], m21: ["liaison"] });
    expect(first.escalated).toBe(4);
    // Ten days on, the measures climb: 20 → 10 reaches the 分管领导, 10 → 0 the 主要负责人.
    expect(runReminders(t.db, { today: day(10) })).toMatchObject({ escalated: 2 });
    expect(stepsByMeasure()).toMatchObject({ m20: ["liaison", "deputy"], m10: ["deputy", "principal"], m0: ["principal"], m21: ["liaison"] });
  });

  it("a measure first seen late goes straight to the top, and its skipped rungs are never sent", () => {
    runReminders(t.db, { today: day(30) });
    expect(stepsByMeasure()).toMatchObject({ m0: ["lead_leader"], m10: ["principal"], m20: ["principal"] });
    runReminders(t.db, { today: day(40) });
    expect(stepsByMeasure()).toMatchObject({ m0: ["lead_leader"], m10: ["principal", "lead_leader"] });
  });

  it("a moved deadline starts the ladder afresh", () => {
    runReminders(t.db, { today: TODAY });
    t.sqlite.prepare("update measures set deadline = ? where id = ?").run(day(10), measure.late30);
    expect(runReminders(t.db, { today: TODAY })).toMatchObject({ escalated: 1, noticeDrafts: 0 });
    expect(stepsByMeasure().late30).toEqual(["lead_leader", "deputy"]);
  });

  it("follows the round's own thresholds", () => {
    saveThresholds(t.db, { roundId: round, thresholds: { liaisonDays: 30, deputyDays: 21, principalDays: 10, leadLeaderOverdueDays: 60 } });
    runReminders(t.db, { today: TODAY });
    expect(stepsByMeasure()).toEqual({ m20: ["deputy"], m10: ["principal"], m0: ["principal"], late30: ["principal"], m21: ["deputy"], done: [] });
    expect(count("select count(*) from notice_drafts")).toBe(0);
  });

  it("leaves completed measures and archived rounds alone", () => {
    t.sqlite.prepare("update rounds set archived_at = 1 where id = ?").run(round);
    expect(runReminders(t.db, { today: TODAY })).toMatchObject({ escalated: 0, total: 0 });
    expect(count("select count(*) from escalation_steps")).toBe(0);
  });
});

describe("the drafted 督办单", () => {
  it("one click issues it as any notice: numbered, the unit told, the draft closed; the job drafts no second one", () => {
    runReminders(t.db, { today: TODAY });
    const draft = listPendingDrafts(t.db, { today: TODAY })[0]!;
    const notice = t.db.transaction((tx) => confirmDraft(tx, { actorId: ids.office, draftId: draft.id, today: TODAY }));
    expect(notice).toMatchObject({ roundId: round, unitId: t.unitIdOf("区教育局"), level: "supervise", replyDeadline: "2026-11-27", state: "open", issuedById: ids.office });
    expect(t.column<number>("select measure_id from supervision_notice_measures where notice_id = ?", notice.id)).toEqual([measure.late30]);
    expect(t.one("select state from notice_drafts where id = ?", draft.id)).toBe("issued");
    expect(t.one("select notice_id from notice_drafts where id = ?", draft.id)).toBe(notice.id);
    expect(count("select count(*) from notifications where kind = 'notice_received' and user_id = ? and link = ?", ids.jiaoyu, `/notices/${notice.id}`)).toBe(1);
    expect(t.column("select action from audit_log where entity = 'notice' and entity_id = ?", String(notice.id))).toEqual(["notice.issue_draft"]);
    expect(listPendingDrafts(t.db, { today: TODAY })).toEqual([]);
    expect(() => t.db.transaction((tx) => confirmDraft(tx, { actorId: ids.office, draftId: draft.id, today: TODAY }))).toThrow("该草稿已确认发出");
    expect(runReminders(t.db, { today: day(1) }).noticeDrafts).toBe(0);

    // The next measure of the unit to reach the top opens a new draft, one level up (三明).
    runReminders(t.db, { today: day(30) });
    const next = listPendingDrafts(t.db, { today: day(30) });
    expect(next.map((d) => d.measures.map((m) => m.id))).toEqual([[measure.m0]]);
    expect(next[0]!.level).toBe("supervise");
  });

  it("a measure completed before confirmation leaves the draft; with none left it cannot be issued, only set aside", () => {
    runReminders(t.db, { today: TODAY });
    const draftId = listPendingDrafts(t.db, { today: TODAY })[0]!.id;
    t.sqlite.prepare("update measures set status = 'completed' where id = ?").run(measure.late30);
    expect(listPendingDrafts(t.db, { today: TODAY })[0]!.measures).toEqual([]);
    expect(() => t.db.transaction((tx) => confirmDraft(tx, { actorId: ids.office, draftId, today: TODAY }))).toThrow(/均已完成/);
    t.db.transaction((tx) => dismissDraft(tx, { actorId: ids.office, draftId }));
    expect(t.one("select state from notice_drafts where id = ?", draftId)).toBe("dismissed");
    expect(count("select count(*) from supervision_notices where round_id = ?", round)).toBe(0);
  });
});

describe("the leaders' weekly digest", () => {
  it("on the next week's first run, each head and leader reached gets one digest of last week; never twice", () => {
    runReminders(t.db, { today: TODAY });
    const monday = runReminders(t.db, { today: "2026-11-23" });
    expect(monday.digests).toBe(2);
    const digests = t.sqlite
      .prepare("select user_id userId, title, body, link, dedupe_key dedupeKey from notifications where kind = 'escalation_digest' order by id")
      .all() as { userId: string; title: string; body: string; link: string; dedupeKey: string }[];
    // The liaison is not a leader: it has every step's own notification already.
    expect(digests.map((d) => d.userId).sort()).toEqual([ids.deputy, ids.leader].sort());
    const deputy = digests.find((d) => d.userId === ids.deputy)!;
    expect(deputy).toMatchObject({ title: "2026年第47周预警升级周报:3 项整改措施报到您这里", link: "/my-tasks", dedupeKey: `escalation_digest:2026-W47:user:${ids.deputy}` });
    expect(deputy.body).toContain("逾期三十天(区教育局)——逾期升级:告知牵头领导,已逾期 30 天");
    expect(digests.find((d) => d.userId === ids.leader)).toMatchObject({ title: "2026年第47周预警升级周报:1 项整改措施报到您这里", link: "/ledger" });
    expect(runReminders(t.db, { today: "2026-11-23" }).digests).toBe(0);
    expect(runReminders(t.db, { today: "2026-11-26" }).digests).toBe(0);
    // A week in which nothing reached them sends nothing.
    expect(runReminders(t.db, { today: "2026-11-30" }).digests).toBe(0);
  });
});
