import type { Browser, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 整改成效评估 (issue 17 part 2): the office schedules the evaluation no earlier than six
// months after feedback, grades 区教育局 on every indicator, and gives a completed measure a
// red card for 虚假整改; the measure reopens, the unit sees it reopened with the reason, and
// the 通报 and the dashboard carry the result. In a round of the spec's own.
test.describe.configure({ mode: "serial" });

let round = { id: 0, name: "", measures: 0 };
test.beforeAll(() => {
  round = importBaoanRound("成效评估测试", { feedbackDate: "2021-01-28" });
});

const today = () => process.env.RECTIFY_TODAY!;

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

const completedEduMeasure = () =>
  readDb(
    (db) =>
      db
        .prepare(
          `select m.id, m.text from measures m join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.status = 'completed' and m.round_id = ? order by m.id limit 1`,
        )
        .get(round.id) as { id: number; text: string },
  );

test("整改办安排成效评估、为单位评分并对虚假整改亮红牌,措施重新打开,单位看到原因,通报和驾驶舱显示结果", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto(`/rounds/${round.id}/evaluation`);
  await expect(office.getByText("本轮次尚未安排成效评估")).toBeVisible();

  // Earlier than six months after the feedback of 2021-01-28: refused beside the field.
  const schedule = office.getByRole("form", { name: "安排成效评估" });
  await schedule.getByLabel("评估日期").fill("2021-06-30");
  await schedule.getByRole("button", { name: "保存评估安排" }).click();
  await expect(office.getByText("成效评估应在反馈后至少 6 个月进行,评估日期不能早于 2021-07-28").first()).toBeVisible();
  expect(readDb((db) => db.prepare("select count(*) n from evaluations where round_id = ?").get(round.id))).toEqual({ n: 0 });

  await office.getByRole("form", { name: "安排成效评估" }).getByLabel("评估日期").fill(today());
  await office.getByRole("form", { name: "安排成效评估" }).getByRole("button", { name: "保存评估安排" }).click();
  await expect(office.getByRole("status")).toContainText(`已安排成效评估,评估日期 ${today()}`);

  // Every indicator graded 较好 (×0.8): 80 points.
  await office.getByText("为区教育局评分").click();
  const grading = office.getByRole("form", { name: "评分:区教育局" });
  const selects = grading.getByRole("combobox");
  const count = await selects.count();
  expect(count).toBe(12);
  for (let i = 0; i < count; i++) await selects.nth(i).selectOption({ label: "较好(×0.8)" });
  await grading.getByRole("button", { name: "保存区教育局的评分" }).click();
  await expect(office.getByText("已保存评分,该单位已全部评完")).toBeVisible();
  await expect(office.getByRole("row", { name: /区教育局/ })).toContainText("80 分");

  // The red card needs the office's confirmation; without it nothing changes.
  const measure = completedEduMeasure();
  const redCard = office.getByRole("form", { name: "认定敷衍整改或虚假整改" });
  await redCard.getByLabel("整改措施").selectOption(String(measure.id));
  await redCard.getByLabel("虚假整改").check();
  await redCard.getByLabel("认定理由").fill("现场核查发现整改台账数据与实际不符");
  await redCard.getByRole("button", { name: "亮红牌并重新打开" }).click();
  await expect(office.getByText("请勾选确认:亮红牌将把该措施重新打开为未完成").first()).toBeVisible();
  expect(readDb((db) => db.prepare("select status from measures where id = ?").get(measure.id))).toEqual({ status: "completed" });

  const again = office.getByRole("form", { name: "认定敷衍整改或虚假整改" });
  await again.getByLabel("整改措施").selectOption(String(measure.id));
  await again.getByLabel("虚假整改").check();
  await again.getByLabel("认定理由").fill("现场核查发现整改台账数据与实际不符");
  await again.getByLabel(/确认亮红牌/).check();
  await again.getByRole("button", { name: "亮红牌并重新打开" }).click();
  await expect(office.getByText("已认定为虚假整改(红牌),该措施已重新打开为未完成,并已通知牵头单位")).toBeVisible();
  await expect(office.getByRole("region", { name: /红牌/ }).getByRole("link", { name: new RegExp(measure.text.slice(0, 10)) })).toBeVisible();

  // The unit: its measure is open again, and says why.
  const unit = await as(browser, "jiaoyu");
  await unit.goto(`/measures/${measure.id}`);
  await expect(unit.getByRole("region", { name: "整改历程" }).getByRole("insertion").first()).toHaveText("未完成");
  await expect(unit.getByRole("region", { name: "整改历程" })).toContainText("成效评估认定为虚假整改(红牌):现场核查发现整改台账数据与实际不符");
  await unit.goto("/notifications");
  await expect(unit.getByText(/成效评估认定为虚假整改,整改措施已重新打开/).first()).toBeVisible();

  await office.goto(`/rounds/${round.id}/report`);
  await expect(office.getByText(/平均得分80分;发现虚假整改1项,已亮出“红牌”并重新打开整改/)).toBeVisible();
  await office.goto(`/dashboard?round=${round.id}`);
  await expect(office.getByRole("region", { name: "整改成效评估" })).toContainText("红牌 1 张");
});

test("领导可以查看成效评估但不能评分,责任单位不能打开评估页", async ({ browser }) => {
  const leader = await as(browser, "leader");
  await leader.goto(`/rounds/${round.id}/evaluation`);
  await expect(leader.getByRole("heading", { name: "整改成效评估" })).toBeVisible();
  await expect(leader.getByRole("form", { name: "认定敷衍整改或虚假整改" })).toHaveCount(0);
  await expect(leader.getByRole("form", { name: "安排成效评估" })).toHaveCount(0);
  const unit = await as(browser, "jiaoyu");
  expect((await unit.goto(`/rounds/${round.id}/evaluation`))?.status()).toBe(403);
});
