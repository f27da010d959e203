import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "@/db/client";
import { dumpTables } from "@/testing/table-dump";

// The update import end to end on a real (temp) database seeded with the Baoan demo: the
// office exports the ledger, edits cells, and re-imports. Exactly the edited cells change,
// each with its audit row, in one transaction; anything refused leaves every table as it was.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-update-"));
process.env.DATABASE_PATH = path.join(dir, "rectify.db");
const { db } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const { roundSummary } = await import("@/db/queries/summary");
const { createRound, getRound } = await import("@/db/queries/rounds");
const { exportLedger } = await import("@/server/ledger-transfer");
const { applyLedgerUpdate, previewLedgerUpdate } = await import("@/server/ledger-update");
const { parseListFilter } = await import("@/lib/validations/list-filter");

const TODAY = "2026-11-21";
const sqlite = (db as DB & { $client: Database.Database }).$client;
let officeId = "";
let roundId = 0;
const round = () => getRound(db, { id: roundId })!;

const dump = () => dumpTables(sqlite);

beforeAll(async () => {
  await seedDemo(db, TODAY);
  officeId = sqlite.prepare("select id from users where username = 'office'").pluck().get() as string;
  roundId = sqlite.prepare("select id from rounds order by id limit 1").pluck().get() as number;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The exported ledger as exceljs sees it; rows from 3 on are measures in plan order. */
async function exported(): Promise<ExcelJS.Workbook> {
  const { buffer } = await exportLedger({ roundId, filter: parseListFilter({}), today: TODAY });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}
const sheetOf = (workbook: ExcelJS.Workbook) => workbook.worksheets[0]!;
const bytes = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());
const COLUMN = { 序号: 1, 方面: 2, 问题: 3, 整改措施: 4, 牵头单位: 6, 责任单位: 7, 完成时限: 8, 整改状态: 9, 整改情况: 10 } as const;

/** Rows (1-based sheet rows) whose status is `label`, for picking cells to edit. */
function rowsWithStatus(sheet: ExcelJS.Worksheet, label: string): number[] {
  const found: number[] = [];
  sheet.eachRow((row, n) => {
    if (n > 2 && row.getCell(COLUMN.整改状态).value === label) found.push(n);
  });
  return found;
}

const preview = (data: Uint8Array, fileName = "台账.xlsx") => previewLedgerUpdate({ data, fileName, round: round(), today: TODAY });
const apply = (data: Uint8Array, token?: string | null, fileName = "台账.xlsx") =>
  applyLedgerUpdate({ data, fileName, round: round(), actorId: officeId, authorId: officeId, today: TODAY, token });
const auditSince = (id: number) =>
  sqlite.prepare("select action, entity, entity_id as entityId, actor_id as actorId, after from audit_log where id > ? order by id").all(id) as {
    action: string;
    entity: string;
    entityId: string;
    actorId: string | null;
    after: string;
  }[];
const lastAuditId = () => sqlite.prepare("select coalesce(max(id), 0) from audit_log").pluck().get() as number;

describe("update import on the demo round", () => {
  let pristine = "";
  beforeEach(() => {
    pristine ||= dump();
  });

  it("finds no differences in an untouched export, and refuses to apply it", async () => {
    const data = await bytes(await exported());
    const result = await preview(data);
    expect(result.errors).toEqual([]);
    expect(result.counts).toEqual({ added: 0, changed: 0, statusChanges: 0, missing: 0 });
    expect(result.diff).toMatchObject({ addedProblems: [], changedMeasures: [], statusChanges: [], conflicts: [] });
    const before = dump();
    await expect(apply(data, result.token)).rejects.toThrow(/没有需要更新的差异/);
    expect(dump()).toBe(before);
  });

  it("previews and applies exactly 3 status changes and 1 deadline, audited, and the summary moves", async () => {
    const workbook = await exported();
    const sheet = sheetOf(workbook);
    const incomplete = rowsWithStatus(sheet, "未完成");
    const completed = rowsWithStatus(sheet, "已完成");
    const [a, b] = incomplete;
    const c = completed[0]!;
    sheet.getRow(a!).getCell(COLUMN.整改状态).value = "已完成";
    sheet.getRow(a!).getCell(COLUMN.整改情况).value = "已制定专项方案并全部落实";
    sheet.getRow(b!).getCell(COLUMN.整改状态).value = "基本完成";
    sheet.getRow(c).getCell(COLUMN.整改状态).value = "未完成";
    const d = incomplete[2]!;
    sheet.getRow(d).getCell(COLUMN.完成时限).value = "2027年6月底";
    const data = await bytes(workbook);

    const before = roundSummary(db, { roundId, today: TODAY })!;
    const shown = await preview(data);
    expect(shown.counts).toEqual({ added: 0, changed: 1, statusChanges: 3, missing: 0 });
    expect(shown.diff!.statusChanges.map((s) => [s.line, s.from, s.to])).toEqual(
      [
        [a, "incomplete", "completed"],
        [b, "incomplete", "basically_completed"],
        [c, "completed", "incomplete"],
      ].sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
    expect(shown.diff!.changedMeasures).toEqual([
      expect.objectContaining({ line: d, changes: [expect.objectContaining({ field: "deadline", after: "2027年6月底" })] }),
    ]);

    const since = lastAuditId();
    const result = await apply(data, shown.token);
    expect(result).toEqual({ roundId, added: 0, changed: 1, statusChanges: 3, missing: 0, createdUnits: [] });

    const rows = auditSince(since);
    expect(rows.map((r) => r.action).sort()).toEqual(
      ["measure.reopen", "measure.sign_off", "measure.sign_off", "measure.update_import", "round.import_update"].sort(),
    );
    expect(rows.every((r) => r.actorId === officeId)).toBe(true);
    expect(JSON.parse(rows.find((r) => r.action === "round.import_update")!.after)).toMatchObject({ source: "台账.xlsx", changed: 1, statusChanges: 3 });

    // The summary moves by exactly the three statuses: +1 and −1 已完成, +1 基本完成, −2 and +1 未完成.
    const after = roundSummary(db, { roundId, today: TODAY })!;
    expect(after.measures).toEqual({
      total: before.measures.total,
      completed: before.measures.completed,
      basicallyCompleted: before.measures.basicallyCompleted + 1,
      incomplete: before.measures.incomplete - 1,
    });
    // The sign-off is a signed-off claim, with the file's 整改情况 when it is new.
    const signOff = JSON.parse(rows.find((r) => r.action === "measure.sign_off" && JSON.parse(r.after).status === "completed")!.after);
    const report = sqlite.prepare("select text, review_state, reviewer_id, is_claim, claimed_status from progress_reports where id = ?").get(signOff.reportId);
    expect(report).toEqual({ text: "已制定专项方案并全部落实", review_state: "signed_off", reviewer_id: officeId, is_claim: 1, claimed_status: "completed" });
    expect(signOff.reason).toMatch(/^台账更新导入\(台账\.xlsx 第 \d+ 行\):整改状态由“未完成”改为“已完成”$/);

    // Problem statuses are rolled up from their measures.
    const wrong = sqlite
      .prepare(`select count(*) from problems p where p.round_id = ? and p.status != (
        select case when min(m.status = 'completed') = 1 then 'completed'
                    when min(m.status != 'incomplete') = 1 then 'basically_completed' else 'incomplete' end
        from measures m where m.problem_id = p.id)`)
      .pluck()
      .get(roundId);
    expect(wrong).toBe(0);
    const deadline = sqlite
      .prepare("select deadline, deadline_text as deadlineText, version from measures where id = ?")
      .get(JSON.parse(rows.find((r) => r.action === "measure.update_import")!.entityId));
    expect(deadline).toMatchObject({ deadline: "2027-06-30", deadlineText: "2027年6月底" });

    // Re-exporting now gives the file just applied: nothing left to update.
    expect((await preview(await bytes(await exported()))).counts).toEqual({ added: 0, changed: 0, statusChanges: 0, missing: 0 });
  });

  it("adds rows, flags missing rows without deleting them, and creates named units", async () => {
    const workbook = await exported();
    const sheet = sheetOf(workbook);
    const last = sheet.rowCount;
    const lastNumber = Number(sheet.getRow(last).getCell(COLUMN.序号).value);
    // A measure appended to the last problem, a new problem 99, and problem 1 dropped from the file.
    const copy = (from: number, to: number) => {
      sheet.getRow(from).eachCell({ includeEmpty: true }, (cell, col) => {
        sheet.getRow(to).getCell(col).value = cell.value;
      });
    };
    copy(last, last + 1);
    sheet.getRow(last + 1).getCell(COLUMN.整改措施).value = "建立问题整改长效机制";
    sheet.getRow(last + 1).getCell(COLUMN.牵头单位).value = "区整改新设专班";
    copy(last, last + 2);
    Object.entries({ 序号: 99, 问题: "关于整改台账更新不及时的问题", 整改措施: "每周更新整改台账", 整改状态: "未完成", 整改情况: null }).forEach(([column, value]) => {
      sheet.getRow(last + 2).getCell(COLUMN[column as keyof typeof COLUMN]).value = value;
    });
    const firstProblemRows: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2 && row.getCell(COLUMN.序号).value === 1) firstProblemRows.push(n);
    });
    for (const n of firstProblemRows.reverse()) sheet.spliceRows(n, 1);
    const data = await bytes(workbook);

    const shown = await preview(data);
    expect(shown.counts).toEqual({ added: 2, changed: 0, statusChanges: 0, missing: firstProblemRows.length });
    expect(shown.newUnits).toEqual(["区整改新设专班"]);
    expect(shown.diff!.missingProblems).toEqual([expect.objectContaining({ number: 1, measures: firstProblemRows.length })]);

    const measuresBefore = sqlite.prepare("select count(*) from measures where round_id = ?").pluck().get(roundId) as number;
    const since = lastAuditId();
    const result = await apply(data, shown.token);
    expect(result).toMatchObject({ added: 2, missing: firstProblemRows.length, createdUnits: ["区整改新设专班"] });
    expect(sqlite.prepare("select count(*) from measures where round_id = ?").pluck().get(roundId)).toBe(measuresBefore + 2);
    expect(sqlite.prepare("select count(*) from problems where round_id = ? and number = 1").pluck().get(roundId)).toBe(1);
    const appended = sqlite
      .prepare(`select m.position, u.name as unit, (select count(*) from measures x where x.problem_id = m.problem_id) as siblings
        from measures m join problems p on p.id = m.problem_id left join units u on u.id = m.lead_unit_id
        where p.round_id = ? and p.number = ? and m.text = '建立问题整改长效机制'`)
      .get(roundId, lastNumber) as { position: number; unit: string; siblings: number };
    expect(appended).toMatchObject({ unit: "区整改新设专班" });
    expect(appended.position).toBe(appended.siblings);
    expect(auditSince(since).map((r) => r.action).sort()).toEqual(
      ["measure.create_import", "measure.create_import", "problem.create_import", "round.import_update"].sort(),
    );
  });

  it("refuses a stale preview: the round changed after it was shown", async () => {
    const workbook = await exported();
    const sheet = sheetOf(workbook);
    const row = rowsWithStatus(sheet, "未完成")[0]!;
    sheet.getRow(row).getCell(COLUMN.整改状态).value = "已完成";
    const data = await bytes(workbook);
    const shown = await preview(data);
    expect(shown.counts?.statusChanges).toBe(1);
    // Someone edits the same measure's text in between.
    const text = String(sheet.getRow(row).getCell(COLUMN.整改措施).value);
    sqlite.prepare("update measures set text = text || '(已修订)' where round_id = ? and text = ?").run(roundId, text);
    const before = dump();
    await expect(apply(data, shown.token)).rejects.toThrow(/预览之后/);
    expect(dump()).toBe(before);
  });

  it("refuses a file with errors or shifted rows, changing nothing", async () => {
    const workbook = await exported();
    const sheet = sheetOf(workbook);
    sheet.getRow(3).getCell(COLUMN.整改状态).value = "差不多";
    const before = dump();
    await expect(apply(await bytes(workbook))).rejects.toThrow(/文件有 1 处错误,未更新:第 3 行“整改状态”/);
    expect((await preview(await bytes(workbook))).diff).toBeNull();

    const shifted = await exported();
    const rows = sheetOf(shifted);
    // Swap the first two measures of a problem: matching by order would rewrite both.
    const [m1, m2] = [rows.getRow(3).getCell(COLUMN.整改措施).value, rows.getRow(4).getCell(COLUMN.整改措施).value];
    expect(rows.getRow(3).getCell(COLUMN.序号).value).toBe(rows.getRow(4).getCell(COLUMN.序号).value);
    rows.getRow(3).getCell(COLUMN.整改措施).value = m2;
    rows.getRow(4).getCell(COLUMN.整改措施).value = m1;
    const shown = await preview(await bytes(shifted));
    expect(shown.diff!.conflicts).toHaveLength(2);
    await expect(apply(await bytes(shifted), shown.token)).rejects.toThrow(/2 处措施行与本轮次对不上/);
    expect(dump()).toBe(before);
  });

  it("is all or nothing: a row failing mid-way leaves no change and no audit row", async () => {
    const workbook = await exported();
    const sheet = sheetOf(workbook);
    const open = rowsWithStatus(sheet, "未完成");
    sheet.getRow(open[0]!).getCell(COLUMN.整改状态).value = "已完成";
    sheet.getRow(open[1]!).getCell(COLUMN.整改措施).value = "这一行写入时会失败";
    const data = await bytes(workbook);
    // The database refuses the second change, after the first was written in the transaction.
    sqlite.exec(`create trigger fail_update before update of text on measures when new.text = '这一行写入时会失败'
      begin select raise(abort, 'simulated failure'); end`);
    try {
      const before = dump();
      await expect(apply(data)).rejects.toThrow("simulated failure");
      expect(dump()).toBe(before);
    } finally {
      sqlite.exec("drop trigger fail_update");
    }
  });

  it("refuses a round without a plan: that is a plain import", async () => {
    const input = { name: "空轮次", kind: "patrol" as const, inspectingBody: "区委巡察组", inspectedBody: "区教育局", inspectedUnitId: null, inspectionStart: null, inspectionEnd: null, feedbackDate: null, deadline: null, dueSoonDays: 7 };
    const empty = db.transaction((tx) => createRound(tx, { actorId: officeId, input })).id;
    const data = await bytes(await exported());
    await expect(
      applyLedgerUpdate({ data, fileName: "台账.xlsx", round: getRound(db, { id: empty })!, actorId: officeId, authorId: officeId, today: TODAY }),
    ).rejects.toThrow(/尚未录入方案/);
  });
});
