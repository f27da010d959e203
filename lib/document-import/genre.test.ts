import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse-document";

// The preview's "这一节是问题 / 这一节不是问题": the office's word on a section overrides
// what the signals said, and the file is read again under it.

const binhai = fs.readFileSync(path.join(__dirname, "fixtures", "genre", "01-binhai-quwei-2022.txt"), "utf8");
const SUMMARY = "一、提高政治站位,从严从实推进巡视整改";
const PROBLEMS = "二、巡视反馈问题的整改情况";
const count = (doc: ReturnType<typeof parseDocument>) => doc.aspects.reduce((n, a) => n + a.problems.length, 0);

describe("各节的读法", () => {
  const parsed = parseDocument(binhai);

  it("说明每个一级标题被读成了什么", () => {
    expect(parsed.sections.find((s) => s.heading === SUMMARY)?.role).toBe("prose");
    expect(parsed.sections.find((s) => s.heading === PROBLEMS)?.role).toBe("problems");
    expect(count(parsed)).toBe(25);
  });

  it("把工作综述标为“是问题”后,其(一)至(五)成为问题", () => {
    const again = parseDocument(binhai, { sections: { [SUMMARY]: "problems" } });
    expect(count(again)).toBe(30);
    expect(again.sections.find((s) => s.heading === SUMMARY)?.role).toBe("problems");
    expect(again.check.matches).toBe(false);
  });

  it("把问题一节标为“不是问题”后,其中不再有问题,文字进入未归类内容", () => {
    const again = parseDocument(binhai, { sections: { [PROBLEMS]: "prose" } });
    expect(count(again)).toBe(0);
    expect(again.unassigned.some((block) => block.text.includes("理论学习结合实际不够紧密"))).toBe(true);
  });
});
