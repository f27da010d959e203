import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// On a phone (390 × 844) no page is wider than the screen: lists become cards, the header
// keeps its words whole, and the dashboard's figures leave room for the first chart.

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });

let round = { id: 0, name: "", measures: 0 };
test.beforeAll(() => {
  round = importBaoanRound("手机检查");
});

/**
 * The page scrolls only downwards, and no element is wider than the screen. Content that
 * is only for screen readers (.sr-only: clipped to a pixel) is not on the screen at all.
 */
async function expectFitsPhone(page: Page) {
  const { scrollWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((e) => !e.closest(".sr-only") && e.getBoundingClientRect().width > window.innerWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`.slice(0, 120)),
  }));
  expect(wide, "elements wider than the screen").toEqual([]);
  expect(scrollWidth).toBeLessThanOrEqual(WIDTH);
}

/** The header's account controls each sit on one line: no "退出登/录". */
async function expectHeaderWordsWhole(page: Page) {
  for (const control of [page.getByRole("link", { name: "修改密码" }), page.getByRole("button", { name: "退出登录" })]) {
    await expect(control).toBeVisible();
    const lines = await control.evaluate((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    const box = (await control.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  }
}

test("领导在手机上看驾驶舱,点逾期数字,卡片上看得到牵头单位、时限和逾期天数", async ({ page }, testInfo) => {
  await signInAs(page, "leader");
  await page.goto(`/dashboard?round=${round.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`驾驶舱 · ${round.name}`);
  await expect(page.locator("#status-donut-title ~ [role=img] svg").first()).toBeVisible();
  await expectHeaderWordsWhole(page);
  await expectFitsPhone(page);
  // The figures take less than a screen: the first chart starts on it.
  const chart = (await page.getByRole("heading", { name: "整改措施状态" }).boundingBox())!;
  expect(chart.y).toBeLessThan(844);
  await testInfo.attach("驾驶舱(手机)", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.locator('dd[data-figure="逾期措施"] a').click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}/tasks\\?overdue=1$`));
  const table = page.getByRole("table", { name: "任务清单" });
  const card = table.locator("tbody tr").first();
  for (const [label, text] of [
    ["牵头单位", /\S/],
    ["完成时限", /\d{4}-\d{2}-\d{2}/],
    ["剩余 / 逾期", /^逾期 \d+ 天$/],
  ] as const) {
    const cell = card.locator(`td[data-label="${label}"]`);
    await expect(cell).toBeVisible();
    await expect(cell).toContainText(text);
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width, `${label} is on the screen`).toBeLessThanOrEqual(WIDTH);
  }
  await expectFitsPhone(page);
  await testInfo.attach("逾期清单(手机)", { body: await page.screenshot(), contentType: "image/png" });
});

test("整改办在手机上看整改台账:卡片,不横向滚动", async ({ page }, testInfo) => {
  await signInAs(page, "office");
  await page.goto(`/rounds/${round.id}/ledger`);
  const card = page.getByRole("table", { name: "整改台账" }).locator("tbody tr").first();
  for (const label of ["整改措施", "牵头单位", "完成时限", "整改状态", "最新进展", "销号情况"]) {
    await expect(card.locator(`td[data-label="${label}"]`)).toBeVisible();
  }
  await expectHeaderWordsWhole(page);
  await expectFitsPhone(page);
  await testInfo.attach("整改台账(手机)", { body: await page.screenshot(), contentType: "image/png" });
});

test("责任单位在手机上看我的任务", async ({ page }) => {
  await signInAs(page, "jiaoyu");
  await page.goto("/my-tasks");
  await expect(page.getByRole("heading", { name: "我的任务" })).toBeVisible();
  await expectHeaderWordsWhole(page);
  await expectFitsPhone(page);
});
