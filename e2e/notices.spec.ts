import { expect, measuresOf, readDb, signInAs, test } from "./fixtures";
import { dayFromToday, NoticePages } from "./pages/notice-pages";

// 督办单 end to end: the office issues, the unit is told and replies, another unit cannot
// even see it (page or API), the office closes it; leaders read only; bad input is refused.

const auditActions = (noticeId: number) =>
  readDb((db) =>
    db.prepare("select action from audit_log where entity = 'notice' and entity_id = ? order by id").pluck().all(String(noticeId)),
  );
// 通报-level notices only: other specs (and this file's other tests, in parallel) issue 提醒
// and 督办 notices meanwhile, and the escalation spec confirms a drafted 督办.
const criticismCount = () => readDb((db) => db.prepare("select count(*) from supervision_notices where level = 'criticize'").pluck().get() as number);

test("整改办向区教育局发督办单,单位收到通知并回复,其他单位得到 404,整改办办结", async ({ browser, baseURL }) => {
  const { own } = measuresOf("区教育局");
  const request = `请于回复期限前报送该项措施的整改进展和佐证材料(${Date.now().toString(36)})`;

  const office = await (await browser.newContext()).newPage();
  await signInAs(office, "office");
  const noticeId = await new NoticePages(office).issue({
    unit: "区教育局",
    measure: own.text,
    level: "督办",
    request,
    replyDeadline: dayFromToday(7),
  });
  const heading = office.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^督办〔\d{4}〕\d+号$/);
  const number = (await heading.textContent())!;
  await expect(new NoticePages(office).stateBadge("待回复")).toBeVisible();
  await expect(office.getByText(request)).toBeVisible();

  // The unit's liaison is told once, with a link to the notice.
  const notifications = readDb((db) =>
    db
      .prepare("select n.kind, n.link from notifications n join users u on u.id = n.user_id where u.username = 'jiaoyu' and n.link = ?")
      .all(`/notices/${noticeId}`),
  );
  expect(notifications).toEqual([{ kind: "notice_received", link: `/notices/${noticeId}` }]);

  // 区教育局 finds it in its list, opens it, sees the measure and replies.
  const unit = await (await browser.newContext()).newPage();
  await signInAs(unit, "jiaoyu");
  await unit.goto("/notices");
  const row = unit.getByRole("row").filter({ hasText: number });
  await expect(row.getByText("督办", { exact: true })).toBeVisible();
  await expect(row).toContainText("待回复");
  await row.getByRole("link", { name: number }).click();
  await expect(unit).toHaveURL(new RegExp(`/notices/${noticeId}$`));
  await expect(unit.getByRole("link", { name: own.text })).toHaveAttribute("href", `/measures/${own.id}`);
  await unit.getByRole("button", { name: "提交回复" }).click();
  await expect(unit.getByLabel("回复内容")).toHaveAccessibleDescription("请输入回复内容");
  await unit.getByLabel("回复内容").fill("已制定整改方案,本周内完成,佐证材料随整改动态报送。");
  await unit.getByRole("button", { name: "提交回复" }).click();
  await expect(new NoticePages(unit).stateBadge("已回复")).toBeVisible();
  await expect(unit.getByRole("list", { name: "办理过程" })).toContainText("林教育 回复");
  await expect(unit.getByRole("button", { name: "提交回复" })).toHaveCount(0);

  // 新安街道 gets 404 for the page and for every API route, and its list does not show it.
  const other = await (await browser.newContext()).newPage();
  await signInAs(other, "xinan");
  const page404 = await other.goto(`/notices/${noticeId}`);
  expect(page404?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "页面不存在或您无权查看" })).toBeVisible();
  await expect(other.locator("body")).not.toContainText(request);
  const apiGet = await other.request.get(`/api/v1/notices/${noticeId}`);
  expect(apiGet.status()).toBe(404);
  expect(await apiGet.text()).not.toContain(request);
  expect((await apiGet.json()).error.message).toBe("未找到该督办单");
  const apiReply = await other.request.post(`/api/v1/notices/${noticeId}/reply`, { data: { reply: "越权回复" }, headers: { origin: baseURL! } });
  expect(apiReply.status()).toBe(404);
  const otherList = await (await other.request.get("/api/v1/notices")).json();
  expect(otherList.notices.map((n: { id: number }) => n.id)).not.toContain(noticeId);
  const unitList = await (await unit.request.get("/api/v1/notices")).json();
  expect(unitList.notices.find((n: { id: number }) => n.id === noticeId)).toMatchObject({ number, state: "replied", unit: { name: "区教育局" } });

  // The office sees the reply and closes the notice; its issuer was told of the reply.
  await office.goto(`/notices/${noticeId}`);
  await expect(new NoticePages(office).stateBadge("已回复")).toBeVisible();
  await expect(office.getByText("已制定整改方案")).toBeVisible();
  await office.getByRole("button", { name: "办结督办单" }).click();
  await expect(new NoticePages(office).stateBadge("已办结")).toBeVisible();
  await expect(office.getByRole("list", { name: "办理过程" })).toContainText("陈整改 办结");
  await office.goto("/notices?state=closed");
  await expect(office.getByRole("row").filter({ hasText: number })).toContainText("已办结");

  expect(auditActions(noticeId)).toEqual(["notice.issue", "notice.reply", "notice.close"]);
  const replied = readDb((db) =>
    db.prepare("select count(*) from notifications n join users u on u.id = n.user_id where u.username = 'office' and n.kind = 'notice_replied' and n.link = ?").pluck().get(`/notices/${noticeId}`),
  );
  expect(replied).toBe(1);
});

test("通过 API 发出的督办单,整改办确认后可直接办结未回复的督办单", async ({ page, baseURL }) => {
  const { own } = measuresOf("区教育局");
  const ids = readDb((db) => ({
    round: db.prepare("select round_id from measures where id = ?").pluck().get(own.id) as number,
    unit: db.prepare("select id from units where name = '区教育局'").pluck().get() as number,
  }));
  await signInAs(page, "office");
  const body = { roundId: ids.round, unitId: ids.unit, measureIds: [own.id], level: "reminder", request: "请尽快报送进展。", replyDeadline: dayFromToday(3) };

  const late = await page.request.post("/api/v1/notices", { data: { ...body, replyDeadline: dayFromToday(-1) }, headers: { origin: baseURL! } });
  expect(late.status()).toBe(422);
  expect((await late.json()).error.fieldErrors.replyDeadline).toEqual(["回复期限不能早于今天"]);

  const created = await page.request.post("/api/v1/notices", { data: body, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const { notice } = await created.json();
  expect(notice).toMatchObject({ level: "reminder", state: "open", unit: { name: "区教育局" }, measures: [{ id: own.id }] });

  await page.goto(`/notices/${notice.id}`);
  await expect(page.getByRole("main").getByText("提醒", { exact: true })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "办结督办单" }).click();
  await expect(new NoticePages(page).stateBadge("待回复")).toBeVisible();
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe("该督办单尚未回复,确定直接办结吗?");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "办结督办单" }).click();
  await expect(new NoticePages(page).stateBadge("已办结")).toBeVisible();

  const again = await page.request.post(`/api/v1/notices/${notice.id}/close`, { headers: { origin: baseURL! } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe("该督办单已办结");
  expect(auditActions(notice.id)).toEqual(["notice.issue", "notice.close"]);
});

test("领导可以查看督办单,但打开发督办单页面得到 403", async ({ page, baseURL }) => {
  await signInAs(page, "leader");
  await page.goto("/notices");
  const table = page.getByRole("table", { name: "督办单列表" });
  await expect(table).toBeVisible();
  await expect(page.getByRole("link", { name: "发督办单" })).toHaveCount(0);
  await table.getByRole("link", { name: /^督办〔\d{4}〕1号$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/督办〔\d{4}〕1号/);
  await expect(page.getByRole("main").locator("form")).toHaveCount(0);

  const response = await page.goto("/notices/new");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  const api = await page.request.post("/api/v1/notices", { data: {}, headers: { origin: baseURL! } });
  expect(api.status()).toBe(403);
});

test("回复期限早于今天被拒绝,错误显示在该字段旁,已填内容保留", async ({ page }) => {
  const { own } = measuresOf("区教育局");
  await signInAs(page, "office");
  const before = criticismCount();
  const pages = new NoticePages(page);
  const form = await pages.fill({ unit: "区教育局", measure: own.text, level: "通报", request: "逾期未报送整改进展。", replyDeadline: dayFromToday(-1) });

  await expect(form.getByLabel("回复期限")).toHaveAccessibleDescription("回复期限不能早于今天");
  await expect(form.getByRole("alert").first()).toHaveText("提交的内容有误,请按提示修改");
  await expect(form.getByLabel("督办要求")).toHaveValue("逾期未报送整改进展。");
  await expect(form.getByLabel(own.text)).toBeChecked();
  await expect(page).toHaveURL(/\/notices\/new\?/);
  expect(criticismCount()).toBe(before);

  // Nothing ticked and no request: each field says so.
  await form.getByLabel(own.text).uncheck();
  await form.getByLabel("督办要求").fill("");
  await form.getByLabel("回复期限").fill(dayFromToday(2));
  await form.getByRole("button", { name: "发出督办单" }).click();
  await expect(form.getByRole("group", { name: "涉及的整改措施" })).toHaveAccessibleDescription("请至少选择一项整改措施");
  await expect(form.getByLabel("督办要求")).toHaveAccessibleDescription("请输入督办要求");
  expect(criticismCount()).toBe(before);
});
