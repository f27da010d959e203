import { describe, expect, it } from "vitest";
import { likePattern, searchTerms, snippetParts, snippetText } from "./search";

describe("searchTerms", () => {
  it.each([
    ["公车改革", '"公车改革"', []],
    ["党建", null, ["党建"]],
    ["党建 公车改革", '"公车改革"', ["党建"]],
    ["  违规  发放津补贴 违规 ", '"发放津补贴"', ["违规"]],
    ['学位"教育', '"学位""教育"', []],
    ["NEAR(学位 教育)", '"NEAR(学位" AND "教育)"', []],
    ["(学位) OR", '"(学位)"', ["OR"]],
    ["-公车*", '"-公车*"', []],
    ["a", null, ["a"]],
  ])("%s → match %s, short %j", (text, match, short) => {
    const terms = searchTerms(text);
    expect(terms.match).toBe(match);
    expect(terms.short).toEqual(short);
  });

  it("keeps at most five distinct words", () => {
    expect(searchTerms("一一 二二 三三 四四 五五 六六 一一").words).toEqual(["一一", "二二", "三三", "四四", "五五"]);
  });

  it("counts characters, not UTF-16 units, for the three-character rule", () => {
    expect(searchTerms("𠮷野").short).toEqual(["𠮷野"]);
  });
});

describe("likePattern", () => {
  it("takes %, _ and \\ literally", () => {
    expect(likePattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });
});

describe("snippetParts", () => {
  // From the 宝安 report's progress (../shared/reference).
  const text =
    "落实开展谈话提醒工作的有关要求,推动各级党组织和党员领导干部按照规定的形式、内容和频次开展党内谈话,及时提醒和纠正苗头性、倾向性问题,今年以来,各单位共开展党内谈话716人次,其中警诫谈话24人次。";

  it("cuts around the first hit and marks every occurrence of every word", () => {
    const parts = snippetParts(text, ["党内谈话"], 40);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["党内谈话"]);
    expect(parts[0]!.text.startsWith("…")).toBe(true);
    expect(snippetText(parts)).toContain("【党内谈话】");
    expect(snippetText(snippetParts(text, ["谈话"], 200)).match(/【谈话】/g)).toHaveLength(4);
  });

  it("marks the longer word where two overlap, ignoring ASCII case", () => {
    expect(snippetText(snippetParts("推进PPP项目清理", ["ppp", "PPP项目"]))).toBe("推进【PPP项目】清理");
  });

  it("starts at the beginning when no word is found and keeps markup as text", () => {
    expect(snippetParts("<script>alert(1)</script>", ["无"])).toEqual([{ text: "<script>alert(1)</script>", mark: false }]);
  });
});
