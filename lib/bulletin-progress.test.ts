import { describe, expect, it } from "vitest";
import { nextStepOf, reportedProgress, withoutNextStep, withoutRepeats } from "@/lib/bulletin-progress";

describe("nextStepOf", () => {
  it.each([
    ["已完成整改41个。下一步,将督促剩余6个问题年底前整改到位。", "督促剩余6个问题年底前整改到位。"],
    ["已完成排查。下一步将加快推进集中清拆。", "加快推进集中清拆。"],
    ["已完成排查。\n下一步措施:一是加快建设;二是加强督办。", "一是加快建设;二是加强督办。"],
    ["下一步工作计划:持续巡查。", "持续巡查。"],
    // "下一步" inside a sentence names no next step (report-luohu-2019.txt line 203).
    ["建立环卫精细化监管平台,为下一步环卫作业服务企业的监管提供基础数据。", null],
    ["已通过验收。", null],
    [null, null],
  ])("%s → %s", (text, expected) => expect(nextStepOf(text)).toBe(expected));
});

it("keeps what was done, before the next step", () => {
  expect(withoutNextStep("已完成整改41个。下一步,将督促剩余问题整改。")).toBe("已完成整改41个。");
  expect(withoutNextStep("已通过验收")).toBe("已通过验收");
});

describe("withoutRepeats", () => {
  const measures = ["健全理论学习制度。修订区委理论学习中心组学习规则", "突出学用结合"];
  it("drops the sentences that only say a measure again, whatever ordinals and punctuation", () => {
    expect(withoutRepeats("整改情况:一是健全理论学习制度。修订区委理论学习中心组学习规则。二是突出学用结合。", measures)).toBe("");
    expect(withoutRepeats("一是健全理论学习制度,开展专题学习36次。二是突出学用结合。", measures)).toBe("一是健全理论学习制度,开展专题学习36次。");
  });

  it("keeps the 有关情况说明 an imported 通报 added, without its label", () => {
    expect(reportedProgress("一是突出学用结合。\n有关情况说明:县城第三中学已开工。下一步,将加快建设。", measures)).toBe("县城第三中学已开工。");
  });
});
