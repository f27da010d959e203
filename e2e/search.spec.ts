import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { cli, expect, signInAs, test } from "./fixtures";
import { baoanLedgerRows, csvText } from "./support/ledger-files";

// 全文检索 (issue 18): the office searches from the header box across rounds, sees the hits
// grouped by kind with the words marked, and opens one; a unit never finds another unit's
// measure that the office finds. The phrases are this spec's own, in a round of its own.
test.describe.configure({ mode: "serial" });

const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** In a measure led by 区教育局 and its progress (新安街道 neither leads nor shares it). */
const LEAD_PHRASE = `检索甲措施${tag}`;
/** In a measure led by 新安街道 (区教育局 neither leads nor shares it). */
const OTHER_PHRASE = `检索乙措施${tag}`;
let round = { id: 0, name: "" };

test.beforeAll(() => {
  const rows = baoanLedgerRows().map((r) => [...r.cells]);
  const lead = rows.find((c) => c[3]!.startsWith("全力加大社会民生项目投入"))!;
  lead[3] = `${lead[3]}${LEAD_PHRASE}`;
  lead[9] = `${lead[9]}已完成${LEAD_PHRASE}的进展。`;
  const other = rows.find((c) => c[3]!.startsWith("加强社区专职工作者队伍建设"))!;
  other[3] = `${other[3]}${OTHER_PHRASE}`;
  const file = path.join(os.tmpdir(), `search-spec-${tag}.csv`);
  fs.writeFileSync(file, csvText(rows));
  const name = `检索测试${tag}`;
  try {
    round = { id: (cli(["import", file, "--round", name]) as { roundId: number }).roundId, name };
  } finally {
    fs.rmSync(file);
  }
});

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

async function searchFromHeader(page: Page, text: string) {
  const box = page.getByRole("search", { name: "全文检索" }).first().getByRole("searchbox", { name: "全文检索" });
  await box.fill(text);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1, name: "全文检索" })).toBeVisible();
}

test("整改办在页头检索,结果按类别分组并标出关键词,点开命中的措施", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto("/notifications");
  await searchFromHeader(office, LEAD_PHRASE);

  const measures = office.getByRole("region", { name: /^整改措施/ });
  await expect(measures.getByRole("heading")).toContainText("1 条");
  await expect(measures.locator("mark")).toHaveText(LEAD_PHRASE);
  await expect(measures.getByText(round.name)).toBeVisible();
  const progress = office.getByRole("region", { name: /^进展/ });
  await expect(progress.locator("mark")).toHaveText(LEAD_PHRASE);
  await expect(office.getByRole("region", { name: /^督办单/ })).toHaveCount(0);

  await measures.getByRole("link", { name: /全力加大社会民生项目投入/ }).click();
  await expect(office).toHaveURL(/\/measures\/\d+$/);
  await expect(office.getByRole("heading", { level: 1 })).toContainText(LEAD_PHRASE);
});

test("责任单位检索不到其他单位的措施,整改办能检索到", async ({ browser }) => {
  const unit = await as(browser, "jiaoyu");
  await unit.goto("/my-tasks");
  await searchFromHeader(unit, OTHER_PHRASE);
  await expect(unit.getByText("没有找到匹配的内容")).toBeVisible();
  await expect(unit.locator("main")).not.toContainText("加强社区专职工作者队伍建设");
  // Its own measure it finds, and opens.
  await searchFromHeader(unit, LEAD_PHRASE);
  await unit.getByRole("region", { name: /^整改措施/ }).getByRole("link").click();
  await expect(unit.getByRole("heading", { level: 1 })).toContainText(LEAD_PHRASE);

  // The API answers the same: nothing of the other unit's.
  const api = await unit.request.get(`/api/v1/search?q=${encodeURIComponent(OTHER_PHRASE)}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { groups: { total: number }[] };
  expect(body.groups.every((g) => g.total === 0)).toBe(true);

  const office = await as(browser, "office");
  await office.goto(`/search?q=${encodeURIComponent(OTHER_PHRASE)}&round=${round.id}`);
  await expect(office.getByRole("region", { name: /^整改措施/ }).locator("mark")).toHaveText(OTHER_PHRASE);
  // The lead unit finds it too.
  const xinan = await as(browser, "xinan");
  await xinan.goto(`/search?q=${encodeURIComponent(OTHER_PHRASE)}`);
  await expect(xinan.getByRole("region", { name: /^整改措施/ }).getByRole("link", { name: /加强社区专职工作者队伍建设/ })).toBeVisible();
});

test("两个字的词也能检索;过长或含检索语法的内容给出中文提示而不出错", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto(`/search?q=${encodeURIComponent("学位")}&round=${round.id}&kind=measure`);
  await expect(office.getByRole("region", { name: /^整改措施/ }).locator("mark").first()).toHaveText("学位");

  await office.goto(`/search?q=${"长".repeat(101)}`);
  await expect(office.getByRole("alert").filter({ hasText: "搜索内容" })).toHaveText("搜索内容不能超过 100 个字");

  for (const text of ['"学位', "NEAR(学位 教育)", "-公车 OR *", "<script>alert(1)</script>"]) {
    const response = await office.goto(`/search?q=${encodeURIComponent(text)}`);
    expect(response!.status(), text).toBe(200);
    await expect(office.getByRole("searchbox", { name: "检索内容" })).toHaveValue(text);
  }
});
