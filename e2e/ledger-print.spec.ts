import { expect, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 整改台账 on screen and on paper: on screen the long texts are cut to three lines with a
// 展开 button; printed on A4 landscape every column is on the paper, the header repeats on
// each page, a title block names the round and the date, and a page holds about ten rows.

const COLUMNS = ["序号", "方面", "问题", "整改措施", "牵头领导", "牵头单位", "配合单位", "完成时限", "整改状态", "最新进展", "销号情况"];
// A4 landscape less the 10 mm side margins of app/globals.css, in CSS pixels (96 per inch).
const PRINT_WIDTH = Math.floor(((297 - 20) / 25.4) * 96);

let round = { id: 0, name: "", measures: 0 };
test.beforeAll(() => {
  round = importBaoanRound("台账打印");
});

test("整改办打印整改台账:每一列都在纸上,表头每页重复,每页约十行", async ({ page }, testInfo) => {
  await signInAs(page, "office");
  await page.goto(`/rounds/${round.id}/ledger`);
  // 68 measures are two screen pages of 50: the office first asks for all of them.
  await page.getByRole("link", { name: `显示全部 ${round.measures} 项以便打印` }).click();
  const table = page.getByRole("table", { name: "整改台账" });
  await expect(table.locator("tbody tr")).toHaveCount(round.measures);
  await expect(page.getByRole("button", { name: "打印台账" })).toBeVisible();

  await page.setViewportSize({ width: PRINT_WIDTH, height: 700 });
  await page.emulateMedia({ media: "print" });
  // The title block appears in print only, in place of the screen's round header.
  await expect(page.getByRole("heading", { name: `${round.name}整改台账` })).toBeVisible();
  await expect(page.getByText(/截至 2026-11-20/)).toBeVisible();
  await expect(page.getByRole("button", { name: "打印台账" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();

  for (const name of COLUMNS) {
    const header = table.getByRole("columnheader", { name: new RegExp(`^${name}`) });
    await expect(header).toBeVisible();
    const box = (await header.boundingBox())!;
    expect(box.x, `${name} starts on the paper`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} ends on the paper`).toBeLessThanOrEqual(PRINT_WIDTH + 1);
  }
  const layout = await table.evaluate((t) => {
    const cells = [...t.querySelectorAll("th, td")];
    return {
      headerGroup: getComputedStyle(t.querySelector("thead")!).display,
      tableRight: t.getBoundingClientRect().right,
      // Nothing cut: no cell's content is wider or (clamped) taller than its box.
      clipped: cells.flatMap((c) => [c, ...c.querySelectorAll("div")]).filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).length,
      toggles: [...t.querySelectorAll("button")].filter((b) => b.offsetParent !== null).length,
    };
  });
  expect(layout).toEqual({ headerGroup: "table-header-group", tableRight: expect.any(Number), clipped: 0, toggles: 0 });
  expect(layout.tableRight).toBeLessThanOrEqual(PRINT_WIDTH + 1);

  const shot = testInfo.outputPath("ledger-print.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("整改台账(打印样式)", { path: shot, contentType: "image/png" });

  // The PDF Chromium prints, with the page's own @page size, margins and page numbers.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await testInfo.attach("整改台账.pdf", { body: pdf, contentType: "application/pdf" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
  testInfo.annotations.push({ type: "pdf pages", description: `${pages} pages for ${round.measures} rows` });
  // Six to twelve rows a page: the 宝安 texts are long (措施 up to 176 字, 进展 271), and
  // all of every text prints. Before: 40 rows took 35 pages.
  expect(pages).toBeGreaterThanOrEqual(Math.ceil(round.measures / 12));
  expect(pages).toBeLessThanOrEqual(Math.ceil(round.measures / 6));
  // Much the same from Playwright's own A4 landscape setting (its margins, not the page's).
  const a4 = await page.pdf({ format: "A4", landscape: true, margin: { top: "10mm", bottom: "12mm", left: "10mm", right: "10mm" } });
  const a4Pages = (a4.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
  testInfo.annotations.push({ type: "pdf pages (format A4 landscape)", description: String(a4Pages) });
  expect(a4Pages).toBeGreaterThanOrEqual(Math.ceil(round.measures / 12));
  expect(a4Pages).toBeLessThanOrEqual(Math.ceil(round.measures / 6));
});

test("屏幕上长文本收成三行,可用键盘展开,销号情况不需横向滚动", async ({ page }) => {
  await signInAs(page, "office");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/rounds/${round.id}/ledger`);
  const table = page.getByRole("table", { name: "整改台账" });
  await expect(table.locator("tbody tr")).toHaveCount(50);
  const last = (await table.getByRole("columnheader", { name: "销号情况" }).boundingBox())!;
  expect(last.x + last.width).toBeLessThanOrEqual(1280);

  // No row is as tall as a screen: the tallest is a few clamped lines.
  const heights = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(180);

  const row = table.locator("tbody tr").filter({ has: page.getByRole("button", { name: "展开" }) }).first();
  const toggle = row.getByRole("button", { name: "展开" }).first();
  const before = (await row.boundingBox())!.height;
  await toggle.focus();
  await page.keyboard.press("Enter");
  const open = row.getByRole("button", { name: "收起" }).first();
  await expect(open).toHaveAttribute("aria-expanded", "true");
  expect((await row.boundingBox())!.height).toBeGreaterThan(before);
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});
