import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, readDb, signInAs, test } from "./fixtures";
import { csvText } from "./support/ledger-files";

// 反弹回潮 across rounds: the office imports a body's earlier round, then a later round
// whose ledger words one of its problems anew. The import preview shows the earlier
// problem with what was promised; so does the problem's page, where the office marks it as
// a repeat, sees the link on both problems and the proposed 回头看 of the earlier measures,
// schedules one, and can undo the mark. A unit user sees neither the panel nor the button.
test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
// A body of its own, so the other specs' rounds never count as this one's earlier rounds.
const BODY = `中共青山市河西区委员会(反弹测试${tag})`;
const EARLIER_ROUND = `2022年市委第一巡察组巡察河西区反馈意见整改(${tag})`;
const LATER_ROUND = `2025年市委第四巡察组巡察河西区反馈意见整改(${tag})`;
const EARLIER_TITLE = "违规发放津补贴、公款吃喝问题禁而未绝";
const LATER_TITLE = "公款吃喝、违规发放津补贴等问题屡禁不止";
const PROMISED = "开展违规发放津补贴专项清理,逐项退缴";
const PROMISED_ONGOING = "建立公务接待审批和定期检查制度";

const earlierLedger = csvText([
  ["1", "一、全面从严治党方面", EARLIER_TITLE, PROMISED, "", "区教育局", "", "2022年12月底", "已完成", "已完成清理"],
  ["1", "一、全面从严治党方面", EARLIER_TITLE, PROMISED_ONGOING, "", "区教育局", "", "2022年12月底,并长期坚持", "已完成", "制度已印发"],
  ["2", "一、全面从严治党方面", "农村集体“三资”管理不规范", "开展农村集体“三资”清产核资", "", "区教育局", "", "2022年12月底", "已完成", ""],
]);
const laterLedger = csvText([
  ["1", "一、基层党建方面", "基层党组织“三会一课”制度落实不到位", "开展“三会一课”专项检查", "", "区教育局", "", "2025年12月底", "未完成", ""],
  ["2", "二、作风建设方面", LATER_TITLE, "开展公款吃喝专项整治", "", "区教育局", "", "2025年12月底", "未完成", ""],
]);

async function createRound(page: Page, name: string, feedbackDate: string): Promise<number> {
  await page.goto("/rounds/new");
  await page.getByLabel("轮次名称").fill(name);
  await page.getByLabel("巡视(察)组").fill("市委巡察组");
  await page.getByLabel("被巡视(察)单位").fill(BODY);
  await page.getByLabel("反馈日期").fill(feedbackDate);
  await page.getByRole("button", { name: "创建轮次" }).click();
  await expect(page).toHaveURL(/\/rounds\/\d+\/problems$/);
  return Number(/\/rounds\/(\d+)\//.exec(page.url())![1]);
}

async function previewLedger(page: Page, roundId: number, csv: string) {
  await page.goto(`/rounds/${roundId}/import`);
  await page.getByLabel("台账文件").setInputFiles({ name: "台账.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("preview-counts")).toBeVisible();
}

const problemId = (roundId: number, number: number) =>
  readDb((db) => db.prepare("select id from problems where round_id = ? and number = ?").pluck().get(roundId, number)) as number;

let laterRoundId = 0;

test("导入预览和问题页都列出此前轮次的相似问题;整改办标记反弹回潮,两边都显示关联,并提出对上次措施的回头看", async ({ page }) => {
  await signInAs(page, "office");
  const earlierRoundId = await createRound(page, EARLIER_ROUND, "2022-05-10");
  await previewLedger(page, earlierRoundId, earlierLedger);
  // The first round of this body has nothing earlier to resemble.
  await expect(page.getByText("文件中的问题与本单位此前轮次的问题均不相似。")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${earlierRoundId}/problems$`));

  laterRoundId = await createRound(page, LATER_ROUND, "2025-06-01");
  await previewLedger(page, laterRoundId, laterLedger);
  const hint = page.getByRole("region", { name: "反弹回潮提示:与此前轮次相似的问题" });
  await expect(hint.getByText("以下 1 个问题在此前轮次中出现过相似的问题")).toBeVisible();
  const match = hint.getByRole("listitem", { name: "文件中第2号问题的相似历史问题" });
  await expect(match).toContainText(`文件中第2号问题:${LATER_TITLE}`);
  const earlier = match.getByRole("listitem", { name: `${EARLIER_ROUND} 第1号问题` });
  await expect(earlier).toContainText(EARLIER_TITLE);
  await expect(earlier).toContainText("已完成");
  await expect(earlier).toContainText(PROMISED);
  await expect(earlier).toContainText(PROMISED_ONGOING);
  await expect(hint.getByRole("listitem", { name: "文件中第1号问题的相似历史问题" })).toHaveCount(0);
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${laterRoundId}/problems$`));

  // From the problem list to the problem's page.
  await page.getByRole("table", { name: "问题清单" }).getByRole("link", { name: LATER_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: `问题2:${LATER_TITLE}` })).toBeVisible();
  const similar = page.getByRole("region", { name: "相似的历史问题" });
  const candidate = similar.getByRole("listitem", { name: `${EARLIER_ROUND} 第1号问题` });
  await expect(candidate).toContainText(PROMISED);
  await candidate.getByRole("button", { name: `标记为“${EARLIER_ROUND}”第1号问题的反弹回潮` }).click();

  const recurrence = page.getByRole("region", { name: "反弹回潮", exact: true });
  await expect(recurrence.getByRole("link", { name: `${EARLIER_ROUND} 第1号问题:${EARLIER_TITLE}` })).toBeVisible();
  await expect(similar.getByRole("button", { name: /标记为/ })).toHaveCount(0);
  const laterProblem = problemId(laterRoundId, 2);
  const earlierProblem = problemId(earlierRoundId, 1);
  expect(readDb((db) => db.prepare("select earlier_problem_id from problem_recurrences where problem_id = ?").pluck().get(laterProblem))).toBe(earlierProblem);

  // The proposed 回头看: one form per earlier measure, scheduled only on the office's word.
  const proposals = recurrence.getByRole("region", { name: "建议对上一轮的整改措施开展回头看" });
  const ongoing = proposals.getByRole("listitem", { name: `回头看:${PROMISED_ONGOING}` });
  const measureId = readDb((db) => db.prepare("select id from measures where problem_id = ? and text = ?").pluck().get(earlierProblem, PROMISED_ONGOING)) as number;
  const lookBacks = () => readDb((db) => db.prepare("select count(*) from look_backs where measure_id = ?").pluck().get(measureId));
  expect(lookBacks()).toBe(0);
  await expect(ongoing.getByLabel("回头看日期")).toHaveValue(process.env.RECTIFY_TODAY!);
  await ongoing.getByRole("button", { name: "安排回头看" }).click();
  await expect(ongoing.getByText(/已安排 \d{4}-\d{2}-\d{2}/).first()).toBeVisible();
  expect(lookBacks()).toBe(1);

  // The earlier problem's page names the later repeat.
  await recurrence.getByRole("link", { name: `${EARLIER_ROUND} 第1号问题:${EARLIER_TITLE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `问题1:${EARLIER_TITLE}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "反弹回潮", exact: true }).getByRole("link", { name: `${LATER_ROUND} 第2号问题:${LATER_TITLE}` })).toBeVisible();
  // An earlier round's problem finds nothing before its own round.
  await expect(page.getByText("此前轮次中没有发现相似的问题")).toBeVisible();

  // The ledger export carries the link.
  await page.goto(`/rounds/${laterRoundId}/ledger`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel(按当前筛选)" }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(2).values as unknown[]).slice(1);
  const column = header.indexOf("反弹回潮(关联历史问题)") + 1;
  const cells: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) cells.push(String(row.getCell(column).value ?? ""));
  });
  expect(cells.sort()).toEqual(["", `${EARLIER_ROUND} 第1号问题:${EARLIER_TITLE}`]);
});

test("责任单位看不到相似问题,也不能标记;整改办确认后取消标记", async ({ browser }) => {
  const unit = await browser.newPage();
  await signInAs(unit, "jiaoyu");
  const laterProblem = problemId(laterRoundId, 2);
  await unit.goto(`/problems/${laterProblem}`);
  await expect(unit.getByRole("heading", { level: 1, name: `问题2:${LATER_TITLE}` })).toBeVisible();
  await expect(unit.getByText("该问题已被整改办标记为反弹回潮")).toBeVisible();
  await expect(unit.getByRole("region", { name: "相似的历史问题" })).toHaveCount(0);
  await expect(unit.getByRole("button", { name: /反弹回潮/ })).toHaveCount(0);
  await unit.close();

  const office = await browser.newPage();
  await signInAs(office, "office");
  await office.goto(`/problems/${laterProblem}`);
  const recurrence = office.getByRole("region", { name: "反弹回潮", exact: true });
  // Declining the confirmation keeps the mark.
  office.once("dialog", (dialog) => dialog.dismiss());
  await recurrence.getByRole("button", { name: "取消反弹回潮标记" }).click();
  await expect(recurrence).toBeVisible();
  office.once("dialog", (dialog) => dialog.accept());
  await recurrence.getByRole("button", { name: "取消反弹回潮标记" }).click();
  await expect(office.getByRole("region", { name: "反弹回潮", exact: true })).toHaveCount(0);
  await expect(office.getByRole("region", { name: "相似的历史问题" }).getByRole("button", { name: /标记为/ })).toBeVisible();
  expect(readDb((db) => db.prepare("select count(*) from problem_recurrences where problem_id = ?").pluck().get(laterProblem))).toBe(0);
  await office.close();
});
