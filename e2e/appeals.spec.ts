import type { Browser, Page, Request } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 申诉 (issue 16 item 5): 区教育局 appeals the office's return of its claim, and the overdue
// mark of another of its measures. The office grants the first (the claim waits for sign-off
// again) and rejects the second with its reason (nothing else changes); the unit reads both
// decisions. Nobody but the office may decide, even by replaying the office's own request.
test.describe.configure({ mode: "serial" });

// A round of this spec's own: other specs claim, sign off and re-date the demo round's measures.
let round = { id: 0, name: "", measures: 0 };
test.beforeAll(() => {
  round = importBaoanRound("申诉测试");
});

const today = () => process.env.RECTIFY_TODAY!;

/** 区教育局's measures in this round: one open and not yet due, one overdue. */
function eduMeasure(condition: "due later" | "overdue") {
  const where = condition === "overdue" ? "m.deadline < ?" : "m.deadline >= ?";
  return readDb(
    (db) =>
      db
        .prepare(
          `select m.id, m.text, m.deadline from measures m join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.status = 'incomplete' and m.round_id = ? and ${where} order by m.id limit 1`,
        )
        .get(round.id, today()) as { id: number; text: string; deadline: string },
  );
}

const appealOf = (measureId: number) =>
  readDb((db) => db.prepare("select id, subject, decision, decision_reason decisionReason from appeals where measure_id = ? order by id").all(measureId)) as {
    id: number;
    subject: string;
    decision: string | null;
    decisionReason: string | null;
  }[];

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

/** The request a page's next form submission sends to a server action, let through. */
function nextActionRequest(page: Page, path: string): Promise<Request> {
  return page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname === path && !!request.headers()["next-action"]);
}

/** The same server-action request, sent with another user's session. */
async function replay(as: Page, request: Request, baseURL: string) {
  const response = await as.request.post(request.url(), {
    headers: {
      "next-action": request.headers()["next-action"]!,
      "content-type": request.headers()["content-type"]!,
      accept: "text/x-component",
      origin: baseURL,
    },
    data: request.postDataBuffer()!,
  });
  return response.text();
}

const pdf = { name: "验收意见.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% 验收意见\n%%EOF\n") };

test("单位对退回的申报提出申诉,整改办认定申诉成立,申报回到待审核,单位看到处理结果", async ({ browser, baseURL }) => {
  const measure = eduMeasure("due later");
  const unit = await as(browser, "jiaoyu");
  const office = await as(browser, "office");

  // The claim and its return, as the unit's and the office's browsers send them.
  const claim = await unit.request.post(`/api/v1/measures/${measure.id}/progress`, {
    headers: { origin: baseURL! },
    multipart: { reportDate: today(), text: "新增学位建设任务已完成,验收意见见附件。", claimedStatus: "completed", files: pdf },
  });
  expect(claim.status()).toBe(200);
  const reportId = (await claim.json()).report.id as number;
  const returned = await office.request.post(`/api/v1/claims/${reportId}/return`, { headers: { origin: baseURL! }, data: { reason: "未见验收意见,请补充" } });
  expect(returned.status()).toBe(200);

  // The unit appeals from the measure page; reasons are required, and said so next to the field.
  await unit.goto(`/measures/${measure.id}`);
  const appealForm = unit.getByRole("form", { name: "对退回提出申诉" });
  await expect(appealForm).toContainText("退回理由:未见验收意见,请补充");
  await appealForm.getByRole("button", { name: "提出申诉" }).click();
  await expect(appealForm.getByRole("alert")).toHaveText("请输入申诉理由");
  await expect(appealForm.getByLabel("申诉理由")).toHaveAttribute("aria-invalid", "true");
  await appealForm.getByLabel("申诉理由").fill("验收意见是附件《验收意见.pdf》第 2 页,请核对。");
  await appealForm.getByRole("button", { name: "提出申诉" }).click();
  const appeals = unit.getByRole("region", { name: "申诉" });
  await expect(appeals.getByRole("status")).toHaveText("已提出申诉,整改办处理后将通知本单位");
  await expect(appeals.getByText("已对该退回提出申诉,请等待整改办处理")).toHaveCount(0); // the form's place shows the message, not the refusal
  const record = appeals.getByRole("list", { name: "申诉记录" }).getByRole("listitem");
  await expect(record).toHaveCount(1);
  await expect(record).toContainText("对退回申报的申诉");
  await expect(record).toContainText("待处理");
  expect(appealOf(measure.id)).toEqual([expect.objectContaining({ subject: "return", decision: null })]);
  // 我的任务 says the appeal is waiting, beside the return.
  await unit.goto("/my-tasks");
  await expect(unit.getByRole("listitem").filter({ has: unit.locator(`a[href="/measures/${measure.id}"]`) })).toContainText("已申诉,等待整改办处理");

  // The office finds it from the review page and grants it.
  await office.goto("/review");
  await office.getByRole("link", { name: /^待处理的申诉 \d+ 项$/ }).click();
  await expect(office).toHaveURL(/\/appeals$/);
  const item = office.getByRole("list", { name: "待处理" }).getByRole("listitem").filter({ hasText: round.name }).filter({ hasText: measure.text.slice(0, 16) });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("申诉理由:验收意见是附件《验收意见.pdf》第 2 页,请核对。");
  const decide = item.getByRole("form", { name: "处理申诉" });
  await decide.getByRole("radio", { name: "申诉成立", exact: true }).check();
  await decide.getByRole("button", { name: "提交处理结果" }).click();
  await expect(decide.getByLabel("处理理由")).toHaveAttribute("aria-invalid", "true");
  await expect(decide.getByRole("alert")).toHaveText("请输入处理理由");
  await decide.getByRole("radio", { name: "申诉成立", exact: true }).check();
  await decide.getByLabel("处理理由").fill("附件第 2 页确有验收意见,退回有误");
  office.once("dialog", (dialog) => void dialog.accept());
  await decide.getByRole("button", { name: "提交处理结果" }).click();
  await expect(office.getByRole("status")).toHaveText("已处理:申诉成立,该申报已恢复为待审核,可在审核中销号。已通知申诉单位");
  await expect(office.getByRole("link", { name: /已处理/ })).toHaveAttribute("aria-current", "page");

  // The claim is back in the review queue, to be signed off the ordinary way.
  await office.goto(`/review?round=${round.id}`);
  await expect(office.getByRole("row", { name: new RegExp(measure.text.slice(0, 10)) })).toHaveCount(1);

  // The unit sees the decision on the measure page, in its history and in its notifications.
  await unit.goto(`/measures/${measure.id}`);
  await expect(record).toContainText("申诉成立");
  await expect(record).toContainText("处理理由:附件第 2 页确有验收意见,退回有误");
  await expect(record).toContainText("该申报已恢复为待审核");
  await expect(unit.locator(`#report-${reportId}`)).toContainText("申报已完成 · 待审核");
  const history = unit.getByRole("list", { name: "整改历程" });
  await expect(history).toContainText("提出申诉");
  await expect(history).toContainText("申诉成立");
  await unit.goto("/notifications");
  await expect(unit.getByRole("main")).toContainText("对退回申报的申诉:申诉成立");
  expect(readDb((db) => db.prepare("select review_state from progress_reports where id = ?").pluck().get(reportId))).toBe("pending");
});

test("单位对逾期认定提出申诉,他人无法代为处理,整改办写明理由认定不成立,时限不变", async ({ browser, baseURL }) => {
  const measure = eduMeasure("overdue");
  const unit = await as(browser, "jiaoyu");
  const otherUnit = await as(browser, "xinan");
  const office = await as(browser, "office");

  // Another unit cannot see the measure, let alone appeal it.
  expect((await otherUnit.goto(`/measures/${measure.id}`))?.status()).toBe(404);

  await unit.goto(`/measures/${measure.id}`);
  await expect(unit.getByRole("main")).toContainText("逾期");
  const appealForm = unit.getByRole("form", { name: "对逾期认定提出申诉" });
  await expect(appealForm).toContainText(`该措施的完成时限为 ${measure.deadline},现已逾期`);
  await appealForm.getByLabel("申诉理由").fill("学校选址调整经区政府批准,工期顺延两个月。");
  const submitted = nextActionRequest(unit, `/measures/${measure.id}`);
  await appealForm.getByRole("button", { name: "提出申诉" }).click();
  await expect(unit.getByRole("region", { name: "申诉" }).getByRole("status")).toHaveText("已提出申诉,整改办处理后将通知本单位");
  // The same post from another unit's session: the measure is not there for it.
  expect(await replay(otherUnit, await submitted, baseURL!)).toContain("未找到该整改措施");
  expect(appealOf(measure.id)).toEqual([expect.objectContaining({ subject: "overdue", decision: null })]);

  // The office's decision, as its browser sends it, replayed by a unit and a leader: refused.
  await office.goto(`/measures/${measure.id}`);
  const item = office.getByRole("list", { name: "申诉记录" }).getByRole("listitem").filter({ hasText: "对逾期认定的申诉" });
  const decide = item.getByRole("form", { name: "处理申诉" });
  await decide.getByRole("radio", { name: "申诉成立", exact: true }).check();
  await decide.getByLabel("处理理由").fill("同意延期");
  await decide.getByLabel("延期后的完成时限(申诉成立时必填)").fill("2027-06-30");
  let captured: Request | null = null;
  await office.route(`**/measures/${measure.id}`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  office.once("dialog", (dialog) => void dialog.accept());
  await decide.getByRole("button", { name: "提交处理结果" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await office.unroute(`**/measures/${measure.id}`);
  const leader = await as(browser, "leader");
  for (const other of [unit, leader]) expect(await replay(other, captured!, baseURL!)).toContain("您没有执行此操作的权限");
  expect(appealOf(measure.id)).toEqual([expect.objectContaining({ decision: null })]);
  expect((await leader.goto("/appeals"))?.status()).toBe(403);

  // The office rejects it, with its reason (a fresh load: the aborted post left an error page).
  await office.reload();
  await decide.getByRole("radio", { name: "申诉不成立", exact: true }).check();
  await decide.getByLabel("处理理由").fill("选址调整在 9 月已完成,未影响工期,理由不成立");
  office.once("dialog", (dialog) => void dialog.accept());
  await decide.getByRole("button", { name: "提交处理结果" }).click();
  await expect(item.getByRole("status")).toHaveText("已处理:申诉不成立,其他内容不变。已通知申诉单位");
  await expect(decide).toHaveCount(0);

  // Nothing else changed: the same deadline, still overdue, and the unit reads the reason.
  expect(readDb((db) => db.prepare("select deadline from measures where id = ?").pluck().get(measure.id))).toBe(measure.deadline);
  await unit.goto(`/measures/${measure.id}`);
  const record = unit.getByRole("list", { name: "申诉记录" }).getByRole("listitem");
  await expect(record).toContainText("申诉不成立");
  await expect(record).toContainText("处理理由:选址调整在 9 月已完成,未影响工期,理由不成立");
  await expect(unit.getByRole("main")).toContainText(`${measure.deadline}(`);
  await expect(unit.getByRole("main")).toContainText(/逾期 \d+ 天/);
  await expect(unit.getByText("对该完成时限的逾期已申诉过一次,不能再次申诉。")).toBeVisible();
  await expect(unit.getByRole("form", { name: "对逾期认定提出申诉" })).toHaveCount(0);
  expect(appealOf(measure.id)).toEqual([expect.objectContaining({ decision: "rejected", decisionReason: "选址调整在 9 月已完成,未影响工期,理由不成立" })]);
});
