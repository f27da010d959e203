import { describe, expect, it } from "vitest";
import type { DeadlineKind, EscalationStep, Status } from "./domain";
import {
  DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS,
  escalationDue,
  leaderNamesOf,
  notifiedUserIds,
  reachedStep,
  rungsOf,
  stepRecipients,
  type EscalationThresholds,
  type UnitHead,
} from "./escalation";
import {
  digestNotification,
  digestWeek,
  draftNoticeLevel,
  draftReplyDeadline,
  draftsNotification,
  escalationNotification,
  lateness,
  recipientLine,
} from "./escalation-messages";

// A Friday: the e2e server's frozen day.
const TODAY = "2026-11-20";
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describe("escalationDue: the default ladder (江津 三色预警)", () => {
  const cases: [offset: number, expected: EscalationStep | null][] = [
    [30, null],
    [21, null],
    // 20 days ahead: the liaison; 10: also the 分管领导; the deadline day: the 主要负责人.
    [20, "liaison"],
    [15, "liaison"],
    [11, "liaison"],
    [10, "deputy"],
    [1, "deputy"],
    [0, "principal"],
    [-1, "principal"],
    [-29, "principal"],
    // 30 days late: the problem's 牵头领导 (and the office's drafted 督办单).
    [-30, "lead_leader"],
    [-200, "lead_leader"],
  ];
  it.each(cases)("deadline %i days from today → %s", (offset, expected) => {
    const due = escalationDue({ deadline: day(offset), deadlineKind: "date", status: "incomplete", roundArchived: false, today: TODAY, thresholds: DEFAULTS, sent: [] });
    expect(due).toEqual(expected === null ? null : { step: expected, daysLeft: offset });
  });
});

describe("escalationDue: each step once, never downwards, afresh for a new deadline", () => {
  const at = (offset: number, sent: EscalationStep[]) =>
    escalationDue({ deadline: day(offset), deadlineKind: "date", status: "incomplete", roundArchived: false, today: TODAY, thresholds: DEFAULTS, sent })?.step ?? null;
  const cases: [offset: number, sent: EscalationStep[], expected: EscalationStep | null][] = [
    [20, ["liaison"], null],
    [10, ["liaison"], "deputy"],
    [10, ["liaison", "deputy"], null],
    [0, ["liaison", "deputy"], "principal"],
    [-30, ["liaison", "deputy", "principal"], "lead_leader"],
    [-31, ["liaison", "deputy", "principal", "lead_leader"], null],
    // First seen late: straight to the top, and the skipped rungs are never sent afterwards.
    [-40, [], "lead_leader"],
    [5, ["principal"], null],
  ];
  it.each(cases)("%i days, already sent %j → %s", (offset, sent, expected) => expect(at(offset, sent)).toBe(expected));
});

describe("escalationDue: what never climbs", () => {
  const cases: [label: string, deadline: string | null, kind: DeadlineKind, status: Status, archived: boolean, expected: EscalationStep | null][] = [
    ["completed, 30 days late", day(-30), "date", "completed", false, null],
    ["completed, due in 10 days", day(10), "date", "completed", false, null],
    ["archived round", day(-30), "date", "incomplete", true, null],
    ["undated (按序时推进)", null, "scheduled", "incomplete", false, null],
    ["undated ongoing (长期坚持)", null, "ongoing", "incomplete", false, null],
    // A time-limited 基本完成 still owes its tail by the date…
    ["basically completed, time-limited, 30 days late", day(-30), "date", "basically_completed", false, "lead_leader"],
    // …a 并长期坚持 one has done its dated part and goes on as routine.
    ["basically completed, ongoing, 30 days late", day(-30), "ongoing", "basically_completed", false, null],
    ["basically completed, ongoing, due in 10 days", day(10), "ongoing", "basically_completed", false, null],
    ["incomplete, ongoing, due in 10 days", day(10), "ongoing", "incomplete", false, "deputy"],
    ["incomplete, ongoing, 30 days late", day(-30), "ongoing", "incomplete", false, "lead_leader"],
  ];
  it.each(cases)("%s → %s", (_label, deadline, deadlineKind, status, roundArchived, expected) => {
    expect(escalationDue({ deadline, deadlineKind, status, roundArchived, today: TODAY, thresholds: DEFAULTS, sent: [] })?.step ?? null).toBe(expected);
  });
});

describe("reachedStep with a round's own thresholds", () => {
  const strict: EscalationThresholds = { liaisonDays: 30, deputyDays: 15, principalDays: 5, leadLeaderOverdueDays: 10 };
  const flat: EscalationThresholds = { liaisonDays: 7, deputyDays: 7, principalDays: 0, leadLeaderOverdueDays: 1 };
  const cases: [t: EscalationThresholds, daysLeft: number, expected: EscalationStep | null][] = [
    [strict, 31, null],
    [strict, 30, "liaison"],
    [strict, 20, "liaison"],
    [strict, 15, "deputy"],
    [strict, 5, "principal"],
    [strict, 0, "principal"],
    [strict, -9, "principal"],
    [strict, -10, "lead_leader"],
    // Two rungs on one day: the higher one is sent (it reaches the lower too).
    [flat, 8, null],
    [flat, 7, "deputy"],
    [flat, 0, "principal"],
    [flat, -1, "lead_leader"],
    [DEFAULTS, 20, "liaison"],
  ];
  it.each(cases)("%j at %i days → %s", (t, daysLeft, expected) => expect(reachedStep(daysLeft, t)).toBe(expected));
});

describe("leaderNamesOf: the names in a 牵头领导 cell", () => {
  const cases: [cell: string, names: string[]][] = [
    ["区委常委、区纪委书记、区监委主任 周某", ["周某"]],
    ["区委副书记、区长 王某", ["王某"]],
    ["张三", ["张三"]],
    ["张三、李四", ["张三", "李四"]],
    ["区长 王某;副区长 林某", ["王某", "林某"]],
    ["区长 王某,区长 王某", ["王某"]],
    ["", []],
    ["  ", []],
  ];
  it.each(cases)("%j → %j", (cell, names) => expect(leaderNamesOf(cell)).toEqual(names));
});

describe("stepRecipients: who each step reaches", () => {
  const account = (userId: string, name: string, active = true): UnitHead => ({ userId, name, phone: "13800000000", active });
  const contact = (name: string, phone: string | null = null): UnitHead => ({ userId: null, name, phone, active: false });
  const who = {
    liaisons: [{ userId: "u-lin", name: "林教育" }],
    deputy: account("u-dep", "副局长甲"),
    principal: contact("郑局长", "0755-1234"),
    leadLeaderNames: ["林某"],
    leaderAccounts: [{ userId: "u-linmou", name: "林某" }],
  };
  const summary = (step: EscalationStep, w: Parameters<typeof stepRecipients>[1] = who) => stepRecipients(step, w).map((r) => `${r.rung}:${r.reach}:${r.name}`);

  it("climbs rung by rung, each step reaching every rung below it", () => {
    expect(rungsOf("liaison")).toEqual(["liaison"]);
    expect(rungsOf("lead_leader")).toEqual(["liaison", "deputy", "principal", "lead_leader"]);
    expect(summary("liaison")).toEqual(["liaison:notified:林教育"]);
    expect(summary("deputy")).toEqual(["liaison:notified:林教育", "deputy:notified:副局长甲"]);
    expect(summary("principal")).toEqual(["liaison:notified:林教育", "deputy:notified:副局长甲", "principal:contact:郑局长"]);
    expect(summary("lead_leader")).toEqual([
      "liaison:notified:林教育",
      "deputy:notified:副局长甲",
      "principal:contact:郑局长",
      "lead_leader:notified:林某",
    ]);
    expect(notifiedUserIds(stepRecipients("lead_leader", who))).toEqual(["u-lin", "u-dep", "u-linmou"]);
  });

  it("keeps who was missing, and a disabled account becomes a contact to phone", () => {
    const bare = { liaisons: [], deputy: null, principal: account("u-old", "前局长", false), leadLeaderNames: [], leaderAccounts: [] };
    expect(summary("lead_leader", bare)).toEqual(["liaison:unassigned:", "deputy:unassigned:", "principal:contact:前局长", "lead_leader:unassigned:"]);
    expect(notifiedUserIds(stepRecipients("lead_leader", bare))).toEqual([]);
  });

  it("matches the 牵头领导 to a leader account only when exactly one has the name", () => {
    const twins = { ...who, leadLeaderNames: ["林某", "周某"], leaderAccounts: [{ userId: "a", name: "林某" }, { userId: "b", name: "林某" }] };
    expect(stepRecipients("lead_leader", twins).filter((r) => r.rung === "lead_leader")).toEqual([
      { rung: "lead_leader", reach: "contact", userId: null, name: "林某", phone: null },
      { rung: "lead_leader", reach: "contact", userId: null, name: "周某", phone: null },
    ]);
  });

  it("notifies a person once however many rungs they hold", () => {
    const same = { ...who, liaisons: [...who.liaisons, { userId: "u-head", name: "局长乙" }], deputy: account("u-head", "局长乙"), principal: account("u-head", "局长乙") };
    expect(notifiedUserIds(stepRecipients("principal", same))).toEqual(["u-lin", "u-head"]);
  });

  it("a head with an account of the unit is not told as a liaison before their own rung", () => {
    const staff = { ...who, liaisons: [{ userId: "u-lin", name: "林教育" }, { userId: "u-dep", name: "副局长甲" }] };
    expect(summary("liaison", staff)).toEqual(["liaison:notified:林教育"]);
    expect(summary("deputy", staff)).toEqual(["liaison:notified:林教育", "deputy:notified:副局长甲"]);
    // A unit whose only account is its 分管领导 has no liaison to tell.
    expect(summary("liaison", { ...staff, liaisons: [{ userId: "u-dep", name: "副局长甲" }] })).toEqual(["liaison:unassigned:"]);
  });

  it("says on the timeline how each was reached", () => {
    const lines = stepRecipients("lead_leader", { ...who, deputy: null, leadLeaderNames: ["周某"], leaderAccounts: [] }).map(recipientLine);
    expect(lines).toEqual(["联络员 林教育:已站内通知", "分管领导:未登记", "主要负责人 郑局长:没有可用账号,需电话告知(0755-1234)", "牵头领导 周某:没有可用账号,需电话告知"]);
  });
});

describe("what the ladder says", () => {
  const measure = { id: 12, text: "建立整改台账", deadline: "2026-10-21", roundName: "区委巡察", problemNumber: 3, leadUnitName: "区教育局" };

  it("lateness in words", () => {
    expect([lateness(20), lateness(0), lateness(-30)]).toEqual(["还有 20 天到期", "今天到期", "已逾期 30 天"]);
  });

  it("one notification per step, keyed by step, measure and deadline", () => {
    const n = escalationNotification(measure, "lead_leader", -30);
    expect(n).toMatchObject({ kind: "escalation", link: "/measures/12", dedupeKey: "escalation:lead_leader:measure:12:2026-10-21" });
    expect(n.title).toBe("逾期升级:告知牵头领导——整改措施已逾期 30 天");
    expect(n.body).toContain("本级预警告知:联络员、分管领导、主要负责人、牵头领导");
    expect(escalationNotification(measure, "deputy", 10).dedupeKey).toBe("escalation:deputy:measure:12:2026-10-21");
  });

  it("a drafted notice climbs one level above the earlier ones (三明), 督办 first, 通报 at most", () => {
    expect(draftNoticeLevel([])).toBe("supervise");
    expect(draftNoticeLevel(["reminder"])).toBe("supervise");
    expect(draftNoticeLevel(["reminder", "supervise"])).toBe("criticize");
    expect(draftNoticeLevel(["criticize"])).toBe("criticize");
    expect(draftReplyDeadline(TODAY)).toBe("2026-11-27");
  });

  it("the digest covers the whole ISO week before today's", () => {
    expect(digestWeek("2026-11-23")).toEqual({ key: "2026-W47", label: "2026年第47周", start: "2026-11-16", end: "2026-11-22" });
    expect(digestWeek("2026-11-29")).toMatchObject({ key: "2026-W47" });
    expect(digestWeek("2027-01-04")).toMatchObject({ key: "2026-W53", start: "2026-12-28", end: "2027-01-03" });
  });

  it("the digest lists the measures and links by role", () => {
    const week = digestWeek("2026-11-23");
    const items = Array.from({ length: 22 }, (_, i) => ({ measureId: i, text: `措施${i}`, problemNumber: 1, roundName: "区委巡察", leadUnitName: "区教育局", step: "principal" as const, daysLeft: 0 }));
    const leader = digestNotification({ role: "leader", week, items });
    expect(leader).toMatchObject({ kind: "escalation_digest", link: "/ledger", dedupeKey: "escalation_digest:2026-W47" });
    expect(leader.title).toBe("2026年第47周预警升级周报:22 项整改措施报到您这里");
    expect(leader.body).toContain("· 区委巡察 问题1:措施0(区教育局)——预警升级:告知主要负责人,今天到期");
    expect(leader.body).toContain("……另有 2 项");
    expect(digestNotification({ role: "unit", week, items: items.slice(0, 1) }).link).toBe("/my-tasks");
  });
});

describe("draftsNotification: the office is told once per run", () => {
  it("names the unit when one 督办单 was drafted, and counts drafts and units otherwise", () => {
    const one = draftsNotification([{ id: 7, unitName: "区教育局", roundName: "区委第一轮巡察" }]);
    expect(one).toMatchObject({ kind: "notice_drafted", title: "已起草给区教育局的督办单,待确认发出", link: "/notices#drafts", dedupeKey: "notice_drafts:7" });
    const many = draftsNotification([
      { id: 8, unitName: "区教育局", roundName: "区委第一轮巡察" },
      { id: 9, unitName: "新安街道", roundName: "区委第一轮巡察" },
      { id: 10, unitName: "区教育局", roundName: "区委第二轮巡察" },
    ]);
    expect(many.title).toBe("已起草 3 份督办单,待确认发出");
    expect(many.body).toContain("涉及 2 个牵头单位");
    expect(many.dedupeKey).toBe("notice_drafts:8");
  });
});
