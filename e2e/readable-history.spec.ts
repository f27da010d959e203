import type { Locator, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { RoundPages } from "./pages/round-pages";

// Issue 14 items 2 and 9: after real writes, a measure's 整改历程 and the 操作日志 read in
// Chinese (names, not ids; labels, not field names), and the round's 报送周期 is set on the
// form and answered truthfully by 催报. Every round here is this spec's own.

const suffix = Date.now().toString(36);
// Many writes and page loads on a shared, busy test server.
test.describe.configure({ timeout: 180_000 });
// What a field name or an untranslated code looks like in visible text.
const CODE_WORDS = /\b[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z_]+:|\b[a-z]+[._][a-z_]+\b/;

async function expectReadable(region: Locator) {
  await expect(region).toBeVisible();
  const text = await region.innerText();
  expect(text.match(CODE_WORDS)?.[0] ?? null, text).toBeNull();
}

/**
 * The newest page holds other specs' rows too, whose data may rightly be Latin (usernames
 * such as office_x, an identity such as wang.xinan, a file name): there only the action and
 * the field labels (before each ":") must be words.
 */
async function expectLabelled(table: Locator) {
  await expect(table).toBeVisible();
  for (const row of await table.locator("tbody tr").all()) {
    const cells = await row.locator("td").allInnerTexts();
    const [, , action = "", , changes = ""] = cells;
    const labels = changes.split("\n").map((line) => line.split(":")[0]).join("\n");
    for (const text of [action, labels]) expect(text.match(CODE_WORDS)?.[0] ?? null, cells.join(" | ")).toBeNull();
  }
}

async function setReportCycle(page: Page, roundId: number, cycle: string, weekday?: string) {
  await page.goto(`/rounds/${roundId}/edit`);
  await page.getByLabel("报送周期").selectOption({ label: cycle });
  if (weekday) await page.getByLabel("报送日").selectOption({ label: weekday });
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/problems$`));
}

test("措施的整改历程和操作日志只用中文和名称,不露字段名和编号", async ({ page }) => {
  await signInAs(page, "office");
  const roundName = `区委第四巡察组巡察区教育局反馈意见整改${suffix}`;
  const roundId = await new RoundPages(page).createRound(roundName);
  await setReportCycle(page, roundId, "每月", "周三");

  // A plan of one measure with co-units, then an edit of it: the timeline has something to say.
  await page.goto(`/rounds/${roundId}/plan`);
  const aspectForm = page.getByRole("form", { name: "新增方面" });
  await aspectForm.getByLabel("方面名称").fill("落实主体责任方面");
  await aspectForm.getByRole("button", { name: "新增方面" }).click();
  await expect(aspectForm.getByRole("status")).toHaveText("已新增方面“落实主体责任方面”");
  const problemForm = page.getByRole("form", { name: "新增问题" });
  await problemForm.getByLabel("问题标题").fill("台账管理不规范");
  await problemForm.getByLabel("牵头单位").selectOption({ label: "— 区教育局" });
  await problemForm.getByRole("button", { name: "新增问题" }).click();
  await expect(problemForm.getByRole("status")).toHaveText("已新增第 1 号问题“台账管理不规范”");
  const problem = page.getByRole("article", { name: "1. 台账管理不规范" });
  await problem.getByRole("link", { name: /新增整改措施/ }).click();
  const form = page.getByRole("form", { name: "新增整改措施" });
  await form.getByLabel("整改措施").fill("建立整改台账,逐项对账销号");
  await form.getByLabel("牵头单位").selectOption({ label: "— 区教育局" });
  await form.getByRole("group", { name: "配合单位" }).getByLabel("区财政局", { exact: true }).check();
  await form.getByLabel("完成时限").fill("2026年12月底");
  await form.getByRole("button", { name: "新增整改措施" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/plan#measure-\\d+$`));
  const measureId = Number(/#measure-(\d+)$/.exec(page.url())![1]);
  await problem.getByRole("link", { name: "编辑整改措施 1.1" }).click();
  const editForm = page.getByRole("form", { name: "编辑整改措施" });
  await editForm.getByRole("group", { name: "配合单位" }).getByLabel("新安街道", { exact: true }).check();
  await editForm.getByLabel("完成时限").fill("2027年6月底");
  await editForm.getByRole("button", { name: "保存整改措施" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/plan#measure-\\d+$`));

  // 整改历程: names for units, words for fields.
  await page.goto(`/measures/${measureId}`);
  await expect(page.getByText("配合单位", { exact: true }).first()).toBeVisible();
  const timeline = page.getByRole("list", { name: "整改历程" });
  await expect(timeline).toContainText("修改整改措施");
  await expect(timeline).toContainText("配合单位:区财政局 → 区财政局、新安街道");
  await expectReadable(timeline);

  // 操作日志 of the round and of the measure: the object by name, the report cycle in words.
  await page.goto(`/audit?entity=round&entityId=${roundId}`);
  const roundLog = page.getByRole("table", { name: "操作日志" });
  await expect(roundLog).toContainText(`轮次 ${roundName}`);
  await expect(roundLog).toContainText("修改轮次");
  await expect(roundLog).toContainText("报送周期:每周 → 每月");
  await expect(roundLog).toContainText("报送日:周五 → 周三");
  await expect(roundLog).toContainText("类型:巡视");
  await expectReadable(roundLog);
  await page.goto(`/audit?entity=measure&entityId=${measureId}`);
  const measureLog = page.getByRole("table", { name: "操作日志" });
  await expect(measureLog).toContainText("牵头单位:区教育局");
  await expect(measureLog).toContainText("轮次:" + roundName.slice(0, 20));
  await expectReadable(measureLog);

  // The whole newest page, whatever other specs wrote meanwhile: actions and labels in words.
  await page.goto("/audit");
  await expectLabelled(page.getByRole("table", { name: "操作日志" }));
});

test("报送周期在轮次表单中设置,催报如实说明:未分配单位、不要求定期报送", async ({ page }) => {
  await signInAs(page, "office");
  const roundName = `报送周期测试轮次${suffix}`;
  const rounds = new RoundPages(page);
  await page.goto("/rounds/new");
  await expect(page.getByLabel("报送周期")).toHaveValue("weekly");
  const roundId = await rounds.createRound(roundName);
  await setReportCycle(page, roundId, "每月", "周三");

  await page.goto("/reporting");
  const section = page.getByRole("region", { name: roundName });
  await expect(section).toContainText("每月最后一个周三前报送");
  await expect(section).toContainText("本轮次尚未分配责任单位,暂无需要报送的单位");
  await expect(section).not.toContainText("均已报送");

  await setReportCycle(page, roundId, "不要求定期报送");
  await page.goto("/reporting");
  await expect(page.getByRole("region", { name: roundName })).toHaveCount(0);
  const unchased = page.getByRole("region", { name: "不要求定期报送的轮次" });
  await expect(unchased).toContainText(roundName);
  await expect(unchased.getByRole("link", { name: `修改${roundName}的报送周期` })).toHaveAttribute("href", `/rounds/${roundId}/edit`);

  // A bad weekday sent by hand is refused beside the field, in Chinese.
  await page.goto(`/rounds/${roundId}/edit`);
  await page.getByLabel("报送日").evaluate((select: HTMLSelectElement) => {
    select.add(new Option("周八", "8"));
    select.value = "8";
  });
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.locator("#reportWeekday-error")).toHaveText("报送日应为周一至周日之一");
});
