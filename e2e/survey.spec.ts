import type { Browser, Page } from "@playwright/test";
import { formatRate } from "../lib/survey";
import { expect, readDb, signInAs, test } from "./fixtures";
import { hiddenFieldsOf } from "./support/form-post";
import { importBaoanRound } from "./support/own-round";

// 群众满意度测评 (issue 17): the office creates a survey for its round and opens it; a member
// of the public answers from a browser that never signed in, once — a second answer from the
// same browser is refused politely; the office reads the results per aspect and question, and
// on the dashboard; the office closes it and the public page says so. Then paper: the office
// enters a batch of tallied paper forms after the close and reads online and paper added
// together; it corrects and deletes the batch; a unit user and a leader cannot enter one.
test.describe.configure({ mode: "serial" });

let round = { id: 0, name: "", measures: 0 };
test.beforeAll(() => {
  round = importBaoanRound("满意度测评");
});

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

/** Answers every question: the first 不满意, the second 不了解, the rest 满意. */
async function answerAll(page: Page): Promise<number> {
  const questions = page.getByRole("form", { name: "满意度测评问卷" }).getByRole("group");
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const choice = i === 0 ? "不满意" : i === 1 ? "不了解" : "满意";
    await questions.nth(i).getByLabel(choice, { exact: true }).check();
  }
  return count;
}

test("整改办开放测评,群众免登录填写一次,整改办看到汇总;关闭后公开页显示已结束", async ({ browser }) => {
  const office = await signedIn(browser, "office");
  await office.goto(`/rounds/${round.id}/problems`);
  await office.getByRole("navigation", { name: "四清单一台账" }).getByRole("link", { name: "满意度测评" }).click();

  // Every aspect is asked by default; the office adds problem 1 as well.
  const title = `${round.name}群众满意度测评`;
  const form = office.getByRole("form", { name: "创建满意度测评" });
  await form.getByLabel("测评标题").fill(title);
  await form.getByLabel(/^问题 1:/).check();
  await form.getByRole("button", { name: "创建测评" }).click();
  await expect(office.getByTestId("survey-state")).toContainText("未开放");
  office.once("dialog", (dialog) => void dialog.accept());
  await office.getByRole("button", { name: "开放测评" }).click();
  await expect(office.getByTestId("survey-state")).toContainText("收集中");
  await expect(office.getByRole("img", { name: `${title}的问卷二维码` })).toBeVisible();
  const link = new URL((await office.getByTestId("survey-link").textContent())!);
  const aspects = readDb((db) => db.prepare("select count(*) from aspects where round_id = ?").pluck().get(round.id)) as number;

  // A member of the public: a browser that never signed in.
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  const opened = await visitor.goto(link.pathname);
  expect(opened?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await expect(visitor.getByRole("heading", { name: title })).toBeVisible();
  // The page reaches nothing but itself.
  await expect(visitor.getByRole("link")).toHaveCount(0);
  await expect(visitor.getByRole("navigation")).toHaveCount(0);
  const questions = await answerAll(visitor);
  expect(questions).toBe(aspects + 1);
  await visitor.getByLabel(/意见建议/).fill("学校周边交通秩序明显好转,希望长期坚持。");
  await visitor.getByRole("button", { name: "提交" }).click();
  await expect(visitor.getByRole("status")).toHaveText("提交成功,感谢您的参与!");
  const device = (await publicContext.cookies()).find((c) => c.name === "rectify_survey_device");
  expect(device).toMatchObject({ httpOnly: true, path: "/survey", sameSite: "Lax" });

  // The same browser again: refused, politely, and nothing more is stored.
  await visitor.reload();
  await answerAll(visitor);
  await visitor.getByRole("button", { name: "提交" }).click();
  await expect(visitor.getByRole("form", { name: "满意度测评问卷" }).getByRole("alert")).toHaveText("您已提交过本问卷,每台设备只能提交一次,感谢您的参与");

  // The office reads the one answer, with the formula beside it.
  await office.reload();
  await expect(office.getByTestId("survey-state")).toContainText("已收到 1 份答卷");
  const rate = formatRate((questions - 2) / (questions - 1));
  await expect(office.getByTestId("survey-overall")).toHaveText(`总体满意率 ${rate}(共收回问卷 1 份,其中网上 1 份、纸质 0 份;${questions} 个作答)`);
  await expect(office.getByText("满意率 =(满意 + 基本满意)÷(作答人数 − 不了解)× 100%;不了解的不计入分母;网上答卷与纸质问卷合并计算。")).toBeVisible();
  const byQuestion = office.getByRole("table", { name: "各题测评结果" });
  // 满意, 基本满意, 不满意, 不了解, then who answered: 网上, 纸质, 合计; then the rate.
  await expect(byQuestion.getByRole("row").nth(1).getByRole("cell")).toHaveText([/^1\. /, "0", "0", "1", "0", "1", "0", "1", "0.0%"]);
  await expect(byQuestion.getByRole("row").nth(2).getByRole("cell").last()).toHaveText("—");
  await expect(office.getByRole("table", { name: "按方面汇总" })).toBeVisible();
  await expect(office.getByText("学校周边交通秩序明显好转,希望长期坚持。")).toBeVisible();

  // …and on the dashboard, as a leader does.
  const leader = await signedIn(browser, "leader");
  await leader.goto(`/dashboard?round=${round.id}`);
  await expect(leader.getByTestId("dashboard-survey-overall")).toContainText(`共收回问卷 1 份,其中网上 1 份、纸质 0 份,总体满意率 ${rate}`);
  // A leader reads the results but cannot open or close the survey.
  await leader.goto(`/rounds/${round.id}/survey`);
  await expect(leader.getByTestId("survey-overall")).toContainText(rate);
  await expect(leader.getByRole("button", { name: "关闭测评" })).toHaveCount(0);

  // Closed: the public page says so, and answers are refused.
  office.once("dialog", (dialog) => void dialog.accept());
  await office.getByRole("button", { name: "关闭测评" }).click();
  await expect(office.getByTestId("survey-state")).toContainText("已关闭");
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link.pathname);
  await expect(stranger.getByRole("status")).toHaveText("本次测评已结束,感谢您的关注。");
  await expect(stranger.getByRole("form", { name: "满意度测评问卷" })).toHaveCount(0);

  // A link that names no survey: a plain message, still no way into the app.
  const unknown = await stranger.goto(`/survey/${"x".repeat(24)}`);
  expect(unknown?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "问卷不存在" })).toBeVisible();
  await expect(stranger.getByRole("link")).toHaveCount(0);

  // Every step of the office is in the audit log; the answer by nobody.
  const actions = readDb((db) =>
    db
      .prepare(
        `select a.action, a.actor_id is null as anonymous from audit_log a join surveys s on s.round_id = ?
         where (a.entity = 'survey' and a.entity_id = cast(s.id as text))
            or (a.entity = 'survey_response' and a.entity_id in (select cast(id as text) from survey_responses where survey_id = s.id))
         order by a.id`,
      )
      .all(round.id),
  );
  expect(actions).toEqual([
    { action: "survey.create", anonymous: 0 },
    { action: "survey.open", anonymous: 0 },
    { action: "survey.respond", anonymous: 1 },
    { action: "survey.close", anonymous: 0 },
  ]);
});

test("网上测评关闭后,整改办录入纸质问卷批次,结果把纸质与网上相加;可更正、删除;单位和领导不能录入", async ({ browser, baseURL }) => {
  const office = await signedIn(browser, "office");
  await office.goto(`/rounds/${round.id}/survey`);
  await expect(office.getByTestId("survey-state")).toContainText("已关闭");
  await expect(office.getByTestId("paper-after-close")).toHaveText("网上测评已关闭,但陆续收回的纸质问卷仍可录入,录入后计入结果。");
  await expect(office.getByText("尚未录入纸质问卷", { exact: true })).toBeVisible();
  const questions = readDb((db) => db.prepare("select count(*) from survey_questions q join surveys s on s.id = q.survey_id where s.round_id = ?").pluck().get(round.id)) as number;
  const paperRows = () =>
    readDb((db) => db.prepare("select count(*) from survey_paper_batches b join surveys s on s.id = b.survey_id where s.round_id = ?").pluck().get(round.id)) as number;

  // 10 forms: question 1 tallied 4 / 3 / 1 / 1 (one left blank), question 2 all 满意. A slip
  // first: 8 满意 on question 1 makes 13 of 10 forms — refused in the row, nothing stored.
  const label = `新安街道 第1批 ${round.name}`;
  const form = office.getByRole("form", { name: "录入纸质问卷" });
  await form.getByLabel("批次名称").fill(label);
  await form.getByLabel("份数").fill("10");
  await form.getByLabel("第1题 满意").fill("8");
  await form.getByLabel("第1题 基本满意").fill("3");
  await form.getByLabel("第1题 不满意").fill("1");
  await form.getByLabel("第1题 不了解").fill("1");
  await form.getByLabel("第2题 满意").fill("10");
  await form.getByRole("button", { name: "录入本批" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "第 1 题各项合计 13 份,多于本批的 10 份" })).toBeVisible();
  await expect(form.getByLabel("第1题 满意")).toHaveAttribute("aria-invalid", "true");
  expect(paperRows()).toBe(0);
  await form.getByLabel("第1题 满意").fill("4");
  await form.getByRole("button", { name: "录入本批" }).click();
  await expect(office.getByRole("status")).toHaveText(`已录入纸质问卷“${label}”10 份,已计入测评结果`);
  expect(paperRows()).toBe(1);

  // What the office can compute itself: its one online answer (不满意, 不了解, then 满意) plus the paper.
  // Question 1: 4 + 3 pleased of 10 answered, 1 unsure → 7/9. Overall: online questions − 2 pleased,
  // paper 7 + 10; answered questions + 9 + 10; unsure 1 + 1.
  const first = formatRate(7 / 9);
  const all = formatRate((questions - 2 + 17) / (questions + 19 - 2));
  await office.reload();
  await expect(office.getByTestId("survey-state")).toContainText("网上已收到 1 份答卷 · 纸质问卷 10 份");
  await expect(office.getByTestId("survey-overall")).toHaveText(`总体满意率 ${all}(共收回问卷 11 份,其中网上 1 份、纸质 10 份;${questions + 19} 个作答)`);
  const byQuestion = office.getByRole("table", { name: "各题测评结果" });
  await expect(byQuestion.getByRole("row").nth(1).getByRole("cell")).toHaveText([/^1\. /, "4", "3", "2", "1", "1", "9", "10", first]);
  await expect(byQuestion.getByRole("row").nth(2).getByRole("cell")).toHaveText([/^2\. /, "10", "0", "0", "1", "1", "10", "11", "100.0%"]);
  await expect(office.getByRole("table", { name: "已录入的纸质问卷批次" }).getByRole("row").nth(1).getByRole("cell").first()).toHaveText(label);

  // The leader's dashboard says the same.
  const leader = await signedIn(browser, "leader");
  await leader.goto(`/dashboard?round=${round.id}`);
  await expect(leader.getByTestId("dashboard-survey-overall")).toContainText(`共收回问卷 11 份,其中网上 1 份、纸质 10 份,总体满意率 ${all}`);

  // A correction: question 2 was 8 满意 and 2 不满意.
  await office.getByRole("link", { name: `更正${label}` }).click();
  const correction = office.getByRole("form", { name: "更正纸质问卷" });
  await expect(correction.getByLabel("第1题 满意")).toHaveValue("4");
  await correction.getByLabel("第2题 满意").fill("8");
  await correction.getByLabel("第2题 不满意").fill("2");
  await correction.getByRole("button", { name: "保存更正" }).click();
  await expect(office.getByRole("status")).toHaveText(`已更正纸质问卷“${label}”,测评结果已按更正后的份数计算`);
  await office.goto(`/rounds/${round.id}/survey`);
  await expect(byQuestion.getByRole("row").nth(2).getByRole("cell")).toHaveText([/^2\. /, "8", "0", "2", "1", "1", "10", "11", formatRate(8 / 10)]);

  // A leader reads the batches but has no form; a unit has no survey at all. Posted by hand
  // with the office's own form, both are refused and nothing changes.
  await leader.goto(`/rounds/${round.id}/survey`);
  await expect(leader.getByRole("table", { name: "已录入的纸质问卷批次" })).toBeVisible();
  await expect(leader.getByRole("form", { name: "录入纸质问卷" })).toHaveCount(0);
  await expect(leader.getByRole("link", { name: `更正${label}` })).toHaveCount(0);
  const officeHtml = await (await office.request.get(`/rounds/${round.id}/survey`)).text();
  const entry = hiddenFieldsOf(officeHtml, (f) => f.includes('name="forms"'));
  const batches = () => readDb((db) => db.prepare("select * from survey_paper_batches b where b.survey_id = (select id from surveys where round_id = ?)").all(round.id));
  const before = JSON.stringify(batches());
  for (const username of ["xinan", "leader"]) {
    const intruder = await signedIn(browser, username);
    const refused = await intruder.request.post(`/rounds/${round.id}/survey`, {
      headers: { origin: baseURL! },
      multipart: { ...entry, label: `${username}偷录的一批`, collectedOn: "2026-11-01", forms: "5", "counts.1.satisfied": "5" },
    });
    expect(refused.status()).toBeLessThan(500);
    expect(JSON.stringify(batches())).toBe(before);
    await intruder.context().close();
  }

  // Deleted after a confirmation: the paper is taken out of the results.
  office.once("dialog", (dialog) => void dialog.accept());
  await office.getByRole("button", { name: `删除${label}` }).click();
  await expect(office.getByText("尚未录入纸质问卷", { exact: true })).toBeVisible();
  await expect(office.getByTestId("survey-overall")).toContainText("共收回问卷 1 份,其中网上 1 份、纸质 0 份");

  const actions = readDb((db) =>
    db
      .prepare(
        `select a.action from audit_log a where a.entity = 'survey_paper_batch' and a.actor_id = (select id from users where username = 'office')
           and json_extract(coalesce(a.after, a.before), '$.label') = ? order by a.id`,
      )
      .pluck()
      .all(label),
  );
  expect(actions).toEqual(["survey_paper_batch.create", "survey_paper_batch.update", "survey_paper_batch.delete"]);
});
