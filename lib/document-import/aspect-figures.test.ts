import { describe, expect, it } from "vitest";
import { figuresByAspectNumber, figuresUnderAspect } from "./aspect-figures";

describe("每个方面陈述的数字", () => {
  it.each([
    ["本方面6个问题，已完成5个，未完成1个。", { problems: 6, completed: 5, basicallyCompleted: null, incomplete: 1 }],
    ["本方面共7个问题,已完成整改5个、基本完成2个。", { problems: 7, completed: 5, basicallyCompleted: 2, incomplete: null }],
    ["本方面五个问题已全部整改完成。", { problems: 5, completed: null, basicallyCompleted: null, incomplete: null }],
  ])("方面标题下:%s", (text, figures) => {
    expect(figuresUnderAspect([text])).toEqual(figures);
  });

  it("方面标题下没有数字时为 null", () => {
    expect(figuresUnderAspect(["区委高度重视,逐项抓好整改。"])).toBeNull();
  });

  it("导语中逐个方面列出的数字", () => {
    const map = figuresByAspectNumber(["其中,第一方面6个问题已完成5个、基本完成1个;第二方面5个问题已完成4个、未完成1个;第三方面5个问题已全部完成。"]);
    expect(map.get(1)).toEqual({ problems: 6, completed: 5, basicallyCompleted: 1, incomplete: null });
    expect(map.get(2)).toEqual({ problems: 5, completed: 4, basicallyCompleted: null, incomplete: 1 });
    expect(map.get(3)).toEqual({ problems: 5, completed: null, basicallyCompleted: null, incomplete: null });
  });

  it("不把“第一方面问题,…”这样的方面标题当作数字", () => {
    expect(figuresByAspectNumber(["第一方面问题,落实党中央重大决策部署不够到位"]).size).toBe(0);
  });
});
