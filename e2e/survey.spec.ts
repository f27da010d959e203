import type { Browser, Page } from "@playwright/test";
import { formatRate } from "../lib/survey";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 群众满意度测评 (issue 17): the office creates a survey for its round and opens it; a member
// of the public answers from a browser that never signed in, once — a second answer from the
// same browser is refused politely; the office reads the results per aspect and question, and
// on the dashboard; the office closes it and the public page says so.
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
  await expect(office.getByTestId("survey-overall")).toHaveText(`总体满意率 ${rate}(共 1 份答卷,${questions} 个作答)`);
  await expect(office.getByText("满意率 =(满意 + 基本满意)÷(作答人数 − 不了解)× 100%;不了解的不计入分母。")).toBeVisible();
  const byQuestion = office.getByRole("table", { name: "各题测评结果" });
  await expect(byQuestion.getByRole("row").nth(1).getByRole("cell")).toHaveText([/^1\. /, "0", "0", "1", "0", "1", "0.0%"]);
  await expect(byQuestion.getByRole("row").nth(2).getByRole("cell").last()).toHaveText("—");
  await expect(office.getByRole("table", { name: "按方面汇总" })).toBeVisible();
  await expect(office.getByText("学校周边交通秩序明显好转,希望长期坚持。")).toBeVisible();

  // …and on the dashboard, as a leader does.
  const leader = await signedIn(browser, "leader");
  await leader.goto(`/dashboard?round=${round.id}`);
  await expect(leader.getByTestId("dashboard-survey-overall")).toContainText(`1 份答卷,总体满意率 ${rate}`);
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
