import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVERYTHING, SEARCH_KINDS, searchScopeOf, type SearchKind, type SearchScope } from "@/lib/search";
import type { Actor } from "@/lib/permissions";
import { seededTestDb } from "@/testing/seeded-db";
import { unitScope } from "./units";
import { searchAll, searchKind } from "./search";

// 全文检索 on the Baoan demo: what each user finds, the ranking, the short-word path and
// that the index follows every write (the triggers of add_full_text_search).
let t: Awaited<ReturnType<typeof seededTestDb>>;
beforeAll(async () => {
  t = await seededTestDb("2026-11-21");
});
afterAll(() => t.cleanup());

function actor(role: Actor["role"], unitName = "区委巡察办", reviewRoundIds: number[] = []): Actor {
  const unitId = t.unitIdOf(unitName);
  return { id: "x", name: "x", username: "x", role, unitId, unitName, isAdmin: false, unitScope: unitScope(t.db, { unitId }), reviewRoundIds };
}
const find = (scope: SearchScope, text: string, kind: SearchKind, extra: object = {}) => searchKind(t.db, { kind, scope, filter: { text, ...extra }, limit: 50 });
const office = () => searchScopeOf(actor("office"));
const unit = (name: string) => searchScopeOf(actor("unit", name));

describe("search scope", () => {
  it("gives the office and leaders every kind of every round, a reviewer no notices, the discipline staff nothing", () => {
    expect(office()).toEqual({ roundIds: null, unitIds: null, kinds: SEARCH_KINDS });
    expect(searchScopeOf(actor("leader")).kinds).toEqual(SEARCH_KINDS);
    expect(searchScopeOf(actor("reviewer", "区委巡察办", [7]))).toEqual({ roundIds: [7], unitIds: null, kinds: SEARCH_KINDS.filter((k) => k !== "notice") });
    expect(searchScopeOf(actor("discipline")).kinds).toEqual([]);
  });
});

describe("searchKind", () => {
  it("finds a measure by a phrase of its text and marks the round it is in", () => {
    const { hits, total } = find(office(), "公办义务教育学位", "measure");
    expect(total).toBeGreaterThanOrEqual(1);
    expect(hits[0]!.title).toContain("公办义务教育学位");
    expect(hits[0]!.roundId).toBe(t.roundId());
  });

  it("keeps a unit to what it answers for: 区教育局 does not find 新安街道's measure that the office finds", () => {
    const phrase = "加强城中村综合治理和精细化管理";
    expect(find(office(), phrase, "measure").hits.map((h) => h.title)).toEqual([expect.stringContaining(phrase)]);
    expect(find(unit("新安街道"), phrase, "measure").hits).toHaveLength(1);
    for (const kind of SEARCH_KINDS) expect(find(unit("区教育局"), phrase, kind).hits).toEqual([]);
    // Nor the progress the lead unit reported on it.
    expect(find(unit("区教育局"), "共建花园", "progress").hits).toEqual([]);
    expect(find(office(), "共建花园", "progress").hits.length).toBeGreaterThan(0);
  });

  it("lets a co-responsible unit find the shared measure and every report on it, as its page shows", () => {
    // 新安街道 shares 区国资局's 社区股份合作公司 measure.
    expect(find(unit("新安街道"), "社区股份合作公司转型", "measure").hits.length).toBeGreaterThan(0);
    expect(find(unit("新安街道"), "鼓励培育人才补贴", "progress").hits.length).toBeGreaterThan(0);
  });

  it("limits a reviewer to its assigned rounds", () => {
    const reviewer = searchScopeOf(actor("reviewer", "区委巡察办", [t.roundId() + 1000]));
    expect(find(reviewer, "公办义务教育学位", "measure").hits).toEqual([]);
    expect(find(searchScopeOf(actor("reviewer", "区委巡察办", [t.roundId()])), "公办义务教育学位", "measure").hits.length).toBeGreaterThan(0);
  });

  it("matches two-character words (党建, 学位) without the index, within the same visibility", () => {
    const all = find(office(), "学位", "measure");
    expect(all.hits.length).toBeGreaterThan(0);
    expect(all.hits.every((h) => h.body.includes("学位"))).toBe(true);
    expect(find(unit("新安街道"), "学位", "measure").hits.filter((h) => h.body.includes("公办义务教育学位"))).toEqual([]);
    // A short and a long word together: both must be present.
    const both = find(office(), "学位 公办义务教育", "measure").hits;
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((h) => h.body.includes("学位") && h.body.includes("公办义务教育"))).toBe(true);
  });

  it("finds a two-character word through the index even at the very end of a text, and a single character by LIKE", () => {
    const round = t.roundId();
    t.sqlite.prepare("insert into institutions (round_id, title, document_number, created_at) values (?, '关于进一步规范公车', '', 0)").run(round);
    const hits = find(EVERYTHING, "公车", "institution").hits;
    expect(hits.map((h) => h.title)).toContain("关于进一步规范公车");
    expect(find(EVERYTHING, "公车 进一步规范", "institution").hits.map((h) => h.title)).toEqual(["关于进一步规范公车"]);
    expect(find(EVERYTHING, "车", "institution").hits.map((h) => h.title)).toContain("关于进一步规范公车");
    // A two-character word the index has never seen: nothing, without a scan.
    expect(find(EVERYTHING, "饕餮", "progress").hits).toEqual([]);
    t.sqlite.prepare("delete from institutions where title = '关于进一步规范公车'").run();
    expect(find(EVERYTHING, "公车", "institution").hits.map((h) => h.title)).not.toContain("关于进一步规范公车");
  });

  it("ranks a hit in the title above one in the body only", () => {
    const hits = find(office(), "民生保障短板", "problem").hits;
    expect(hits[0]!.title).toContain("民生保障短板");
  });

  it("searches FTS syntax characters as plain text, never as query syntax", () => {
    for (const text of ['"', '"学位', "学位*", "NEAR(学位 教育)", "-学位", "(学位) OR 教育", "学位 AND", "^学位", "a:b", "%", "_", "\\"]) {
      expect(() => searchAll(t.db, { scope: office(), filter: { text }, perKind: 3 })).not.toThrow();
    }
    expect(find(office(), "(公办义务教育学位", "measure").hits).toEqual([]);
    expect(find(office(), "%", "measure").hits.every((h) => h.body.includes("%"))).toBe(true);
  });

  it("filters by round, status, unit and date", () => {
    const roundId = t.roundId();
    expect(find(office(), "公办义务教育学位", "measure", { roundId: roundId + 1000 }).hits).toEqual([]);
    const completed = find(office(), "社区", "measure", { status: "completed" }).hits;
    const statuses = t.column<string>(`select status from measures where id in (${completed.map((h) => h.id).join(",") || "null"})`);
    expect(statuses.every((s) => s === "completed")).toBe(true);
    expect(find(office(), "社区", "notice", { status: "completed" }).hits).toEqual([]);
    const xinan = t.unitIdOf("新安街道");
    const ofUnit = find(office(), "社区", "measure", { unitId: xinan }).hits;
    expect(ofUnit.length).toBeGreaterThan(0);
    expect(ofUnit.length).toBeLessThan(find(office(), "社区", "measure").hits.length);
    expect(find(office(), "社区", "progress", { from: "2999-01-01" }).hits).toEqual([]);
    const dated = find(office(), "社区", "progress", { from: "2000-01-01", to: "2999-12-31" }).hits;
    expect(dated.length).toBe(find(office(), "社区", "progress").hits.length);
  });

  it("follows every write: an edited measure is found by its new text and no longer by its old", () => {
    const id = t.one<number>("select id from measures where text like '加强社区专职工作者队伍建设%'");
    t.sqlite.prepare("update measures set text = '检索测试:新写的措施文字' where id = ?").run(id);
    expect(find(EVERYTHING, "新写的措施文字", "measure").hits.map((h) => h.id)).toEqual([id]);
    expect(find(EVERYTHING, "加强社区专职工作者队伍建设", "measure").hits).toEqual([]);
    const round = t.roundId();
    t.sqlite.prepare("insert into institutions (round_id, title, document_number, created_at) values (?, '检索测试专用制度', '宝检〔2026〕1号', 0)").run(round);
    expect(find(EVERYTHING, "检索测试专用制度", "institution").hits).toHaveLength(1);
    t.sqlite.prepare("delete from institutions where title = '检索测试专用制度'").run();
    expect(find(EVERYTHING, "检索测试专用制度", "institution").hits).toEqual([]);
  });
});

describe("searchAll", () => {
  it("answers every kind the scope allows, in the page's order", () => {
    const groups = searchAll(t.db, { scope: office(), filter: { text: "社区" }, perKind: 2 });
    expect(groups.map((g) => g.kind)).toEqual(SEARCH_KINDS);
    for (const g of groups) expect(g.hits.length).toBeLessThanOrEqual(2);
    expect(groups.find((g) => g.kind === "measure")!.total).toBeGreaterThan(2);
  });

  it("gives the discipline staff nothing", () => {
    expect(searchAll(t.db, { scope: searchScopeOf(actor("discipline")), filter: { text: "社区" }, perKind: 5 })).toEqual([]);
  });
});
