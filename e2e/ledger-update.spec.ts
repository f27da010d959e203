import fs from "node:fs";
import ExcelJS from "exceljs";
import { cli, expect, readDb, signInAs, test } from "./fixtures";
import { RoundPages } from "./pages/round-pages";
import { baoanLedgerRows, csvText } from "./support/ledger-files";

// The office keeps its ledger in Excel: it exports the round's ledger, marks three items'
// status and moves one deadline, and uploads the file again. The import page shows exactly
// those four differences; confirming applies them with their audit rows, and the round's
// figures move accordingly. A round of its own, so parallel specs see none of it.
test.describe.configure({ mode: "serial" });

const roundName = `区委巡察反馈意见整改(更新导入测试${Date.now().toString(36)})`;
const STATUS = 9;
const DEADLINE = 8;

interface Summary {
  problems: Record<"total" | "completed" | "basicallyCompleted" | "incomplete", number>;
  measures: Record<"total" | "completed" | "basicallyCompleted" | "incomplete", number>;
}
const sentence = (c: Summary["problems"], noun: string, cl = "个") =>
  `${c.total}${cl}${noun},目前已完成${c.completed}${cl}、基本完成${c.basicallyCompleted}${cl}、未完成${c.incomplete}${cl}`;

test("导出台账,改 3 个状态和 1 个完成时限后更新导入:恰好这 4 处差异被预览、写入并记入日志", async ({ page }, testInfo) => {
  await signInAs(page, "office");
  const rounds = new RoundPages(page);
  const roundId = await rounds.createRound(roundName);
  await rounds.previewImport(roundId, { name: "宝安台账.csv", mimeType: "text/csv", buffer: Buffer.from(csvText(baoanLedgerRows().map((r) => r.cells))) });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/problems$`));
  const before = (await (await page.request.get(`/api/v1/rounds/${roundId}/summary`)).json()) as Summary;

  // The round now has a plan: its import page is the update import. Export from there.
  await page.goto(`/rounds/${roundId}/import`);
  await expect(page.getByRole("heading", { name: "更新导入整改台账" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出当前台账" }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.worksheets[0]!;

  // Two open items done, one done item reopened, one open item's deadline moved.
  const withStatus = (label: string) => {
    const rows: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2 && row.getCell(STATUS).value === label) rows.push(n);
    });
    return rows;
  };
  const open = withStatus("未完成");
  const done = withStatus("已完成");
  sheet.getRow(open[0]!).getCell(STATUS).value = "已完成";
  sheet.getRow(open[1]!).getCell(STATUS).value = "基本完成";
  sheet.getRow(done[0]!).getCell(STATUS).value = "未完成";
  sheet.getRow(open[2]!).getCell(DEADLINE).value = "2027年6月底";
  const edited = testInfo.outputPath("台账-已更新.xlsx");
  await workbook.xlsx.writeFile(edited);

  await page.getByLabel("台账文件").setInputFiles(edited);
  await page.getByRole("button", { name: "上传并比对差异" }).click();
  await expect(page.getByTestId("update-counts")).toHaveText("与本轮次现有方案相比:新增 0 项,内容变更 1 项,状态变更 3 项,文件中缺少 0 项。");
  const statusTable = page.getByRole("table", { name: "状态变更" });
  await expect(statusTable.getByRole("row")).toHaveCount(4);
  for (const [row, from, to] of [
    [open[0]!, "未完成", "已完成"],
    [open[1]!, "未完成", "基本完成"],
    [done[0]!, "已完成", "未完成"],
  ] as const) {
    await expect(statusTable.getByRole("row").filter({ has: page.getByRole("cell", { name: String(row), exact: true }) })).toContainText(`${from}${to}`);
  }
  const changeTable = page.getByRole("table", { name: "内容变更" });
  await expect(changeTable.getByRole("row")).toHaveCount(2);
  await expect(changeTable.getByRole("row").nth(1)).toContainText("完成时限");
  await expect(changeTable.getByRole("row").nth(1)).toContainText("2027年6月底");
  await expect(page.getByRole("table", { name: "新增" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "文件中缺少" })).toHaveCount(0);

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("状态变更 3 项");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "确认更新" }).click();
  await expect(page.getByRole("status")).toContainText("已更新:新增 0 项,内容变更 1 项,状态变更 3 项");

  // The figures moved by exactly the three statuses: +1 −1 已完成, +1 基本完成, −2 +1 未完成.
  const after = (await (await page.request.get(`/api/v1/rounds/${roundId}/summary`)).json()) as Summary;
  expect(after.measures).toEqual({
    total: before.measures.total,
    completed: before.measures.completed,
    basicallyCompleted: before.measures.basicallyCompleted + 1,
    incomplete: before.measures.incomplete - 1,
  });
  await page.getByRole("link", { name: "查看整改台账" }).click();
  await expect(page.getByText(`反馈的${sentence(after.problems, "问题")};${sentence(after.measures, "整改措施", "项")}。`)).toBeVisible();

  const audit = readDb((db) =>
    db
      .prepare(
        `select action, count(*) n from audit_log a where (
           (a.entity = 'measure' and a.entity_id in (select cast(id as text) from measures where round_id = @r))
           or (a.entity = 'round' and a.entity_id = @id))
         and a.action not in ('round.create', 'round.import') group by action order by action`,
      )
      .all({ r: roundId, id: String(roundId) }), // better-sqlite3 binds a JS number as REAL: cast(5.0 as text) is '5.0'
  );
  expect(audit).toEqual([
    { action: "measure.reopen", n: 1 },
    { action: "measure.sign_off", n: 2 },
    { action: "measure.update_import", n: 1 },
    { action: "round.import_update", n: 1 },
  ]);

  // The command line agrees: the same file has nothing left to update.
  const dryRun = cli(["import", edited, "--round", roundName, "--update", "--dry-run"]) as Record<string, unknown>;
  expect(dryRun).toMatchObject({ roundId, added: 0, changed: 0, statusChanges: 0, missing: 0 });
  fs.rmSync(edited);
});
