import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { headAccountProblem, headsOfUnit, setUnitHeads } from "./unit-heads";

let t: Awaited<ReturnType<typeof seededTestDb>>;
beforeEach(async () => {
  t = await seededTestDb("2026-11-20");
});
afterEach(() => t.cleanup());

const userOf = (username: string) => t.one<string>("select id from users where username = ?", username);

describe("unit heads", () => {
  it("records an account and a contact, replaces them, and audits each save once with before and after", () => {
    const edu = t.unitIdOf("区教育局");
    const office = userOf("office");
    t.db.transaction((tx) => setUnitHeads(tx, { actorId: office, unitId: edu, deputy: { userId: userOf("jiaoyu") }, principal: { name: "郑局长", phone: "0755-2779 0000" } }));
    expect(headsOfUnit(t.db, { unitId: edu })).toEqual({
      deputy: { userId: userOf("jiaoyu"), name: "林教育", phone: null, active: true },
      principal: { userId: null, name: "郑局长", phone: "0755-2779 0000", active: false },
    });
    t.db.transaction((tx) => setUnitHeads(tx, { actorId: office, unitId: edu, deputy: null, principal: { name: "郑局长", phone: null } }));
    expect(headsOfUnit(t.db, { unitId: edu }).deputy).toBeNull();
    // The demo records 新安街道's heads too: only this unit's saves are counted.
    const audits = t.sqlite
      .prepare("select before, after from audit_log where action = 'unit.set_heads' and entity_id = ? order by id")
      .all(String(edu)) as { before: string; after: string }[];
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]!.before)).toMatchObject({ deputyUserId: userOf("jiaoyu"), principalName: "郑局长", principalPhone: "0755-2779 0000" });
    expect(JSON.parse(audits[1]!.after)).toMatchObject({ deputyUserId: null, principalName: "郑局长", principalPhone: null });
  });

  it("a head's account must be one of the unit's own, and active", () => {
    const edu = t.unitIdOf("区教育局");
    expect(headAccountProblem(t.db, { unitId: edu, userId: userOf("jiaoyu") })).toBeNull();
    expect(headAccountProblem(t.db, { unitId: edu, userId: userOf("xinan") })).toBe("所选账号不属于该单位,请刷新后重新选择");
    expect(headAccountProblem(t.db, { unitId: edu, userId: "no-such-user" })).toBe("所选账号不属于该单位,请刷新后重新选择");
    t.sqlite.prepare("update users set disabled = 1 where username = 'jiaoyu'").run();
    expect(headAccountProblem(t.db, { unitId: edu, userId: userOf("jiaoyu") })).toBe("所选账号已停用,请选择其他账号或登记为联系人");
  });

  it("the database refuses a head that is both or neither", () => {
    const edu = t.unitIdOf("区教育局");
    const insert = t.sqlite.prepare("insert into unit_heads (unit_id, post, user_id, name, phone, created_at, updated_at) values (?, 'principal', ?, ?, null, 0, 0)");
    expect(() => insert.run(edu, userOf("jiaoyu"), "林教育")).toThrow(/CHECK/);
    expect(() => insert.run(edu, null, "")).toThrow(/CHECK/);
  });
});
