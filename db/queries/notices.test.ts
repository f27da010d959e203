import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { seededTestDb } from "@/testing/seeded-db";
import type { IssueNoticeInput } from "@/lib/validations/notice";
import { closeNotice, issueNotice, replyNotice } from "./notice-writes";
import { unitScope } from "./units";
import { getNotice, listNotices, listNoticesForMeasure, noticeNumber, unitMeasuresInRound } from "./notices";

// 督办单 against the seeded demo, which already holds 督办〔2026〕1号 to 区教育局.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId: string;
let jiaoyuId: string;
let edu: number;
let xinan: number;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one<string>("select id from users where username = 'office'");
  jiaoyuId = t.one<string>("select id from users where username = 'jiaoyu'");
  edu = t.unitIdOf("区教育局");
  xinan = t.unitIdOf("新安街道");
});
afterEach(() => t.cleanup());

const measuresOf = (unitId: number) => unitMeasuresInRound(t.db, { roundId: t.roundId(), unitId }).map((m) => m.id);
const input = (over: Partial<IssueNoticeInput> = {}): IssueNoticeInput => ({
  roundId: t.roundId(),
  unitId: edu,
  measureIds: measuresOf(edu).slice(0, 1),
  level: "supervise",
  request: "请说明未按期完成的原因。",
  replyDeadline: "2026-11-30",
  ...over,
});
const issue = (over: Partial<IssueNoticeInput> = {}, today = TODAY) =>
  t.db.transaction((tx) => issueNotice(tx, { actorId: officeId, input: input(over), today }), { behavior: "immediate" });
const reply = (noticeId: number, unitIds: readonly number[] | null = [edu]) =>
  t.db.transaction((tx) => replyNotice(tx, { actorId: jiaoyuId, unitIds, noticeId, reply: "已完成整改,附佐证材料。" }));
const close = (noticeId: number) => t.db.transaction((tx) => closeNotice(tx, { actorId: officeId, noticeId }));
const auditRows = (noticeId: number) =>
  t.column<string>("select action from audit_log where entity = 'notice' and entity_id = ? order by id", String(noticeId));
const notificationsFor = (userId: string, kind: string) =>
  t.one<number>("select count(*) from notifications where user_id = ? and kind = ?", userId, kind);
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, fields: Object.keys(error.fieldErrors ?? {}) };
    throw error;
  }
  throw new Error("expected an AppError");
};

describe("numbering", () => {
  it("continues the year's sequence and starts again at 1 in a new year", () => {
    const a = issue();
    const b = issue({ level: "reminder" });
    const nextYear = issue({ replyDeadline: "2027-01-20" }, "2027-01-05");
    expect([a.sequence, b.sequence]).toEqual([2, 3]);
    expect(noticeNumber(a)).toBe("督办〔2026〕2号");
    expect(noticeNumber(nextYear)).toBe("督办〔2027〕1号");
  });

  it("uses no number for a refused notice", () => {
    expect(failure(() => issue({ measureIds: measuresOf(xinan).slice(0, 1) })).fields).toEqual(["measureIds"]);
    expect(issue().sequence).toBe(2);
  });
});

describe("issue checks what the form offers", () => {
  it("refuses a measure of another unit, a unit without measures in the round, and a missing round", () => {
    expect(failure(() => issue({ measureIds: [measuresOf(edu)[0]!, measuresOf(xinan)[0]!] }))).toMatchObject({ code: "VALIDATION", fields: ["measureIds"] });
    const noMeasures = t.one<number>("select id from units where name = '区委巡视整改办'");
    expect(failure(() => issue({ unitId: noMeasures })).fields).toEqual(["unitId"]);
    expect(failure(() => issue({ roundId: 9999 })).fields).toEqual(["roundId"]);
    expect(t.one<number>("select count(*) from supervision_notices")).toBe(1);
  });

  it("accepts measures the unit shares as co-responsible unit", () => {
    const finance = t.unitIdOf("区财政局");
    const shared = unitMeasuresInRound(t.db, { roundId: t.roundId(), unitId: finance }).filter((m) => !m.isLead);
    const expected = t.one<number>(
      "select count(*) from measure_co_units c join measures m on m.id = c.measure_id where c.unit_id = ? and m.lead_unit_id is not ?",
      finance,
      finance,
    );
    expect(shared.length).toBeGreaterThan(0);
    expect(shared).toHaveLength(expected);
    expect(issue({ unitId: finance, measureIds: shared.slice(0, 2).map((m) => m.id) }).unitId).toBe(finance);
  });
});

describe("scoping by unit", () => {
  it("lists only the reader's units' notices; the office and leaders see all", () => {
    issue();
    const own = listNotices(t.db, { unitIds: [edu], today: TODAY });
    expect(own.length).toBe(2);
    expect(own.every((n) => n.unitName === "区教育局")).toBe(true);
    expect(listNotices(t.db, { unitIds: [xinan], today: TODAY })).toEqual([]);
    expect(listNotices(t.db, { unitIds: [], today: TODAY })).toEqual([]);
    expect(listNotices(t.db, { unitIds: null, today: TODAY })).toHaveLength(2);
  });

  it("a unit sees its sub-units' notices, but not its parent's or siblings'", () => {
    const group = t.unitIdOf("深圳市宝安区投资管理集团有限公司");
    const toGroup = issue({ unitId: group, measureIds: measuresOf(group).slice(0, 1) });
    const stateAssets = unitScope(t.db, { unitId: t.unitIdOf("区国资局") });
    expect(stateAssets).toContain(group);
    expect(listNotices(t.db, { unitIds: stateAssets, today: TODAY }).map((n) => n.id)).toEqual([toGroup.id]);
    expect(listNotices(t.db, { unitIds: unitScope(t.db, { unitId: group }), today: TODAY }).map((n) => n.id)).toEqual([toGroup.id]);
    expect(listNotices(t.db, { unitIds: unitScope(t.db, { unitId: edu }), today: TODAY }).map((n) => n.id)).not.toContain(toGroup.id);
  });

  it("a notice on a measure's page follows the same scope", () => {
    const measureId = measuresOf(edu)[0]!;
    issue({ measureIds: [measureId] });
    expect(listNoticesForMeasure(t.db, { measureId, unitIds: [edu] }).length).toBeGreaterThan(0);
    expect(listNoticesForMeasure(t.db, { measureId, unitIds: [xinan] })).toEqual([]);
  });

  it("filters by state and by overdue reply", () => {
    const late = issue({ replyDeadline: "2026-11-21" });
    expect(listNotices(t.db, { unitIds: null, today: "2026-11-25", filter: { overdue: true } }).map((n) => n.id)).toContain(late.id);
    reply(late.id);
    expect(listNotices(t.db, { unitIds: null, today: "2026-11-25", filter: { overdue: true } }).map((n) => n.id)).not.toContain(late.id);
    expect(listNotices(t.db, { unitIds: null, today: TODAY, filter: { overdue: false, state: "replied" } }).map((n) => n.id)).toEqual([late.id]);
  });

  it("another unit replying gets not-found and changes nothing", () => {
    const notice = issue();
    expect(failure(() => reply(notice.id, [xinan])).code).toBe("NOT_FOUND");
    expect(getNotice(t.db, { id: notice.id })!.notice.state).toBe("open");
    expect(auditRows(notice.id)).toEqual(["notice.issue"]);
  });
});

describe("reply and close", () => {
  it("open → replied → closed, each write with one audit row", () => {
    const notice = issue();
    expect(auditRows(notice.id)).toEqual(["notice.issue"]);
    const replied = reply(notice.id);
    expect(replied).toMatchObject({ state: "replied", repliedById: jiaoyuId });
    expect(auditRows(notice.id)).toEqual(["notice.issue", "notice.reply"]);
    expect(close(notice.id).state).toBe("closed");
    expect(auditRows(notice.id)).toEqual(["notice.issue", "notice.reply", "notice.close"]);
    const detail = getNotice(t.db, { id: notice.id })!;
    expect(detail).toMatchObject({ unitName: "区教育局", issuedByName: "陈整改", repliedByName: "林教育", closedByName: "陈整改" });
    expect(detail.measures.map((m) => m.id)).toEqual(input().measureIds);
  });

  it("refuses a second reply, a reply to a closed notice and closing twice, without audit rows", () => {
    const notice = issue();
    reply(notice.id);
    expect(failure(() => reply(notice.id))).toMatchObject({ code: "CONFLICT", message: "该督办单已回复,无需重复回复" });
    close(notice.id);
    expect(failure(() => reply(notice.id))).toMatchObject({ code: "CONFLICT", message: "该督办单已办结,不能再回复" });
    expect(failure(() => close(notice.id)).code).toBe("CONFLICT");
    expect(auditRows(notice.id)).toHaveLength(3);
  });

  it("the office may close a notice that was never answered", () => {
    const notice = issue();
    expect(close(notice.id).state).toBe("closed");
    expect(failure(() => close(123456)).code).toBe("NOT_FOUND");
  });
});

describe("notifications", () => {
  it("tells the unit's users once on issue and the issuer once on reply", () => {
    const before = notificationsFor(jiaoyuId, "notice_received");
    const notice = issue();
    expect(notificationsFor(jiaoyuId, "notice_received")).toBe(before + 1);
    const link = t.one<string>("select link from notifications where user_id = ? and kind = 'notice_received' order by id desc", jiaoyuId);
    expect(link).toBe(`/notices/${notice.id}`);
    // Users of other units hear nothing.
    const xinanUser = t.one<string>("select id from users where username = 'xinan'");
    expect(t.one<number>("select count(*) from notifications where user_id = ?", xinanUser)).toBe(0);

    expect(notificationsFor(officeId, "notice_replied")).toBe(0);
    reply(notice.id);
    expect(() => reply(notice.id)).toThrow(AppError);
    expect(notificationsFor(officeId, "notice_replied")).toBe(1);
  });
});
