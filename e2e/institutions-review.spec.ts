import type { Browser, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { dayFromToday } from "./pages/notice-pages";
import { importBaoanRound } from "./support/own-round";

// 建章立制 (issue 18 part 4b), in a round of its own: 区教育局 registers a rule with its
// progress report (reviewed a year after issue, answering the measure's problem); the office
// moves its review date to yesterday (催报 then lists it) and links a second problem, whose
// page lists the rule; a 回头看 of a measure under that problem asks whether the rule is
// applied, refuses 巩固 while it is 未执行, and the answer shows on the 建章立制 page. A unit
// may not open the edit.
test.describe.configure({ mode: "serial" });

interface Picked {
  id: number;
  text: string;
  problemId: number;
  problemNumber: number;
  problemTitle: string;
}

let round = { id: 0, name: "", measures: 0 };
let reported: Picked;
let checked: Picked;
const RULE = `区教育局学位管理办法${Date.now().toString(36)}`;

test.beforeAll(() => {
  round = importBaoanRound("建章立制复查");
  const pick = (where: string, ...params: unknown[]) =>
    readDb(
      (db) =>
        db
          .prepare(
            `select m.id, m.text, p.id problemId, p.number problemNumber, p.title problemTitle
             from measures m join problems p on p.id = m.problem_id left join units u on u.id = m.lead_unit_id
             where m.round_id = ? and ${where} order by m.id limit 1`,
          )
          .get(round.id, ...params) as Picked,
    );
  reported = pick("u.name = '区教育局' and m.status != 'completed'");
  checked = pick("m.status = 'completed' and p.id != ?", reported.problemId);
});

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

test("单位登记制度,整改办修改复查日期并关联第二个问题,回头看逐项回答是否执行到位", async ({ browser }) => {
  expect(reported?.id, "本轮有区教育局牵头的未完成措施").toBeGreaterThan(0);
  expect(checked?.id, "本轮另一问题下有已完成的措施").toBeGreaterThan(0);

  // 区教育局 registers the rule with a progress report.
  const unit = await as(browser, "jiaoyu");
  await unit.goto(`/measures/${reported.id}`);
  const form = unit.getByRole("form", { name: "报送整改进展" });
  await form.getByLabel("整改进展").fill("印发学位管理办法,建立长效机制。");
  await form.getByRole("button", { name: "+ 登记印发的制度" }).click();
  await form.getByLabel("第 1 项 制度名称").fill(RULE);
  await form.getByLabel("文号").fill("深宝教〔2026〕9号");
  await form.getByLabel("印发日期").fill("2026-03-31");
  await form.getByRole("button", { name: "提交" }).click();
  await expect(unit.getByRole("main").getByRole("status")).toHaveText("已报送整改进展");

  // A unit does not open the round's 建章立制 page, let alone its edit.
  const ruleId = readDb((db) => (db.prepare("select id from institutions where title = ?").get(RULE) as { id: number }).id);
  const refused = await unit.goto(`/rounds/${round.id}/institutions?edit=${ruleId}`);
  expect(refused?.status()).toBe(403);
  await expect(unit.getByRole("heading", { name: "无权访问" })).toBeVisible();

  // The office sees it reviewed a year after issue, answering the reported measure's problem.
  const office = await as(browser, "office");
  await office.goto(`/rounds/${round.id}/institutions`);
  const row = () => office.getByRole("table", { name: "建章立制" }).getByRole("row").filter({ hasText: RULE });
  await expect(row()).toContainText("2027-03-31");
  await expect(row().getByRole("link", { name: `问题${reported.problemNumber}`, exact: true })).toBeVisible();
  await expect(row()).toContainText("未核查");

  // It moves the review to yesterday and links the second problem.
  await row().getByRole("link", { name: `编辑《${RULE}》` }).click();
  const edit = office.getByRole("region", { name: `编辑制度:${RULE}` });
  await edit.getByLabel("复查日期").fill(dayFromToday(-1));
  await edit.getByRole("checkbox", { name: `问题${checked.problemNumber}:${checked.problemTitle}` }).check();
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit.getByRole("status")).toHaveText(`已保存《${RULE}》:复查日期 ${dayFromToday(-1)},针对 2 个问题`);
  await expect(row()).toContainText("已到期");
  await expect(row().getByRole("link", { name: `问题${checked.problemNumber}`, exact: true })).toBeVisible();

  // The overdue filter keeps it; 催报 lists it for review.
  await office.getByRole("link", { name: /只看到期复查/ }).click();
  await expect(row()).toHaveCount(1);
  await office.goto("/reporting");
  const due = office.getByRole("region", { name: /制度到期复查/ }).getByRole("row").filter({ hasText: RULE });
  await expect(due).toContainText(round.name);
  await expect(due).toContainText("已到期");

  // The second problem's page lists the rule.
  await office.goto(`/problems/${checked.problemId}`);
  await expect(office.getByRole("region", { name: "针对本问题的制度(建章立制)" }).getByRole("row").filter({ hasText: RULE })).toContainText("深宝教〔2026〕9号");

  // A 回头看 of a completed measure under it asks about the rule.
  await office.goto(`/measures/${checked.id}`);
  const lookBack = office.getByRole("region", { name: "回头看" });
  await lookBack.getByLabel("回头看日期").fill(dayFromToday(0));
  await lookBack.getByRole("button", { name: "安排回头看" }).click();
  await expect(lookBack.getByRole("status")).toContainText("已安排");
  // The list of due 回头看 asks the same of the rule, in the measure's row.
  await office.goto(`/look-backs?round=${round.id}`);
  const dueRow = office.getByRole("row").filter({ has: office.locator(`a[href="/measures/${checked.id}"]`) });
  await expect(dueRow.getByRole("group", { name: `《${RULE}》(深宝教〔2026〕9号)` })).toBeVisible();
  await office.goto(`/measures/${checked.id}`);
  const rule = lookBack.getByRole("group", { name: `《${RULE}》(深宝教〔2026〕9号)` });
  await rule.getByRole("radio", { name: "未执行" }).check();
  await lookBack.getByRole("radio", { name: "巩固" }).check();
  await lookBack.getByRole("button", { name: "记录结果" }).click();
  await expect(lookBack.getByRole("alert").first()).toContainText("回头看结果不能记为“巩固”");

  await lookBack.getByRole("group", { name: `《${RULE}》(深宝教〔2026〕9号)` }).getByRole("radio", { name: "执行到位" }).check();
  await lookBack.getByLabel(`《${RULE}》(深宝教〔2026〕9号)的执行情况说明`).fill("各校均按办法执行");
  await lookBack.getByRole("radio", { name: "巩固" }).check();
  await lookBack.getByRole("button", { name: "记录结果" }).click();
  await expect(lookBack.getByRole("status")).toHaveText("已记录回头看结果:巩固");
  await expect(lookBack.getByRole("list", { name: "制度执行情况" })).toContainText(`《${RULE}》:执行到位(各校均按办法执行)`);

  // The 建章立制 page shows the last answer.
  await office.goto(`/rounds/${round.id}/institutions`);
  await expect(row()).toContainText("执行到位");
  await expect(row()).toContainText("各校均按办法执行");
});
