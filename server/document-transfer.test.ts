import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@/db/client";

// The CLI's path from a document file to a plan, on a real (temp) database file: a new
// round is created in the same transaction, so a document that cannot be imported leaves
// no empty round behind.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-document-"));
process.env.DATABASE_PATH = path.join(dir, "rectify.db");
const { db } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const { createRound, findRoundByName } = await import("@/db/queries/rounds");
const { importDocumentFile } = await import("@/server/document-transfer");

const TODAY = "2026-11-21";
const sqlite = (db as DB & { $client: Database.Database }).$client;
const doumen = fs.readFileSync(path.join(__dirname, "../lib/document-import/fixtures/report-doumen-2021.txt"));
let officeId = "";

const newRound = (name: string) => (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
  createRound(tx, {
    actorId: null,
    input: {
      name, kind: "inspection", inspectingBody: "(待补充)", inspectedBody: "(待补充)", inspectedUnitId: null,
      inspectionStart: null, inspectionEnd: null, feedbackDate: null, deadline: null, dueSoonDays: 7,
    },
  }).id;

beforeAll(async () => {
  await seedDemo(db, TODAY);
  officeId = sqlite.prepare("select id from users where username = 'office'").pluck().get() as string;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("importDocumentFile", () => {
  it("creates the round and its plan from the Doumen report", async () => {
    const result = await importDocumentFile({
      data: doumen, fileName: "斗门.txt", roundId: newRound("斗门区巡视整改"), actorId: null, authorId: officeId, today: TODAY,
    });
    expect(result).toMatchObject({ problems: 16, measures: 39 });
    expect(findRoundByName(db, { name: "斗门区巡视整改" })?.id).toBe(result.roundId);
    expect(sqlite.prepare("select count(*) from aspects where round_id = ?").pluck().get(result.roundId)).toBe(5);
  });

  it("imports with no author, as the command line does before any account exists (issue 13)", async () => {
    // A 通报's 整改情况 becomes verified progress, here with no author.
    const report = "一、落实主体责任方面\n(一)关于理论学习不深入的问题(已完成)\n整改情况:区委常委会召开专题会议,制定学习计划。\n整改措施:一是健全第一议题制度。二是开展专题培训。\n";
    const result = await importDocumentFile({
      data: Buffer.from(report), fileName: "通报.txt", roundId: newRound("命令行导入的通报"), actorId: null, authorId: null, today: TODAY,
    });
    expect(result).toMatchObject({ problems: 1, measures: 2 });
    const reports = sqlite
      .prepare("select count(*) n, count(author_id) authored from progress_reports p join measures m on m.id = p.measure_id where m.round_id = ?")
      .get(result.roundId) as { n: number; authored: number };
    expect(reports.n).toBeGreaterThan(0);
    expect(reports.authored).toBe(0);
  });

  it("imports a problem title past 300 characters cut to fit, its full text in the description (issue 12)", async () => {
    const title = `关于${"很长".repeat(200)}的问题`;
    const result = await importDocumentFile({
      data: Buffer.from(`第一方面:甲\n(一)${title}\n一是措施。`), fileName: "长标题.txt", roundId: newRound("长标题轮次"), actorId: null, authorId: officeId, today: TODAY,
    });
    expect(result).toMatchObject({ problems: 1, measures: 1 });
    const stored = sqlite.prepare("select title, description from problems where round_id = ?").get(result.roundId) as { title: string; description: string };
    expect(stored.title.length).toBeLessThanOrEqual(300);
    expect(stored.description).toContain(`标题全文:${title}`);
  });

  it.each([
    ["a document without problems", Buffer.from("会议纪要\n今天开会研究了整改工作。"), "会议纪要.txt", /没有可导入的问题/],
    ["a file that is not a document", Buffer.from("PK\u0003\u0004junk"), "方案.docx", /不是有效的 Word/],
  ])("refuses %s and leaves no round behind", async (_, data, fileName, message) => {
    const rounds = sqlite.prepare("select count(*) from rounds").pluck().get();
    const audit = sqlite.prepare("select count(*) from audit_log").pluck().get();
    await expect(
      importDocumentFile({ data, fileName, roundId: newRound(`不应留下的轮次${fileName}`), actorId: null, authorId: officeId, today: TODAY }),
    ).rejects.toThrow(message);
    expect(sqlite.prepare("select count(*) from rounds").pluck().get()).toBe(rounds);
    expect(sqlite.prepare("select count(*) from audit_log").pluck().get()).toBe(audit);
  });
});

// Issue 12, what done looks like: for a report of each shape, import-document followed by
// summary gives the report's own figures (the published ones, where items are withheld).
describe("import-document then summary gives each genre report's figures", async () => {
  const { CORPUS } = await import("@/lib/document-import/fixtures/genre/corpus");
  const { roundSummary } = await import("@/db/queries/summary");
  it.each(CORPUS)("$file", async (entry) => {
    const data = fs.readFileSync(path.join(__dirname, "../lib/document-import/fixtures/genre", entry.file));
    const result = await importDocumentFile({ data, fileName: entry.file, roundId: newRound(`通报 ${entry.file}`), actorId: null, authorId: officeId, today: TODAY });
    const summary = roundSummary(db, { roundId: result.roundId, today: TODAY })!;
    const published = entry.problemsPerAspect.reduce((a, b) => a + b, 0);
    expect(summary.problems).toEqual({ total: published, ...entry.status });
    if (!entry.withheld && entry.stated.problems !== null) expect(summary.problems.total).toBe(entry.stated.problems);
    for (const field of ["completed", "basicallyCompleted", "incomplete"] as const) {
      if (!entry.withheld && entry.stated[field] !== null) expect(summary.problems[field]).toBe(entry.stated[field]);
    }
  });
});

// Issue 12, item 3: 牵头领导 / 牵头单位 / 责任单位 lines and a 完成时限 inside one measure.
describe("responsibility lines and measure-level deadlines", () => {
  it("assigns the units the document names, reports the names that match none, and gives a measure its own deadline", async () => {
    const doc = [
      "第一方面:落实主体责任方面",
      "(一)关于“台账管理不规范”的问题。(基本完成)",
      "牵头领导:张三",
      "牵头单位:区教育局",
      "责任单位:新安街道、区乡村振兴服务中心",
      "整改情况:一是建立整改台账(完成时限:2022年3月底)。二是逐项对账销号。",
      "完成时限:2022年6月底",
    ].join("\n");
    const result = await importDocumentFile({
      data: Buffer.from(doc), fileName: "责任.txt", roundId: newRound("责任单位轮次"), actorId: null, authorId: officeId, today: TODAY,
    });
    expect(result.unmatchedUnits).toEqual(["区乡村振兴服务中心"]);
    const unitName = (id: unknown) => sqlite.prepare("select name from units where id = ?").pluck().get(id);
    const problem = sqlite.prepare("select id, lead_leader, lead_unit_id from problems where round_id = ?").get(result.roundId) as { id: number; lead_leader: string; lead_unit_id: number };
    expect(problem.lead_leader).toBe("张三");
    expect(unitName(problem.lead_unit_id)).toBe("区教育局");
    const rows = sqlite.prepare("select id, lead_unit_id, deadline from measures where problem_id = ? order by position").all(problem.id) as { id: number; lead_unit_id: number; deadline: string }[];
    expect(rows.map((m) => [unitName(m.lead_unit_id), m.deadline])).toEqual([["区教育局", "2022-03-31"], ["区教育局", "2022-06-30"]]);
    const coUnits = sqlite.prepare("select unit_id from measure_co_units where measure_id = ?").pluck().all(rows[0]!.id).map(unitName);
    expect(coUnits).toEqual(["新安街道"]);
  });
});

describe("unit names that match no unit: the office maps or creates them", () => {
  const doc = [
    "第一方面:落实主体责任方面",
    "(一)关于“台账管理不规范”的问题。",
    "牵头单位:区教育和体育局",
    "责任单位:区乡村振兴服务中心",
    "整改情况:一是建立整改台账。",
  ].join("\n");

  it("maps a name to an existing unit and creates another, with its audit row, in the import's transaction", async () => {
    const { parseDocument } = await import("@/lib/document-import/parse-document");
    const { draftFrom, toPlan } = await import("@/lib/document-import/draft");
    const { confirmDocumentPlan: confirm } = await import("@/server/document-transfer");
    const education = sqlite.prepare("select id from units where name = '区教育局'").pluck().get() as number;
    const plan = toPlan(draftFrom(parseDocument(doc)));
    const result = confirm({
      roundId: newRound("单位对应轮次"), plan, source: "单位.txt", actorId: officeId, authorId: officeId, today: TODAY,
      unitMap: { 区教育和体育局: education, 区乡村振兴服务中心: "new" },
    });
    expect(result.unmatchedUnits).toEqual([]);
    const created = sqlite.prepare("select id from units where name = '区乡村振兴服务中心'").pluck().get() as number;
    expect(created).toBeGreaterThan(0);
    expect(sqlite.prepare("select count(*) from audit_log where action = 'unit.create' and entity_id = ?").pluck().get(String(created))).toBe(1);
    const measure = sqlite.prepare("select id, lead_unit_id from measures where round_id = ?").get(result.roundId) as { id: number; lead_unit_id: number };
    expect(measure.lead_unit_id).toBe(education);
    expect(sqlite.prepare("select unit_id from measure_co_units where measure_id = ?").pluck().all(measure.id)).toEqual([created]);
  });

  it("refuses a unit that does not exist and writes nothing", async () => {
    const { parseDocument } = await import("@/lib/document-import/parse-document");
    const { draftFrom, toPlan } = await import("@/lib/document-import/draft");
    const { confirmDocumentPlan: confirm } = await import("@/server/document-transfer");
    const rounds = sqlite.prepare("select count(*) from rounds").pluck().get();
    const plan = toPlan(draftFrom(parseDocument(doc.replace("区乡村振兴服务中心", "区智慧城市运营中心"))));
    expect(() =>
      confirm({ roundId: newRound("不存在的单位轮次"), plan, source: "单位.txt", actorId: officeId, authorId: officeId, today: TODAY, unitMap: { 区教育和体育局: 999_999 } }),
    ).toThrow("为“区教育和体育局”选择的单位不存在,请刷新后重新选择");
    expect(sqlite.prepare("select count(*) from rounds").pluck().get()).toBe(rounds);
    expect(sqlite.prepare("select count(*) from units where name = '区智慧城市运营中心'").pluck().get()).toBe(0);
  });
});
