import type { Browser, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 共性问题 (issue 18 part 3): the office finds the same kind of problem in two rounds of its
// own, groups them into one common problem and hands it to 区教育局 for 专项治理 with a
// measure and a deadline; the dashboard shows it, 区教育局 finds the measure in 我的任务, a
// leader reads it and a unit may not open the list.
test.describe.configure({ mode: "serial" });

let first = { id: 0, name: "", measures: 0 };
let second = { id: 0, name: "", measures: 0 };
test.beforeAll(() => {
  first = importBaoanRound("共性问题甲");
  second = importBaoanRound("共性问题乙");
});

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

/** In the picker: choose a round, narrow by words, tick the one problem found. */
async function pick(page: Page, round: { id: number; name: string }, words: string) {
  await page.getByLabel("轮次", { exact: true }).selectOption(String(round.id));
  await page.getByLabel("问题含有").fill(words);
  await page.getByRole("button", { name: "查找问题" }).click();
  const box = page.getByRole("checkbox", { name: new RegExp(`${round.name} · .*${words}`) });
  await expect(box).toHaveCount(1);
  await box.check();
}

test("整改办把两个轮次的同类问题归并为共性问题并交办专项治理,驾驶舱显示,牵头单位在我的任务中看到措施", async ({ browser }) => {
  const title = `发现问题整改不到位专项治理${first.id}`;
  const measureText = `建立巡视审计发现问题整改销号台账${first.id}`;
  const office = await as(browser, "office");
  await office.goto("/");
  await office.getByRole("link", { name: "共性问题" }).first().click();
  await office.getByRole("link", { name: "归并共性问题" }).click();
  await expect(office.getByRole("heading", { name: "归并共性问题" })).toBeVisible();

  await pick(office, first, "审计发现");
  await pick(office, second, "巡视发现");
  const picked = office.getByRole("region", { name: /已选问题/ });
  await expect(office.getByRole("heading", { name: "已选问题(2 个)" })).toBeVisible();
  await expect(picked.getByRole("listitem")).toHaveCount(2);

  // Without a department the form comes back with the error beside it and what was typed kept.
  await office.getByLabel("共性问题名称").fill(title);
  await office.getByLabel("专项治理完成时限").fill("2027-03-31");
  await office.getByLabel("第 1 项措施", { exact: true }).fill(measureText);
  await office.getByLabel("第 1 项措施的牵头单位").selectOption({ label: "区教育局" });
  await office.getByLabel("第 1 项措施的完成时限").fill("2027-01-31");
  await office.getByRole("button", { name: "归并并交办" }).click();
  await expect(office.getByText("请选择牵头治理的职能部门")).toBeVisible();
  await expect(office.getByLabel("共性问题名称")).toHaveValue(title);
  expect(readDb((db) => db.prepare("select count(*) from common_problems where title = ?").pluck().get(title))).toBe(0);

  await office.getByLabel("牵头治理的职能部门").selectOption({ label: "区教育局" });
  await office.getByRole("button", { name: "归并并交办" }).click();
  await expect(office.getByText("已归并为共性问题,专项治理措施已交办牵头单位。")).toBeVisible();
  await expect(office.getByRole("heading", { name: `共性问题:${title}` })).toBeVisible();
  const members = office.getByRole("table", { name: /归并的问题/ });
  await expect(members.getByRole("row").filter({ hasText: first.name })).toContainText("审计发现的部分问题未整改到位");
  await expect(members.getByRole("row").filter({ hasText: second.name })).toContainText("巡视发现的部分问题未整改到位");
  const measures = office.getByRole("table", { name: /专项治理措施/ });
  await expect(measures.getByRole("row").filter({ hasText: measureText })).toContainText("区教育局");
  await expect(measures.getByRole("row").filter({ hasText: measureText })).toContainText("2027-01-31");

  const stored = readDb((db) =>
    db
      .prepare(
        `select c.id, c.round_id roundId, (select count(*) from common_problem_members m where m.common_problem_id = c.id) members,
         (select count(distinct p.round_id) from common_problem_members m join problems p on p.id = m.problem_id where m.common_problem_id = c.id) rounds
         from common_problems c where c.title = ?`,
      )
      .get(title),
  ) as { id: number; roundId: number; members: number; rounds: number };
  expect(stored).toMatchObject({ members: 2, rounds: 2 });

  await office.goto("/dashboard");
  const section = office.getByRole("region", { name: "共性问题专项治理" });
  await expect(section.getByRole("link", { name: title })).toBeVisible();
  await expect(section.getByRole("listitem").filter({ hasText: title })).toContainText("区教育局牵头");

  // 区教育局 reports on it as on any task of its own.
  const unit = await as(browser, "jiaoyu");
  await unit.goto("/my-tasks");
  await expect(unit.getByText(measureText)).toBeVisible();
  // …but the office's list of common problems is not for a unit.
  const refused = await unit.goto("/common-problems");
  expect(refused?.status()).toBe(403);

  // A leader reads it, and may not group problems.
  const leader = await as(browser, "leader");
  await leader.goto("/common-problems");
  await expect(leader.getByRole("link", { name: title })).toBeVisible();
  await expect(leader.getByRole("link", { name: "归并共性问题" })).toHaveCount(0);
  expect((await leader.goto("/common-problems/new"))?.status()).toBe(403);
});
