import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@/db/client";
import { dumpTables } from "@/testing/table-dump";

// The whole path from file to database, on a real (temp) database file: a bad file must
// leave every table exactly as it was, and a good one must land whole.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-transfer-"));
process.env.DATABASE_PATH = path.join(dir, "rectify.db");
const { db } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const { createRound } = await import("@/db/queries/rounds");
const { importLedgerFile, exportLedger, previewLedgerFile } = await import("@/server/ledger-transfer");
const { parseListFilter } = await import("@/lib/validations/list-filter");

const TODAY = "2026-11-21";
const sqlite = (db as DB & { $client: Database.Database }).$client;
let officeId = "";

const dump = () => dumpTables(sqlite);

const csv = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
const roundInput = (name: string) => ({
  name,
  kind: "patrol" as const,
  inspectingBody: "区委第一巡察组",
  inspectedBody: "区教育局党组",
  inspectedUnitId: null,
  inspectionStart: null,
  inspectionEnd: null,
  feedbackDate: "2026-03-01",
  deadline: null,
  dueSoonDays: 7,
});

beforeAll(async () => {
  await seedDemo(db, TODAY);
  officeId = sqlite.prepare("select id from users where username = 'office'").pluck().get() as string;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("importLedgerFile", () => {
  const bad: [string, Buffer, string, RegExp][] = [
    ["a wrong header", csv(["编号,描述", "1,某问题"]), "a.csv", /未找到表头/],
    ["an unknown status word", csv(["序号,问题,整改状态", "1,关于学习不深入的问题,差不多"]), "b.csv", /第 2 行“整改状态”/],
    ["a row without 问题", csv(["序号,问题,整改措施", "1,,加强学习"]), "c.csv", /第 2 行“问题”/],
    ["junk named .xlsx", Buffer.alloc(256 * 1024, 7), "d.xlsx", /不是有效的 xlsx/],
    ["a header with no rows", csv(["序号,问题"]), "e.csv", /没有任何问题行/],
  ];
  it.each(bad)("refuses %s and changes nothing, not even the round it would create", async (_name, data, fileName, message) => {
    const before = dump();
    await expect(
      importLedgerFile({
        data,
        fileName,
        feedbackDate: null,
        actorId: officeId,
        authorId: officeId,
        today: TODAY,
        roundId: (tx) => createRound(tx, { actorId: null, input: roundInput(`坏文件 ${fileName}`) }).id,
      }),
    ).rejects.toThrow(message);
    expect(dump()).toBe(before);
  });

  it("rolls back the new round when the import fails inside the transaction", async () => {
    const before = dump();
    await expect(
      importLedgerFile({
        // The last write (整改情况 by an author who does not exist) breaks a foreign key.
        data: csv(["序号,问题,牵头单位,整改情况", "1,关于学习不深入的问题,区委新设机构,已召开专题会议"]),
        fileName: "f.csv",
        feedbackDate: null,
        actorId: null,
        authorId: "no-such-user",
        today: TODAY,
        roundId: (tx) => createRound(tx, { actorId: null, input: roundInput("中途失败的轮次") }).id,
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(dump()).toBe(before);
  });

  it("imports an export of the demo round into a new round with the same figures", async () => {
    const demoId = sqlite.prepare("select id from rounds order by id limit 1").pluck().get() as number;
    const { buffer } = await exportLedger({ roundId: demoId, filter: parseListFilter({}), today: TODAY });
    const result = await importLedgerFile({
      data: buffer,
      fileName: "export.xlsx",
      feedbackDate: null,
      actorId: officeId,
      authorId: officeId,
      today: TODAY,
      roundId: (tx) => createRound(tx, { actorId: officeId, input: roundInput("导出再导入") }).id,
    });
    expect(result).toMatchObject({ problems: 17, measures: 68, createdUnits: [] });
    const byStatus = (id: number) =>
      sqlite.prepare("select status, count(*) n from measures where round_id = ? group by status order by status").all(id);
    expect(byStatus(result.roundId)).toEqual(byStatus(demoId));
    expect(sqlite.prepare("select count(*) from audit_log where action = 'round.import'").pluck().get()).toBe(1);
  });
});

describe("previewLedgerFile", () => {
  // One cell with 一是…二是…三是…, one with "；"-separated sentences, one too short to split, one empty.
  const file = csv([
    "序号,问题,整改措施,牵头单位",
    "1,关于理论学习不深入的问题,一是科学确定学习主题;二是加强调研课题管理;三是推动学习常态化,区委宣传部",
    "1,,健全理论学习制度；完善中心组学习考核,区委宣传部",
    "2,关于主体责任落实不到位的问题,加强学习；长期坚持,区纪委监委",
    "3,关于基层党建薄弱的问题,,区委组织部",
  ]);

  it.each([false, true])("reports the measures with and without the split (previewed split: %s), writing nothing", async (splitMeasures) => {
    const before = dump();
    const preview = await previewLedgerFile({ data: file, fileName: "split.csv", round: { feedbackDate: null }, splitMeasures });
    expect(preview.plan.errors).toEqual([]);
    expect(preview).toMatchObject({ measures: 4, measuresIfSplit: 7, measureCount: splitMeasures ? 7 : 4 });
    expect(dump()).toBe(before);
  });

  it("imports the split measures when asked", async () => {
    const result = await importLedgerFile({
      data: file,
      fileName: "split.csv",
      feedbackDate: null,
      actorId: officeId,
      authorId: officeId,
      today: TODAY,
      splitMeasures: true,
      roundId: (tx) => createRound(tx, { actorId: officeId, input: roundInput("拆分措施") }).id,
    });
    expect(result).toMatchObject({ problems: 3, measures: 7 });
    const texts = sqlite.prepare("select text from measures where round_id = ? order by problem_id, position").pluck().all(result.roundId);
    expect(texts).toEqual([
      "科学确定学习主题",
      "加强调研课题管理",
      "推动学习常态化",
      "健全理论学习制度",
      "完善中心组学习考核",
      "加强学习；长期坚持",
      "关于基层党建薄弱的问题",
    ]);
  });
});
