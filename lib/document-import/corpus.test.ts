import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentPlanSchema } from "@/lib/validations/document-import";
import { CORPUS } from "./fixtures/genre/corpus";
import { draftFrom, moveProblem, toPlan } from "./draft";
import { checkFigures } from "./figure-check";
import { parseDocument } from "./parse-document";

// Issue 12: published 通报 of shapes the parser was not built on (fixtures/genre, written
// from the genre's variants), each with its counts per aspect and status and the figures
// it states, counted by hand. Every document must give its row, read its own figures and
// never be refused whole.

const read = (file: string) => fs.readFileSync(path.join(__dirname, "fixtures", "genre", file), "utf8");

describe.each(CORPUS)("$file", (entry) => {
  const parsed = parseDocument(read(entry.file));
  const problems = parsed.aspects.flatMap((a) => a.problems);

  it("方面与各方面的问题数", () => {
    if (entry.aspects === 0) expect(parsed.aspects.map((a) => a.name)).toEqual([""]);
    else expect(parsed.aspects.length).toBe(entry.aspects);
    expect(parsed.aspects.map((a) => a.problems.length)).toEqual(entry.problemsPerAspect);
  });

  it("各完成状态的问题数", () => {
    const count = (status: string) => problems.filter((p) => p.status === status).length;
    expect({ completed: count("completed"), basicallyCompleted: count("basically_completed"), incomplete: count("incomplete") }).toEqual(entry.status);
  });

  it("读出文档自己陈述的数字", () => {
    const { problems, completed, basicallyCompleted, incomplete, measures } = parsed.check.stated;
    expect({ problems, completed, basicallyCompleted, incomplete, measures }).toEqual(entry.stated);
  });

  it("核对结果:一致时通过,不公开部分问题时指出差异", () => {
    const statesProblems = entry.stated.problems !== null || entry.stated.completed !== null;
    if (!statesProblems) expect(parsed.check.matches).toBeNull();
    else if (entry.withheld) {
      expect(parsed.check.matches).toBe(false);
      expect(parsed.check.mismatches[0]).toMatch(/^文档称反馈问题\d+个,识别出\d+个\(少\d+个/);
    } else expect(parsed.check.matches).toBe(true);
  });

  it("不会整份拒绝:识别结果通过确认导入的校验", () => {
    const plan = toPlan(draftFrom(parsed));
    const result = documentPlanSchema.safeParse(plan);
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
  });
});

it("语料覆盖议题列出的各种变体", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(8);
  expect(CORPUS.some((e) => e.withheld)).toBe(true);
  expect(CORPUS.some((e) => e.closingOutOfOrder)).toBe(true);
  expect(CORPUS.some((e) => e.stated.problems === null)).toBe(true);
});

describe("按方面核对:文档逐个方面写明数字时,指出差异所在的方面", () => {
  const parsed = parseDocument(read("09-yuntai-xiangjiang-2022.txt"));

  it("读出每个方面的数字,与识别结果一致", () => {
    expect(parsed.check.aspectStated.filter((a) => a !== null)).toHaveLength(4);
    expect(parsed.check.aspectStated[0]).toEqual({ problems: 6, completed: 5, basicallyCompleted: null, incomplete: 1 });
    expect(parsed.check.matches).toBe(true);
  });

  it("把一个问题移到别的方面后,指出是哪两个方面不一致", () => {
    const moved = moveProblem(draftFrom(parsed), { aspect: 0, problem: 0 }, 1);
    const check = checkFigures({ aspects: moved }, parsed.check.stated, parsed.check.aspectStated);
    expect(check.matches).toBe(false);
    expect(check.mismatches.filter((line) => line.startsWith("第1个方面"))[0]).toMatch(/文档称问题6个,识别出5个$/);
    expect(check.mismatches.filter((line) => line.startsWith("第2个方面"))[0]).toMatch(/文档称问题6个,识别出7个$/);
  });
});
