import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { listNotifications, markNotificationsRead, notifyUnit, notifyUnits, notifyUsers, unreadCount } from "./notifications";

let t: Awaited<ReturnType<typeof seededTestDb>>;
let jiaoyu: string;
let xinan: string;

beforeAll(async () => {
  t = await seededTestDb("2026-11-16");
  jiaoyu = t.one<string>("select id from users where username = 'jiaoyu'");
  xinan = t.one<string>("select id from users where username = 'xinan'");
});
afterAll(() => t.cleanup());

const note = (key: string, title = "测试通知") => ({ kind: "assignment" as const, title, dedupeKey: key });
const auditCount = () => t.one<number>("select count(*) from audit_log where entity = 'notification'");

describe("notify", () => {
  it("stores a dedupe key once per user", () => {
    expect(notifyUsers(t.db, { userIds: [jiaoyu, xinan, jiaoyu], notification: note("k:1") })).toBe(2);
    expect(notifyUsers(t.db, { userIds: [jiaoyu, xinan], notification: note("k:1") })).toBe(0);
    expect(notifyUnit(t.db, { unitId: t.unitIdOf("区教育局"), notification: note("k:2") })).toBe(1);
    // A user is notified once even when two of the units are theirs to answer for.
    expect(notifyUnits(t.db, { unitIds: [t.unitIdOf("区教育局"), t.unitIdOf("新安街道"), t.unitIdOf("区教育局")], notification: note("k:3") })).toBe(2);
    expect(notifyUnits(t.db, { unitIds: [], notification: note("k:4") })).toBe(0);
  });

  it("leaves disabled accounts out", () => {
    t.sqlite.prepare("update users set disabled = 1 where id = ?").run(xinan);
    expect(notifyUnit(t.db, { unitId: t.unitIdOf("新安街道"), notification: note("k:5") })).toBe(0);
    t.sqlite.prepare("update users set disabled = 0 where id = ?").run(xinan);
  });
});

describe("reading", () => {
  it("lists only the user's own notifications, newest first, and pages back by id", () => {
    notifyUsers(t.db, { userIds: [jiaoyu], notification: note("r:1", "第一条") });
    notifyUsers(t.db, { userIds: [jiaoyu], notification: note("r:2", "第二条") });
    notifyUsers(t.db, { userIds: [xinan], notification: note("r:3", "新安的") });
    const mine = listNotifications(t.db, { userId: jiaoyu, limit: 100 });
    expect(mine.every((n) => n.userId === jiaoyu)).toBe(true);
    expect(mine.map((n) => n.title).slice(0, 2)).toEqual(["第二条", "第一条"]);
    expect(mine.map((n) => n.title)).not.toContain("新安的");
    const older = listNotifications(t.db, { userId: jiaoyu, limit: 1, before: mine[0]!.id });
    expect(older.map((n) => n.title)).toEqual(["第一条"]);
  });

  it("does not mark another user's notifications read, whatever ids are sent", () => {
    const xinanIds = t.column<number>("select id from notifications where user_id = ?", xinan);
    const unreadBefore = unreadCount(t.db, { userId: xinan });
    const audits = auditCount();
    const updated = t.db.transaction((tx) => markNotificationsRead(tx, { userId: jiaoyu, target: { ids: xinanIds } }));
    expect(updated).toBe(0);
    expect(unreadCount(t.db, { userId: xinan })).toBe(unreadBefore);
    expect(auditCount()).toBe(audits + 1);
  });

  it("marks chosen ones, then all, read, with one audit row per call", () => {
    const unread = unreadCount(t.db, { userId: jiaoyu });
    const [first] = listNotifications(t.db, { userId: jiaoyu, limit: 1 });
    const audits = auditCount();
    expect(t.db.transaction((tx) => markNotificationsRead(tx, { userId: jiaoyu, target: { ids: [first!.id, first!.id] } }))).toBe(1);
    expect(unreadCount(t.db, { userId: jiaoyu })).toBe(unread - 1);
    expect(listNotifications(t.db, { userId: jiaoyu, limit: 100, unreadOnly: true }).map((n) => n.id)).not.toContain(first!.id);
    // Marking it again changes nothing but is still one audited action.
    expect(t.db.transaction((tx) => markNotificationsRead(tx, { userId: jiaoyu, target: { ids: [first!.id] } }))).toBe(0);
    expect(t.db.transaction((tx) => markNotificationsRead(tx, { userId: jiaoyu, target: { all: true } }))).toBe(unread - 1);
    expect(unreadCount(t.db, { userId: jiaoyu })).toBe(0);
    expect(unreadCount(t.db, { userId: xinan })).toBeGreaterThan(0);
    expect(auditCount()).toBe(audits + 3);
    const last = t.sqlite.prepare("select actor_id, action, entity_id from audit_log order by id desc limit 1").get();
    expect(last).toEqual({ actor_id: jiaoyu, action: "notification.read_all", entity_id: "all" });
  });
});
