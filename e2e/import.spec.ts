import ExcelJS from "exceljs";
import { cli, expect, readDb, roundFingerprint, signInAs, test } from "./fixtures";
import { RoundPages } from "./pages/round-pages";
import { baoanLedgerRows, csvText, expectedCounts, gbkCsv, HEADER } from "./support/ledger-files";

// The office turns a spreadsheet ledger into a round: upload, preview, confirm, then the
// lists, filters, export and the summary everywhere agree with the file.
test.describe.configure({ mode: "serial" });

const rows = baoanLedgerRows();
const expected = expectedCounts(rows);
const roundName = `市委巡察反馈意见整改(导入测试${Date.now().toString(36)})`;
let roundId = 0;

function sentence(c: { total: number; completed: number; basicallyCompleted: number; incomplete: number }, noun: string, cl = "个") {
  return `${c.total}${cl}${noun},目前已完成${c.completed}${cl}、基本完成${c.basicallyCompleted}${cl}、未完成${c.incomplete}${cl}`;
}

test("导入 GBK 编码的 CSV 台账:预览、确认,四清单一台账数字正确", async ({ page }) => {
  expect(rows.length).toBeGreaterThanOrEqual(30);
  await signInAs(page, "office");
  const rounds = new RoundPages(page);
  roundId = await rounds.createRound(roundName);
  await expect(page.getByText("没有符合条件的问题")).toBeVisible();

  await rounds.previewImport(roundId, { name: "宝安台账.csv", mimeType: "text/csv", buffer: gbkCsv(rows.map((r) => r.cells)) });
  await expect(page.getByTestId("preview-counts")).toContainText(sentence(expected.problems, "问题"));
  await expect(page.getByTestId("preview-counts")).toContainText(sentence(expected.measures, "整改措施", "项"));
  await expect(page.getByRole("table", { name: "导入预览" }).getByRole("row")).toHaveCount(rows.length + 1);
  await page.getByRole("button", { name: "确认导入" }).click();

  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/problems$`));
  await expect(page.getByText(`反馈的${sentence(expected.problems, "问题")}`)).toBeVisible();
  await expect(page.getByText(`符合条件的问题 ${expected.problems.total} 个`)).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "四清单一台账" });
  for (const [tab, caption] of [["任务清单", "任务清单"], ["整改台账", "整改台账"], ["责任清单", "责任清单"]] as const) {
    await tabs.getByRole("link", { name: tab }).click();
    await expect(page.getByText(`符合条件的整改措施 ${rows.length} 项`)).toBeVisible();
    await expect(page.getByRole("table", { name: caption }).getByRole("row")).toHaveCount(Math.min(rows.length, 50) + 1);
  }
  await tabs.getByRole("link", { name: "进度清单" }).click();
  await expect(page.getByText(`符合条件的整改动态 ${rows.length} 条`)).toBeVisible();
  expect(readDb((db) => db.prepare("select count(*) n from audit_log where action = 'round.import' and entity_id = ?").get(String(roundId)))).toEqual({ n: 1 });
});

test("筛选到某单位的逾期措施,并按当前筛选导出 Excel", async ({ page }) => {
  const today = process.env.RECTIFY_TODAY!;
  const unit = "区规划土地监察局";
  const overdueOfUnit = rows.filter((r) => {
    const coUnits = r.cells[6]!.split("、");
    return (r.leadUnit === unit || coUnits.includes(unit)) && r.status !== "completed" && r.deadline !== null && r.deadline < today;
  });
  expect(overdueOfUnit.length).toBeGreaterThan(0);

  await signInAs(page, "office");
  await page.goto(`/rounds/${roundId}/ledger`);
  const filters = page.getByRole("search", { name: "筛选" });
  await filters.getByLabel("单位").selectOption({ label: unit });
  await filters.getByLabel("只看逾期").check();
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText(`符合条件的整改措施 ${overdueOfUnit.length} 项`)).toBeVisible();
  const table = page.getByRole("table", { name: "整改台账" });
  await expect(table.getByRole("row")).toHaveCount(overdueOfUnit.length + 1);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel(按当前筛选)" }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(2).values as unknown[]).slice(1);
  // The template's columns, then the 量化指标 ones and 反弹回潮, which the import ignores.
  expect(header).toEqual([...HEADER, "量化指标", "计量单位", "基线值", "目标值", "实际值", "指标达成", "反弹回潮(关联历史问题)"]);
  const texts: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) texts.push(String(row.getCell(4).value));
  });
  expect(texts.sort()).toEqual(overdueOfUnit.map((r) => r.cells[3]).sort());
});

test("导出全部台账后重新导入另一个轮次,数据一致", async ({ page }) => {
  await signInAs(page, "office");
  const response = await page.request.get(`/api/v1/rounds/${roundId}/export`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain("attachment;");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const exported: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) exported.push(HEADER.map((_, i) => String(row.getCell(i + 1).value ?? "")));
  });
  const byText = (a: string[], b: string[]) => a[3]!.localeCompare(b[3]!);
  const normalise = (cells: string[]) => [cells[0], cells[2], cells[3], cells[5], cells[8], cells[9], cells[6]!.split("、").sort().join("、")];
  expect(exported.sort(byText).map(normalise)).toEqual(rows.map((r) => r.cells).sort(byText).map(normalise));

  const rounds = new RoundPages(page);
  const copyId = await rounds.createRound(`${roundName}(副本)`);
  await rounds.previewImport(copyId, { name: "导出的台账.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await response.body()) });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${copyId}/problems$`));
  const [original, copy] = await Promise.all(
    [roundId, copyId].map(async (id) => (await page.request.get(`/api/v1/rounds/${id}/summary`)).json()),
  );
  expect({ ...copy, roundId: 0 }).toEqual({ ...original, roundId: 0 });
});

test("界面、命令行和 API 的汇总数字一致", async ({ page }) => {
  await signInAs(page, "leader");
  const api = await (await page.request.get(`/api/v1/rounds/${roundId}/summary`)).json();
  expect(api.problems).toEqual(expected.problems);
  expect(api.measures).toEqual(expected.measures);
  expect(api.aspects.reduce((n: number, a: { total: number }) => n + a.total, 0)).toBe(expected.problems.total);

  expect(cli(["summary", "--round", roundName])).toEqual(api);

  await page.goto(`/rounds/${roundId}/ledger`);
  await expect(page.getByText(`反馈的${sentence(api.problems, "问题")};${sentence(api.measures, "整改措施", "项")}。`)).toBeVisible();
  await expect(page.getByRole("link", { name: `逾期 ${api.overdue} 项` })).toBeVisible();
  await expect(page.getByRole("link", { name: `临期 ${api.dueSoon} 项` })).toBeVisible();
});

test.describe("错误的文件给出指明行列的中文提示,数据库不变", () => {
  const good = rows.slice(0, 3).map((r) => r.cells);
  const cases: { name: string; file: () => { name: string; mimeType: string; buffer: Buffer }; message: RegExp }[] = [
    {
      name: "表头错误",
      file: () => ({ name: "表头错误.csv", mimeType: "text/csv", buffer: Buffer.from(csvText(good, ["编号", "问题描述", "措施"])) }),
      message: /未找到表头/,
    },
    {
      name: "未知的整改状态",
      file: () => {
        const bad = good.map((c) => [...c]);
        bad[1]![8] = "差不多完成";
        return { name: "状态错误.csv", mimeType: "text/csv", buffer: gbkCsv(bad) };
      },
      message: /第 3 行“整改状态”.*差不多完成/,
    },
    {
      name: "缺少问题",
      file: () => {
        const bad = good.map((c) => [...c]);
        bad[0] = ["99", "", "", "某项措施", "", "", "", "", "", ""];
        return { name: "缺少问题.csv", mimeType: "text/csv", buffer: Buffer.from(csvText(bad)) };
      },
      message: /第 2 行“问题”/,
    },
    {
      name: "5 MB 的乱码文件",
      file: () => ({ name: "台账.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.alloc(5 * 1024 * 1024, "垃圾数据") }),
      message: /不是有效的 xlsx 文件/,
    },
  ];

  for (const c of cases) {
    test(c.name, async ({ page, baseURL }) => {
      await signInAs(page, "office");
      const rounds = new RoundPages(page);
      const id = await rounds.createRound(`错误文件测试(${c.name}${Date.now().toString(36)})`);
      const unitNames = [...new Set(good.flatMap((c) => [c[5]!, ...c[6]!.split("、")]))];
      const before = roundFingerprint(id, unitNames);
      await rounds.previewImport(id, c.file());
      await expect(page.getByRole("main")).toContainText(c.message);
      await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

      // Even sent straight to the API without a preview, the import refuses and writes nothing.
      const response = await page.request.post(`/api/v1/rounds/${id}/import`, {
        multipart: { file: c.file() },
        headers: { origin: baseURL! },
      });
      expect(response.status()).toBe(422);
      expect((await response.json()).error.message).toMatch(c.message);
      expect(roundFingerprint(id, unitNames)).toBe(before);
    });
  }
});
