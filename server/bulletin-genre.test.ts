import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateReport } from "@/server/bulletin-files";
import { createPlanFromDocument } from "@/db/queries/document-import";
import { createRound } from "@/db/queries/rounds";
import type { ReportDocument } from "@/lib/bulletin";
import { draftFrom, toPlan } from "@/lib/document-import/draft";
import { parseDocument } from "@/lib/document-import/parse-document";
import { seededTestDb } from "@/testing/seeded-db";

// The generated 通报 set beside the published ones (../shared/reference/, copied to
// lib/document-import/fixtures/): the same sections in the same order, about the same length
// per problem, and nothing printed twice. Issue 14: an imported round's 整改情况 repeated
// every measure and doubled the report; status marks sat mid-sentence; boilerplate and
// system wording ("目前尚未登记…") stood where an office writes nothing.

const TODAY = "2026-11-21";
const FIXTURES = path.join(__dirname, "../lib/document-import/fixtures");
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), "utf8");

let t: Awaited<ReturnType<typeof seededTestDb>>;
beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

/** The document as its text lines, the way a reader meets them. */
function lines(doc: ReportDocument): string[] {
  return [
    doc.title,
    ...doc.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => (b.kind === "paragraph" ? `${b.lead ?? ""}${b.text}` : b.text))]),
  ];
}
const length = (text: string) => text.replace(/\s/g, "").length;

// What each top-level section of a 通报 is about, in the order the genre puts them.
const KINDS = [
  ["overview", /整改工作|政治站位|政治任务|整改作为/],
  ["problems", /问题|成效|真改实改/],
  ["institutions", /建章立制/],
  ["clues", /信访|线索/],
  ["unfinished", /需要进一步整改/],
  ["next", /下一步|持续深入推进/],
] as const;
function kindOf(heading: string): string {
  // The later kinds are the more specific: "需要进一步整改的事项" also names 整改.
  return [...KINDS].reverse().find(([, pattern]) => pattern.test(heading))?.[0] ?? "other";
}
const order = (kinds: string[]) => kinds.map((k) => KINDS.findIndex(([name]) => name === k));
const topHeadings = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => /^[一二三四五六七八九十]+、/.test(l));

/** Texts that stand in a 通报 only once (normalised: no punctuation, no spaces). */
function repeated(doc: ReportDocument, measureTexts: string[]): string[] {
  const body = lines(doc).join("").replace(/[\p{P}\s]/gu, "");
  return measureTexts
    .map((m) => m.replace(/^【下一步措施】/u, "").replace(/[\p{P}\s]/gu, ""))
    .filter((m) => m.length >= 12)
    .filter((m) => body.indexOf(m) !== body.lastIndexOf(m));
}
const measureTexts = (roundId: number) => t.column<string>("select text from measures where round_id = ?", roundId);

function checkWording(doc: ReportDocument) {
  const text = lines(doc).join("\n");
  // System wording and boilerplate an office would never publish.
  expect(text).not.toMatch(/尚未登记|暂未报送|倒排工期、挂图作战,持续跟踪督办|巩固已有整改成果,健全长效机制/);
  // A status mark ends a title line, never sits inside a paragraph.
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.kind === "paragraph") expect(block.text).not.toMatch(/[((](已完成|基本完成|未完成)[))]/);
    }
  }
}

describe("the demo round's 通报 beside the Baoan report it was taken from", () => {
  const reference = read("report-baoan-2021.txt");

  it("has the genre's sections in the genre's order, as every reference does", () => {
    const doc = generateReport({ roundId: t.roundId(), today: TODAY }, t.db).report;
    const generated = doc.sections.map((s) => kindOf(s.heading));
    expect(generated).toEqual(["overview", "problems", "institutions", "clues", "unfinished", "next"]);
    for (const file of ["report-baoan-2021.txt", "report-doumen-2021.txt", "report-luohu-2019.txt", "genre/03-qingshui-xianwei-2022.txt"]) {
      const kinds = topHeadings(read(file)).map(kindOf);
      expect(kinds[0], file).toBe("overview");
      expect(kinds.at(-1), file).toBe("next");
      expect(order(kinds), file).toEqual([...order(kinds)].sort((a, b) => a - b));
    }
    // Under the problems: "第一方面问题,…" then "(一)关于…的问题(状态)", as in the reference.
    const headings = doc.sections[1]!.blocks.filter((b) => b.kind === "heading").map((b) => b.text);
    expect(headings[0]).toMatch(/^第一方面问题,/);
    expect(headings[1]).toMatch(/^\(一\)关于.+的问题\((已完成|基本完成|未完成)\)$/);
    expect(reference).toContain(headings[0]!.slice(0, 12));
  });

  it("runs about as long per problem as the reference, and prints no measure twice", () => {
    const doc = generateReport({ roundId: t.roundId(), today: TODAY }, t.db).report;
    const problems = t.one<number>("select count(*) from problems where round_id = ?", t.roundId());
    const referenceProblems = reference.split("\n").filter((l) => /^[((][一二三四五六七八九十]+[))]关于/.test(l)).length;
    expect(referenceProblems).toBe(17);
    const ratio = length(lines(doc).join("")) / problems / (length(reference) / referenceProblems);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
    expect(repeated(doc, measureTexts(t.roundId()))).toEqual([]);
    checkWording(doc);
  });
});

describe("a round imported from a published 通报 prints it back at its own length", () => {
  it.each([
    "report-baoan-2021.txt",
    "report-doumen-2021.txt",
    "report-luohu-2019.txt",
    // 整改情况 written out under each problem: the shape that doubled the report.
    "genre/01-binhai-quwei-2022.txt",
    "genre/03-qingshui-xianwei-2022.txt",
    "genre/04-jiangzhou-jiaotong-2021.txt",
  ])("%s", (file) => {
    const source = read(file);
    const roundId = t.db.transaction((tx) => {
      const round = createRound(tx, {
        actorId: null,
        input: {
          name: `导入${file}`, kind: "inspection", inspectingBody: "省委巡视组", inspectedBody: "区委", inspectedUnitId: null,
          inspectionStart: null, inspectionEnd: null, feedbackDate: null, deadline: null, dueSoonDays: 7,
        },
      });
      const plan = toPlan(draftFrom(parseDocument(source)));
      createPlanFromDocument(tx, { actorId: null, authorId: null, roundId: round.id, plan, source: file, today: TODAY });
      return round.id;
    });
    const doc = generateReport({ roundId, today: TODAY }, t.db).report;
    const ratio = length(lines(doc).join("")) / length(source);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.25);
    expect(repeated(doc, measureTexts(roundId))).toEqual([]);
    checkWording(doc);
  });
});
