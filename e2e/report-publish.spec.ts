import { expect, readDb, signInAs, test } from "./fixtures";

// Issue 14 items 3 and 4: a leader reaches the 整改进展情况通报 by clicking, from the menu,
// the dashboard and the round; the office is told which open items still lack a 下一步措施.
// Read-only on the demo round: other specs sign off there, so nothing here counts its items.

const DEMO = "省委第二巡视组巡视宝安区反馈意见整改";
const TITLE = "关于省委第二巡视组巡视宝安区反馈意见整改进展情况的通报";
const demoId = () => readDb((db) => db.prepare("select id from rounds where name = ?").pluck().get(DEMO) as number);

test("领导从菜单进入通报,阅读全文(只读),并留存通报截图", async ({ page }, testInfo) => {
  await signInAs(page, "leader");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "通报" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  const round = page.getByRole("article", { name: DEMO, exact: true });
  await expect(round.getByRole("link", { name: "编辑文字" })).toHaveCount(0);
  await round.getByRole("link", { name: "查看通报" }).click();

  await expect(page).toHaveURL(new RegExp(`/rounds/${demoId()}/report$`));
  const report = page.getByRole("article", { name: TITLE });
  await expect(report).toBeVisible();
  // Written as the published reports are: the mark ends the problem's title, 整改情况 follows.
  await expect(report.getByRole("heading", { name: /^\(一\)关于.+的问题\((已完成|基本完成|未完成)\)$/ })).toBeVisible();
  await expect(report).toContainText("整改情况:");
  await expect(report).toContainText("下一步措施:");
  await expect(report).not.toContainText("尚未登记");
  await expect(report).not.toContainText("暂未报送整改进展");
  // Leaders read; the office edits and is the one asked for the missing next steps.
  await expect(page.getByRole("link", { name: "编辑通报文字" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /以下事项缺少下一步措施/ })).toHaveCount(0);

  await testInfo.attach("整改进展情况通报", { body: await report.screenshot({ animations: "disabled" }), contentType: "image/png" });
});

test("领导从驾驶舱和轮次页签进入通报", async ({ page }) => {
  await signInAs(page, "leader");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "整改进展情况通报" }).click();
  await expect(page).toHaveURL(/\/rounds\/\d+\/report$/);
  await expect(page.getByRole("article", { name: /^关于.+整改进展情况的通报$/ })).toBeVisible();

  // The round's own tabs lead back to it from any of the four lists.
  const tabs = page.getByRole("navigation", { name: "四清单一台账" });
  await tabs.getByRole("link", { name: "问题清单" }).click();
  await expect(page).toHaveURL(/\/rounds\/\d+\/problems/);
  await tabs.getByRole("link", { name: "整改通报" }).click();
  await expect(page).toHaveURL(/\/rounds\/\d+\/report$/);
  await expect(page.getByRole("article", { name: /^关于.+整改进展情况的通报$/ })).toBeVisible();
});

test("整改办在通报页看到缺少下一步措施的事项,点开即到填写处", async ({ page }) => {
  await signInAs(page, "office");
  await page.goto(`/rounds/${demoId()}/report`);
  const flags = page.getByRole("region", { name: /以下事项缺少下一步措施/ });
  await expect(flags).toBeVisible();
  const first = flags.getByRole("link").first();
  const title = (await first.innerText()).trim();
  // The item is in the report without a next step line, not with boilerplate.
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${demoId()}/report/edit#problem-\\d+$`));
  const id = new URL(page.url()).hash.slice(1);
  const item = page.locator(`fieldset#${id}`);
  await expect(item.locator("legend")).toContainText(title);
  await expect(item.getByLabel("下一步措施")).toBeVisible();
  await expect(item.getByLabel("下一步措施")).toHaveValue("");
});
