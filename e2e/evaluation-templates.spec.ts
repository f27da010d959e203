import type { Browser, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 评估指标模板 (issue 17 part 2): the office writes its own indicator set — areas, indicators
// with their weights, grades — by keyboard and buttons, is told beside the list when the
// weights do not total 100, schedules its round's evaluation on it, grades a unit and reads
// the total its own weights give. The used template is then read-only. A unit sees none of it.
test.describe.configure({ mode: "serial" });

let round = { id: 0, name: "", measures: 0 };
const templateName = `某县整改成效评估指标${Date.now().toString(36)}`;
test.beforeAll(() => {
  round = importBaoanRound("模板评估测试", { feedbackDate: "2021-01-28" });
});

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

const storedTemplates = () => readDb((db) => db.prepare("select count(*) from evaluation_templates where name = ?").pluck().get(templateName));

test("整改办新建自己的指标模板,按它安排评估并评分,得分按自己的分值计算;用过的模板只读", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto(`/rounds/${round.id}/evaluation`);
  await office.getByRole("link", { name: "管理评估指标模板" }).click();
  await expect(office.getByRole("heading", { name: "评估指标模板" })).toBeVisible();
  await expect(office.getByRole("row", { name: /县委巡察整改成效评估指标体系/ })).toContainText("20 项");
  await office.getByRole("link", { name: "新建模板" }).click();

  const editor = office.getByRole("form", { name: "评估指标模板" });
  await editor.getByLabel("模板名称").fill(templateName);
  await editor.getByLabel("方面1 方面名称").fill("组织领导");
  await editor.getByLabel("方面1指标1 指标名称").fill("专题研究部署整改工作");
  await editor.getByLabel("方面1指标1 评分要点").fill("反馈后一个月内召开专题会议");
  await editor.getByLabel("方面1指标1 分值").fill("50");
  await editor.getByRole("button", { name: "在方面1中添加指标" }).click();
  await expect(editor.getByLabel("方面1指标2 指标名称")).toBeFocused();
  await editor.getByLabel("方面1指标2 指标名称").fill("反馈问题按期销号");
  await editor.getByLabel("方面1指标2 分值").fill("30");
  // Reordered by keyboard: the second indicator moves up.
  await editor.getByRole("button", { name: "上移方面1指标2" }).focus();
  await office.keyboard.press("Enter");
  await expect(editor.getByLabel("方面1指标1 指标名称")).toHaveValue("反馈问题按期销号");
  await editor.getByRole("button", { name: "添加方面" }).click();
  await editor.getByLabel("方面2 方面名称").fill("建章立制");
  await editor.getByLabel("方面2指标1 指标名称").fill("针对问题修订完善制度");
  await editor.getByLabel("方面2指标1 分值").fill("10");
  // Four grades to start from; 一般 is not used here.
  await editor.getByRole("button", { name: "删除等次3" }).click();
  await expect(editor.getByLabel("等次3 等次名称")).toHaveValue("差");

  // 90 points in all: refused beside the list, nothing stored.
  await editor.getByRole("button", { name: "保存模板" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: "各项指标的分值合计应为 100 分,现为 90 分" })).toBeVisible();
  expect(storedTemplates()).toBe(0);

  await editor.getByLabel("方面2指标1 分值").fill("20");
  await expect(editor.getByText("共 2 个方面、3 项指标,分值合计 100 分")).toBeVisible();
  await editor.getByRole("button", { name: "保存模板" }).click();
  await expect(office.getByRole("status")).toHaveText(`已保存评估指标模板“${templateName}”`);
  const templateUrl = office.url().replace(/\?.*$/, "");
  expect(storedTemplates()).toBe(1);

  // The round's evaluation on this template, held today.
  await office.goto(`/rounds/${round.id}/evaluation`);
  const schedule = office.getByRole("form", { name: "安排成效评估" });
  await schedule.getByLabel("评估指标体系").selectOption({ label: templateName });
  await schedule.getByLabel("评估日期").fill(process.env.RECTIFY_TODAY!);
  await schedule.getByRole("button", { name: "保存评估安排" }).click();
  await expect(office.getByRole("status")).toContainText("已安排成效评估");
  await expect(office.getByText(`按《${templateName}》(3 项指标,好/较好/差 3 个等次)评估`)).toBeVisible();

  // 30 × 好(1) + 50 × 较好(0.8) + 20 × 差(0.3) = 30 + 40 + 6
  await office.getByText("为区教育局评分").click();
  const grading = office.getByRole("form", { name: "评分:区教育局" });
  await expect(grading.getByRole("combobox")).toHaveCount(3);
  await grading.getByLabel("组织领导 · 反馈问题按期销号(30 分)").selectOption({ label: "好(×1)" });
  await grading.getByLabel("组织领导 · 专题研究部署整改工作(50 分)").selectOption({ label: "较好(×0.8)" });
  await grading.getByLabel("建章立制 · 针对问题修订完善制度(20 分)").selectOption({ label: "差(×0.3)" });
  await expect(grading.getByText("评分要点:反馈后一个月内召开专题会议")).toBeVisible();
  await grading.getByRole("button", { name: "保存区教育局的评分" }).click();
  await expect(office.getByText("已保存评分,该单位已全部评完")).toBeVisible();
  await expect(office.getByRole("row", { name: /区教育局/ })).toContainText("76 分");

  // In use now: read-only, with 复制后修改 and no delete.
  await office.goto(templateUrl);
  await expect(office.getByText("该模板已被成效评估使用,不能修改")).toBeVisible();
  await expect(office.getByRole("form", { name: "评估指标模板" })).toHaveCount(0);
  await expect(office.getByRole("button", { name: "删除模板" })).toHaveCount(0);
  await expect(office.getByRole("region", { name: "使用情况" }).getByRole("link", { name: round.name })).toBeVisible();
  await office.getByRole("link", { name: "复制后修改" }).click();
  await expect(office.getByRole("form", { name: "评估指标模板" }).getByLabel("模板名称")).toHaveValue(`${templateName}(副本)`);
});

test("整改办可以删除未使用的模板(先确认);领导只能查看;责任单位打不开模板页", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto("/evaluation-templates/new?copy=standard");
  const name = `待删除的模板${Date.now().toString(36)}`;
  const editor = office.getByRole("form", { name: "评估指标模板" });
  await editor.getByLabel("模板名称").fill(name);
  await editor.getByRole("button", { name: "保存模板" }).click();
  await expect(office.getByRole("status")).toHaveText(`已保存评估指标模板“${name}”`);
  office.once("dialog", (dialog) => void dialog.dismiss());
  await office.getByRole("button", { name: "删除模板" }).click();
  await expect(office.getByRole("form", { name: "评估指标模板" })).toBeVisible();
  office.once("dialog", (dialog) => void dialog.accept());
  await office.getByRole("button", { name: "删除模板" }).click();
  await expect(office.getByRole("status")).toHaveText("已删除评估指标模板");
  expect(readDb((db) => db.prepare("select count(*) from evaluation_templates where name = ?").pluck().get(name))).toBe(0);

  const leader = await as(browser, "leader");
  await leader.goto("/evaluation-templates");
  await expect(leader.getByRole("link", { name: "新建模板" })).toHaveCount(0);
  await leader.getByRole("link", { name: /县委巡察整改成效评估指标体系/ }).click();
  await expect(leader.getByRole("table", { name: "评估指标" })).toContainText("群众满意度测评结果");
  await expect(leader.getByRole("form", { name: "评估指标模板" })).toHaveCount(0);
  expect((await leader.goto("/evaluation-templates/new"))?.status()).toBe(403);

  const unit = await as(browser, "jiaoyu");
  expect((await unit.goto("/evaluation-templates"))?.status()).toBe(403);
  expect((await unit.goto("/evaluation-templates/new"))?.status()).toBe(403);
});
