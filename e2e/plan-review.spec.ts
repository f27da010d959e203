import type { Browser, Page } from "@playwright/test";
import { readDocxText } from "../lib/document-import/docx-text";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// The chain above the office (issue 16): the office submits its plan to the superior
// office's reviewer (赵督导, demo account "ducha"), who returns it with comments on two items;
// the office revises and resubmits; the reviewer compares the versions and approves. The
// rounds are this spec's own imports, so no other spec changes them meanwhile.

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

function acceptNextDialog(page: Page) {
  page.once("dialog", (dialog) => void dialog.accept());
}

function firstProblemOf(roundId: number) {
  return readDb((db) => {
    const problem = db.prepare("select id, number, title from problems where round_id = ? order by number limit 1").get(roundId) as { id: number; number: number; title: string };
    const measure = db.prepare("select id, text, deadline from measures where problem_id = ? order by position limit 1").get(problem.id) as { id: number; text: string; deadline: string | null };
    return { problem, measure };
  });
}

test("方案审核:报送、退回并附两条意见、修改后再报、比较两版、审核通过", async ({ browser }) => {
  test.setTimeout(120_000);
  const round = importBaoanRound("方案审核");
  const other = importBaoanRound("未指定督导");
  const { problem, measure } = firstProblemOf(round.id);

  // The office assigns the reviewer and submits version 1.
  const office = await as(browser, "office");
  await office.goto(`/rounds/${round.id}/plan-review`);
  await expect(office.getByTestId("plan-review-state")).toContainText("整改方案尚未报送上级审核");
  const assign = office.getByRole("form", { name: "指定上级督导" });
  await assign.getByLabel(/赵督导/).check();
  await assign.getByRole("button", { name: "保存" }).click();
  await expect(assign.getByRole("status")).toHaveText("已指定 1 位上级督导");
  const submit = office.getByRole("form", { name: "报送审核" });
  await submit.getByLabel("报送说明(选填)").fill("第一版整改方案,请审核");
  acceptNextDialog(office);
  await submit.getByRole("button", { name: "报送第 1 版审核" }).click();
  await expect(office.getByTestId("plan-review-state")).toContainText("第 1 版待审核");

  // The reviewer sees its rounds only: the other import is neither listed nor open to it.
  const reviewer = await as(browser, "ducha");
  await expect(reviewer).toHaveURL(/\/rounds$/);
  await expect(reviewer.getByRole("link", { name: round.name })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: other.name })).toHaveCount(0);
  const denied = await reviewer.goto(`/rounds/${other.id}/ledger`);
  expect(denied?.status()).toBe(403);
  const deniedApi = await reviewer.request.get(`/api/v1/rounds/${other.id}/summary`);
  expect(deniedApi.status()).toBe(404);

  // It comments on a problem and a measure, then returns version 1.
  await reviewer.goto(`/rounds/${round.id}/plan-review`);
  await expect(reviewer.getByRole("link", { name: "录入方案" })).toHaveCount(0);
  const comment = reviewer.getByRole("form", { name: "提出审核意见" });
  await comment.getByLabel("意见针对").selectOption({ value: `problem:${problem.id}` });
  await comment.getByLabel("意见内容").fill("问题表述要与反馈意见原文一致");
  await comment.getByRole("button", { name: "提出意见" }).click();
  await expect(comment.getByRole("status")).toHaveText("已提出审核意见");
  await comment.getByLabel("意见针对").selectOption({ value: `measure:${measure.id}` });
  await comment.getByLabel("意见内容").fill("完成时限过于宽松,请明确到月");
  await comment.getByRole("button", { name: "提出意见" }).click();
  await expect(reviewer.getByRole("article", { name: /^意见:问题 1 措施 1/ })).toBeVisible();
  const decide = reviewer.getByRole("form", { name: "审核结论" });
  await decide.getByLabel("退回修改").check();
  await decide.getByRole("button", { name: "提交审核结论" }).click();
  await expect(decide.getByRole("alert").filter({ hasText: "退回修改时请写明退回意见" })).toBeVisible();
  await decide.getByLabel("退回修改").check();
  await decide.getByLabel("审核意见(退回时必填)").fill("请按两条意见修改后重新报送");
  await decide.getByRole("button", { name: "提交审核结论" }).click();
  await expect(reviewer.getByTestId("plan-review-state")).toContainText("第 1 版已退回修改");

  // The office reads the two comments, revises measure 1.1's deadline, answers and resubmits.
  await office.goto(`/rounds/${round.id}/plan-review`);
  await expect(office.getByTestId("plan-review-state")).toContainText("第 1 版已退回修改");
  await expect(office.getByRole("heading", { name: "审核意见(2 条未解决)" })).toBeVisible();
  const measureThread = office.getByRole("article", { name: /^意见:问题 1 措施 1/ });
  await office.goto(`/rounds/${round.id}/plan`);
  await office.getByRole("article", { name: `${problem.number}. ${problem.title}` }).getByRole("link", { name: "编辑整改措施 1.1" }).click();
  const edit = office.getByRole("form", { name: "编辑整改措施" });
  await edit.getByLabel("完成时限").fill("2027年6月底");
  await edit.getByRole("button", { name: "保存整改措施" }).click();
  await expect(office).toHaveURL(new RegExp(`/rounds/${round.id}/plan#measure-\\d+$`));
  await office.goto(`/rounds/${round.id}/plan-review`);
  await measureThread.getByRole("textbox", { name: "回复内容" }).fill("已改为 2027年6月底");
  await measureThread.getByRole("button", { name: "回复" }).click();
  await expect(measureThread).toContainText("已改为 2027年6月底");
  acceptNextDialog(office);
  await office.getByRole("form", { name: "报送审核" }).getByRole("button", { name: "报送第 2 版审核" }).click();
  await expect(office.getByTestId("plan-review-state")).toContainText("第 2 版待审核");

  // The reviewer compares version 1 with version 2: exactly the one measure changed.
  await reviewer.goto(`/rounds/${round.id}/plan-review`);
  const diff = reviewer.getByRole("region", { name: "第 1 版与第 2 版的差异" });
  await expect(diff).toContainText("修改 0 个问题、1 项措施");
  await expect(diff).toContainText(`完成时限:${measure.deadline ?? "—"} → 2027-06-30`);
  await reviewer.getByRole("article", { name: /^意见:问题 1 措施 1/ }).getByRole("button", { name: /标记已解决/ }).click();
  await expect(reviewer.getByRole("heading", { name: "审核意见(1 条未解决)" })).toBeVisible();
  await decide.getByLabel("审核通过").check();
  await decide.getByRole("button", { name: "提交审核结论" }).click();
  await expect(reviewer.getByTestId("plan-review-state")).toContainText("第 2 版已通过");

  // Both versions stay, each with its decision; the office is told of the approval.
  await expect(reviewer.getByRole("table", { name: "报审版本" }).getByRole("row")).toHaveCount(3);
  await office.goto("/notifications");
  await expect(office.getByText(`“${round.name}”整改方案第 2 版已审核通过`)).toBeVisible();
});

test("上级督导只写意见和结论:改方案、销号、报送审核都被服务器拒绝", async ({ browser }) => {
  const reviewer = await as(browser, "ducha");
  const demoRoundId = readDb((db) => (db.prepare("select round_id from round_reviewers order by round_id limit 1").get() as { round_id: number }).round_id);
  // Pages of writing are forbidden even in its own round.
  for (const path of [`/rounds/${demoRoundId}/plan`, `/rounds/${demoRoundId}/edit`, "/review", "/notices", "/admin/users"]) {
    const response = await reviewer.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  // And the JSON API refuses what the office may do.
  const snapshot = await reviewer.request.post(`/api/v1/rounds/${demoRoundId}/snapshots`, { data: { asOf: "2026-11-20", label: "x" } });
  expect(snapshot.status()).toBe(403);
  const ledger = await reviewer.request.get(`/api/v1/rounds/${demoRoundId}/export`);
  expect(ledger.status()).toBe(200);
});

test("通报审核与发布:报送、审核通过即发布;之后的销号不改变已发布的数字和文字", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const round = importBaoanRound("通报发布");
  const office = await as(browser, "office");
  await office.goto(`/rounds/${round.id}/plan-review`);
  const assign = office.getByRole("form", { name: "指定上级督导" });
  await assign.getByLabel(/赵督导/).check();
  await assign.getByRole("button", { name: "保存" }).click();
  await expect(assign.getByRole("status")).toHaveText("已指定 1 位上级督导");

  // The office submits today's 通报; the reviewer reads the frozen version and approves it.
  await office.getByRole("navigation", { name: "四清单一台账" }).getByRole("link", { name: "通报审核与发布" }).click();
  await expect(office.getByTestId("report-review-state")).toContainText("整改通报尚未报送上级审核");
  acceptNextDialog(office);
  await office.getByRole("form", { name: "报送审核" }).getByRole("button", { name: "报送第 1 版审核" }).click();
  await expect(office.getByTestId("report-review-state")).toContainText("第 1 版待审核");
  const reviewer = await as(browser, "ducha");
  await reviewer.goto(`/rounds/${round.id}/report-review`);
  const decide = reviewer.getByRole("form", { name: "审核结论" });
  await decide.getByLabel("审核通过").check();
  await decide.getByRole("button", { name: "提交审核结论" }).click();
  await expect(reviewer.getByTestId("report-review-state")).toContainText("现行发布版本:第 1 版");
  await expect(reviewer.getByRole("listitem", { name: "第 1 版通报" })).toContainText("发布");

  const versionUrl = (format: string) => `/api/v1/rounds/${round.id}/report-versions/1?format=${format}`;
  const completedIn = (html: string) => Number(/共制定\d+项整改措施,目前已完成(\d+)项/.exec(html)?.[1]);
  const publishedHtml = await (await reviewer.request.get(versionUrl("html"))).text();
  const docxText = async (page: Page) => readDocxText(await (await page.request.get(versionUrl("docx"))).body());
  const publishedDocx = await docxText(reviewer);
  expect(completedIn(publishedHtml)).toBeGreaterThanOrEqual(0);

  // A unit's claim is signed off afterwards: the live 通报 counts one more completed measure.
  const measure = readDb(
    (db) =>
      db
        .prepare(
          `select m.id from measures m join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.status = 'incomplete' and m.round_id = ? order by m.id limit 1`,
        )
        .get(round.id) as { id: number },
  );
  const unit = await as(browser, "jiaoyu");
  const claim = await unit.request.post(`/api/v1/measures/${measure.id}/progress`, {
    headers: { origin: baseURL! },
    multipart: {
      reportDate: process.env.RECTIFY_TODAY!,
      text: "已全部整改到位",
      claimedStatus: "completed",
      files: { name: "验收报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") },
    },
  });
  expect(claim.status()).toBe(200);
  const reportId = ((await claim.json()) as { report: { id: number } }).report.id;
  expect((await office.request.post(`/api/v1/claims/${reportId}/sign-off`, { headers: { origin: baseURL! } })).status()).toBe(200);
  const liveHtml = await (await office.request.get(`/api/v1/rounds/${round.id}/report?format=html`)).text();
  expect(completedIn(liveHtml)).toBe(completedIn(publishedHtml) + 1);

  // The published version is what was approved: the same HTML byte for byte, the same Word
  // text (a docx differs in its zip timestamps only).
  expect(await (await office.request.get(versionUrl("html"))).text()).toBe(publishedHtml);
  expect(await docxText(office)).toBe(publishedDocx);
  expect(publishedDocx).toContain(`目前已完成${completedIn(publishedHtml)}项`);
  // Leaders read it from their 通报 page.
  const leader = await as(browser, "leader");
  await leader.goto("/reports");
  await expect(leader.getByRole("article", { name: round.name })).toContainText("已发布:第 1 版");
});

test("上级督导的驾驶舱只含其审核的轮次,其他轮次的驾驶舱找不到", async ({ browser }) => {
  const round = importBaoanRound("督导驾驶舱");
  const other = importBaoanRound("督导未审核");
  const office = await as(browser, "office");
  await office.goto(`/rounds/${round.id}/plan-review`);
  const assign = office.getByRole("form", { name: "指定上级督导" });
  await assign.getByLabel(/赵督导/).check();
  await assign.getByRole("button", { name: "保存" }).click();
  await expect(assign.getByRole("status")).toHaveText("已指定 1 位上级督导");

  const reviewer = await as(browser, "ducha");
  await reviewer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "驾驶舱" }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText("驾驶舱");
  const choice = reviewer.getByRole("search", { name: "选择轮次" }).getByLabel("轮次");
  await expect(choice.getByRole("option", { name: round.name })).toHaveCount(1);
  await expect(choice.getByRole("option", { name: other.name })).toHaveCount(0);

  await choice.selectOption({ label: round.name });
  await reviewer.getByRole("button", { name: "查看" }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(`驾驶舱 · ${round.name}`);
  await expect(reviewer.locator('[data-figure="措施总数"]')).toHaveText(new RegExp(`^${round.measures}(,|$)`));
  // It reads the lists, not the office's 督办 work or review queue: those figures are not links.
  await expect(reviewer.locator('[data-figure="待回复督办单"]').getByRole("link")).toHaveCount(0);
  await expect(reviewer.locator('[data-figure="待审核申报"]').getByRole("link")).toHaveCount(0);
  await reviewer.locator('[data-figure="措施总数"]').getByRole("link").click();
  await expect(reviewer).toHaveURL(new RegExp(`/rounds/${round.id}/ledger`));

  expect((await reviewer.goto(`/dashboard?round=${other.id}`))?.status()).toBe(404);
  expect((await reviewer.request.get(`/api/v1/dashboard?round=${other.id}`)).status()).toBe(404);
  const assigned = readDb((db) => db.prepare("select round_id from round_reviewers r join users u on u.id = r.user_id where u.username = 'ducha'").pluck().all() as number[]);
  const all = await (await reviewer.request.get("/api/v1/dashboard?round=all")).json();
  const shown = (all.rounds as { id: number }[]).map((r) => r.id);
  expect(shown).toContain(round.id);
  expect(shown.filter((id) => !assigned.includes(id))).toEqual([]);
});
