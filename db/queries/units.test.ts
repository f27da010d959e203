import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/testing/test-db";
import type { DB } from "../client";
import { auditLog } from "../schema";
import { createUnit, unitScope } from "./units";

let db: DB;
let cleanup: () => void;
let ids: Record<string, number>;

// 区委 ─┬─ 区国资局 ── 投资管理集团 ── 城建投资公司 ── 城建工程公司
//       └─ 区教育局 ── 区教育科学研究院
beforeEach(() => {
  ({ db, cleanup } = createTestDb());
  ids = {};
  const add = (name: string, parent: string | null, kind: "party" | "government" | "enterprise" = "enterprise") => {
    ids[name] = createUnit(db, { actorId: null, input: { name, kind, parentId: parent ? ids[parent]! : null } }).id;
  };
  add("区委", null, "party");
  add("区国资局", "区委", "government");
  add("投资管理集团", "区国资局");
  add("城建投资公司", "投资管理集团");
  add("城建工程公司", "城建投资公司");
  add("区教育局", "区委", "government");
  add("区教育科学研究院", "区教育局", "government");
});
afterEach(() => cleanup());

const scopeOf = (name: string) => [...unitScope(db, { unitId: ids[name]! })].sort((a, b) => a - b);
const idsOf = (...names: string[]) => names.map((n) => ids[n]!).sort((a, b) => a - b);

describe("unitScope", () => {
  it.each([
    ["区国资局", ["区国资局", "投资管理集团", "城建投资公司", "城建工程公司"]],
    ["投资管理集团", ["投资管理集团", "城建投资公司", "城建工程公司"]],
    ["城建工程公司", ["城建工程公司"]],
    ["区教育局", ["区教育局", "区教育科学研究院"]],
    ["区委", ["区委", "区国资局", "投资管理集团", "城建投资公司", "城建工程公司", "区教育局", "区教育科学研究院"]],
  ])("%s reaches %j and nothing else", (unit, expected) => {
    expect(scopeOf(unit)).toEqual(idsOf(...expected));
  });
});

describe("createUnit", () => {
  it("writes exactly one audit row describing the new unit", () => {
    const before = db.select().from(auditLog).all().length;
    const unit = createUnit(db, {
      actorId: "office-admin",
      input: { name: "区教育局幼教中心", kind: "other", parentId: ids["区教育局"]! },
    });
    const rows = db.select().from(auditLog).all();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorId: "office-admin",
      action: "unit.create",
      entity: "unit",
      entityId: String(unit.id),
      after: { id: unit.id, name: "区教育局幼教中心", parentId: ids["区教育局"] },
    });
  });
});
