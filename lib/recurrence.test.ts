import { describe, expect, it } from "vitest";
import { LABELLED_PAIRS } from "./recurrence.fixtures";
import { distinctiveSegments, RECURRENCE_THRESHOLD, SimilarityIndex, titleSimilarity } from "./recurrence";

describe("distinctiveSegments", () => {
  it.each([
    ["(十)关于违反中央八项规定精神问题屡禁不绝的问题", ["违反中央八项规定精神", "屡禁不绝"]],
    ["3.选人用人把关不严", ["选人用人把关"]],
    ["对养老服务欠账多问题的整改", ["养老服务欠账多"]],
    ["1.(2)对“口岸经济带”至今仍未完成整体规划问题的整改", ["口岸经济带", "完成整体规划"]],
  ])("%s → %j", (title, segments) => {
    expect(distinctiveSegments(title)).toEqual(segments);
  });

  it("leaves nothing of a title made only of stock words", () => {
    expect(distinctiveSegments("存在的问题不到位")).toEqual([]);
    expect(titleSimilarity("存在的问题", "存在的问题")).toBe(0);
  });
});

describe("the threshold on the labelled pairs", () => {
  const judged = LABELLED_PAIRS.map((pair) => ({ ...pair, score: titleSimilarity(pair.earlier, pair.later) }));
  const truePositives = judged.filter((p) => p.same && p.score >= RECURRENCE_THRESHOLD).length;
  const flagged = judged.filter((p) => p.score >= RECURRENCE_THRESHOLD).length;
  const repeats = judged.filter((p) => p.same).length;

  it("has both kinds of pair, enough of each to mean something", () => {
    expect(repeats).toBeGreaterThanOrEqual(15);
    expect(judged.length - repeats).toBeGreaterThanOrEqual(15);
  });

  // At 0.5: precision 20/20 = 1.00 and recall 18/18 = 1.00 on these pairs; the closest
  // different pair (基层党组织 三会一课 vs 书记述职) scores 0.35, the weakest repeat 0.67.
  it("flags every labelled repeat and no different problem (precision and recall 1.0)", () => {
    expect(truePositives / flagged).toBe(1);
    expect(truePositives / repeats).toBe(1);
  });

  it("keeps a margin on both sides, so a slightly different wording does not flip a pair", () => {
    const weakestRepeat = Math.min(...judged.filter((p) => p.same).map((p) => p.score));
    const closestDifferent = Math.max(...judged.filter((p) => !p.same).map((p) => p.score));
    expect(weakestRepeat - RECURRENCE_THRESHOLD).toBeGreaterThanOrEqual(0.1);
    expect(RECURRENCE_THRESHOLD - closestDifferent).toBeGreaterThanOrEqual(0.1);
  });
});

describe("SimilarityIndex", () => {
  const earlier = [
    { id: 1, title: "关于违反中央八项规定精神问题屡禁不绝的问题" },
    { id: 2, title: "关于形式主义和官僚主义问题不同程度存在的问题" },
    { id: 3, title: "违反中央八项规定精神问题仍有发生" },
    { id: 4, title: "政府采购管理不规范" },
  ];
  const index = new SimilarityIndex(earlier);

  it("ranks the candidates above the threshold, best first, with the same scores as titleSimilarity", () => {
    const found = index.similarTo("违反中央八项规定精神问题禁而未绝");
    // 3 shares all its words with the new title, 1 has 屡禁不绝 besides: 3 ranks first.
    expect(found.map((f) => f.candidate.id)).toEqual([3, 1]);
    for (const f of found) expect(f.score).toBeCloseTo(titleSimilarity(f.candidate.title, "违反中央八项规定精神问题禁而未绝"));
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
  });

  it("finds nothing for an unrelated or empty title, and honours the limit", () => {
    expect(index.similarTo("养老服务欠账多")).toEqual([]);
    expect(index.similarTo("存在的问题")).toEqual([]);
    expect(index.similarTo("违反中央八项规定精神", { limit: 1 })).toHaveLength(1);
  });
});
