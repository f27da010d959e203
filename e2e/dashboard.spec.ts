import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { cli, expect, readDb, signInAs, test } from "./fixtures";
import { baoanLedgerRows, csvText } from "./support/ledger-files";

// 驾驶舱: leaders read the figures, drill down into the list behind each, and see them
// change live when the office signs a claim off in another browser.

// Other specs write to the demo round and create rounds while these tests run, so a test
// that compares two readings (the page and the API) reads a round that only this file
// touches, and the all-rounds test compares figures within one page.
let ownRound = { id: 0, name: "" };
test.beforeAll(() => {
  ownRound = importBaoanRound("驾驶舱只读轮次");
});

/** A round of the 宝安 ledger (the demo's data, deadlines relative to today), imported by the CLI. */
function importBaoanRound(prefix: string): { id: number; name: string } {
  const file = path.join(os.tmpdir(), `dashboard-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, csvText(baoanLedgerRows().map((r) => r.cells)));
  const name = `${prefix}${Date.now().toString(36)}`;
  const id = (cli(["import", file, "--round", name]) as { roundId: number }).roundId;
  fs.rmSync(file);
  return { id, name };
}

/** The number shown by a headline figure (its link text starts with it). */
async function figure(page: Page, label: string): Promise<number> {
  const text = await page.locator(`dd[data-figure="${label}"]`).innerText();
  return Number(/^\d+/.exec(text.trim())![0]);
}

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

test("领导查看一轮的驾驶舱,点击逾期数字进入恰好这些措施的清单", async ({ page }, testInfo) => {
  const round = ownRound;
  await signInAs(page, "leader");
  await page.goto(`/dashboard?round=${round.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`驾驶舱 · ${round.name}`);
  for (const title of ["整改措施状态", "各方面整改措施完成情况", "逾期时长分布", "责任单位排名(按逾期措施数)"]) {
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  }
  // An imported round has no sign-off here yet: no burn-up flat at 0 then jumping, a note instead.
  await expect(page.getByRole("heading", { name: /整改进度/ })).toHaveCount(0);
  await expect(page.getByText(/整改进度曲线:本系统中尚无销号/)).toBeVisible();
  // The charts have drawn (SVG with Chinese tick labels) before the screenshot.
  await expect(page.locator("#ageing-title ~ [role=img] svg text").filter({ hasText: "逾期8–30天" })).toBeVisible();
  await expect(page.locator("#completion-title ~ [role=img] .recharts-legend-item-text").filter({ hasText: /^已完成$/ })).toBeVisible();
  const shot = path.join(testInfo.project.outputDir, "dashboard.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("dashboard", { path: shot, contentType: "image/png" });

  // The figures equal the summary API's.
  const summary = await (await page.request.get(`/api/v1/rounds/${round.id}/summary`)).json();
  const overdue = await figure(page, "逾期措施");
  expect(overdue).toBe(summary.overdue);
  expect(overdue).toBeGreaterThan(0);
  expect(await figure(page, "措施总数")).toBe(summary.measures.total);

  await page.locator('dd[data-figure="逾期措施"] a').click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}/tasks\\?overdue=1$`));
  await expect(page.getByText(/符合条件的整改措施/)).toContainText(`符合条件的整改措施 ${overdue} 项`);
  const rows = page.getByRole("table", { name: "任务清单" }).locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(overdue, 50));
  for (const text of await rows.locator("td:last-child").allInnerTexts()) expect(text).toMatch(/^逾期 \d+ 天$/);
});

test("单位排名的链接进入按单位筛选的台账,整改办可打开单位页", async ({ page }) => {
  const round = ownRound;
  await signInAs(page, "office");
  await page.goto(`/dashboard?round=${round.id}`);
  const first = page.getByRole("table", { name: /各责任单位整改措施/ }).locator("tbody tr").first();
  const unitName = await first.locator("th a").innerText();
  const total = Number(await first.locator("td").first().locator("a").innerText());
  await first.locator("td").first().locator("a").click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}/ledger\\?unit=\\d+$`));
  await expect(page.getByText(/符合条件的整改措施/)).toContainText(`符合条件的整改措施 ${total} 项`);

  await page.goBack();
  await page.getByRole("link", { name: unitName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(unitName);
  await expect(page.getByRole("table", { name: `${unitName}的整改措施` })).toBeVisible();
  await expect(page.getByText(/按期完成率 =/)).toBeVisible();
});

test("全部轮次汇总各轮次,并逐轮给出链接", async ({ page }) => {
  await signInAs(page, "leader");
  await page.goto("/dashboard");
  await page.getByLabel("轮次", { exact: true }).selectOption("all");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/round=all/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("驾驶舱 · 全部轮次");
  // One reading: the headline total is the sum of the rounds listed on the same page.
  const table = page.locator("#by-round table");
  const rows = table.locator("tbody tr");
  const column = (await table.locator("thead th").allInnerTexts()).indexOf("措施") + 1;
  expect(column).toBeGreaterThan(0);
  const measures = (await rows.locator(`:is(th, td):nth-child(${column})`).allInnerTexts()).map(Number);
  expect(measures.length).toBeGreaterThanOrEqual(2);
  expect(await figure(page, "措施总数")).toBe(measures.reduce((a, b) => a + b, 0));
  // Every round in progress has its row and link, this file's own round among them.
  await expect(table.getByRole("link", { name: ownRound.name, exact: true })).toHaveAttribute("href", `/dashboard?round=${ownRound.id}`);
  const api = await (await page.request.get("/api/v1/dashboard?round=all")).json();
  expect(api.rounds.map((r: { id: number }) => r.id)).toContain(ownRound.id);
});

test("责任单位打开驾驶舱、驾驶舱 API 和单位页都得到 403", async ({ page }) => {
  await signInAs(page, "jiaoyu");
  expect((await page.goto("/dashboard"))?.status()).toBe(403);
  const api = await page.request.get("/api/v1/dashboard?round=all");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("FORBIDDEN");
  const ownUnit = readDb((db) => db.prepare("select id from units where name = '区教育局'").pluck().get() as number);
  expect((await page.goto(`/units/${ownUnit}`))?.status()).toBe(403);
});

test.describe("实时刷新", () => {
  // Other specs change the demo round at the same time: this test counts on a round of its own.
  let roundId = 0;
  let roundName = "";
  test.beforeAll(() => {
    ({ id: roundId, name: roundName } = importBaoanRound("驾驶舱测试轮次"));
  });

  test("整改办在另一浏览器销号后,领导的已完成数字无需刷新即变化", async ({ browser, baseURL }) => {
    const leader = await as(browser, "leader");
    await leader.goto("/dashboard");
    await leader.getByLabel("轮次", { exact: true }).selectOption({ label: roundName });
    await leader.getByRole("button", { name: "查看" }).click();
    await expect(leader.getByRole("heading", { level: 1 })).toHaveText(`驾驶舱 · ${roundName}`);
    const before = await figure(leader, "措施已完成");
    // A marker that a reload would wipe out.
    await leader.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    const measureId = readDb(
      (db) =>
        db
          .prepare(
            `select m.id from measures m join units u on u.id = m.lead_unit_id
             where u.name = '区教育局' and m.status = 'incomplete' and m.round_id = ? order by m.id limit 1`,
          )
          .pluck()
          .get(roundId) as number,
    );
    const unit = await as(browser, "jiaoyu");
    const claimed = await unit.request.post(`/api/v1/measures/${measureId}/progress`, {
      headers: { origin: baseURL! },
      multipart: {
        reportDate: process.env.RECTIFY_TODAY!,
        text: "已完成整改,会议纪要见附件。",
        claimedStatus: "completed",
        files: { name: "纪要.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") },
      },
    });
    expect(claimed.status()).toBe(200);
    const reportId = (await claimed.json()).report.id as number;
    await expect.poll(() => figure(leader, "待审核申报"), { timeout: 25_000 }).toBe(1);

    const office = await as(browser, "office");
    const signed = await office.request.post(`/api/v1/claims/${reportId}/sign-off`, { headers: { origin: baseURL! } });
    expect(signed.status()).toBe(200);

    await expect.poll(() => figure(leader, "措施已完成"), { timeout: 25_000 }).toBe(before + 1);
    expect(await figure(leader, "待审核申报")).toBe(0);
    expect(await leader.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });
});
