import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { e2eDatabasePath, expect, readDb, signInAs, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

// Web security of the running server: the content-security policy and other headers,
// cross-site form posts, the sign-in lock, session expiry, and what the request log holds.

const suffix = Date.now().toString(36);

function scriptSources(policy: string): string {
  return policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

test("页面带每次不同的脚本 nonce 的内容安全策略,API 禁止一切内容", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"]!;
  const scripts = scriptSources(policy);
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(scriptSources(second.headers()["content-security-policy"]!)).not.toBe(scripts);
  // The page's own scripts carry this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(scripts)![1];
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  expect(first.headers()).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
  });
  expect(first.headers()["x-powered-by"]).toBeUndefined();

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("在策略之下页面正常运行,浏览器没有拦截任何内容", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signInAs(page, "leader");
  await page.goto("/dashboard");
  // The charts are client components: they render only if the app's scripts ran.
  await expect(page.locator("#completion-title ~ [role=img] .recharts-legend-item-text").filter({ hasText: /^已完成$/ })).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(violations).toEqual([]);
});

test("从其他网站提交的表单(跨站请求伪造)被拒绝,什么也不写", async ({ page }) => {
  await signInAs(page, "office");
  const name = `跨站伪造测试轮次${suffix}`;
  await page.goto("/rounds/new");
  await page.getByLabel("轮次名称").fill(name);
  await page.getByLabel("巡视(察)组").fill("市委第三巡察组");
  await page.getByLabel("被巡视(察)单位").fill("中共深圳市宝安区委员会");
  // The session cookie goes along, but the request says it comes from another site.
  let forgedStatus = 0;
  await page.route("**/rounds/new", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch({ headers: { ...route.request().headers(), origin: "https://evil.example" } });
    forgedStatus = response.status();
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "创建轮次" }).click();
  await expect.poll(() => forgedStatus).toBeGreaterThanOrEqual(400);
  await expect(page.getByRole("heading", { name: "页面出错了" })).toBeVisible();
  expect(readDb((db) => db.prepare("select count(*) from rounds where name = ?").pluck().get(name))).toBe(0);
});

test("连续输错密码后账号暂时锁定,正确密码也要等待,并给出中文提示", async ({ browser, page }) => {
  // Eight sign-ins, each a deliberately slow scrypt check: on a busy machine that alone
  // nears the default minute.
  test.slow();
  const username = `suoding_${suffix}`;
  const password = "Lock2026ab";
  await createUnitUser(page, username, password);

  const guesser = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(guesser);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn.signIn(username, `Wrong2026-${attempt}`);
    await expect(guesser.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误");
  }
  await signIn.signIn(username, password);
  await expect(guesser.getByRole("main").getByRole("alert")).toHaveText(/^登录失败次数过多,该账号已暂时锁定,请 1[45] 分钟后再试$/);
  await expect(guesser).toHaveURL(/\/sign-in$/);
  // Other accounts from the same address are not affected.
  await signInAs(guesser, "xinan");
});

test("会话过期后须重新登录,API 返回 401", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "xinan");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("session_token"))!;
  const token = decodeURIComponent(cookie.value).split(".")[0];
  // Only this one session is aged: other specs use the same account at the same time.
  const db = new Database(e2eDatabasePath());
  try {
    const changed = db.prepare("update sessions set expires_at = ? where token = ?").run(Date.now() - 60_000, token);
    expect(changed.changes).toBe(1);
  } finally {
    db.close();
  }
  await page.goto("/my-tasks");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get("/api/v1/my/measures")).status()).toBe(401);
});

test("请求日志逐行记录方法、路由、状态、耗时和用户,从不记录密码", async ({ page }) => {
  const wrongPassword = `NeverLogged-${suffix}`;
  const signIn = new SignInPage(page);
  await signIn.signIn("leader", wrongPassword);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误");
  await signInAs(page, "leader");
  await page.goto("/dashboard?from=log-test");
  const leaderId = readDb((db) => db.prepare("select id from users where username = 'leader'").pluck().get()) as string;

  const logFile = path.join(path.dirname(e2eDatabasePath()), "server.log");
  const entries = () =>
    fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const dashboardLine = () => entries().find((entry) => entry.route === "/dashboard" && entry.user === leaderId && !entry.prefetch);
  await expect.poll(dashboardLine).toMatchObject({ method: "GET", status: 200, path: "/dashboard" });
  expect(typeof dashboardLine()!.ms).toBe("number");
  // The sign-in form posts a server action; a prefetch runs no page code and so names no
  // user. Links do not prefetch by themselves (issue 15): the router is asked to, as a link
  // that asks for it would.
  expect(entries().some((entry) => entry.route === "/sign-in" && entry.method === "POST" && entry.action === true)).toBe(true);
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { router?: unknown } }).next?.router));
  await page.evaluate(() => (window as unknown as { next: { router: { prefetch(href: string): void } } }).next.router.prefetch("/notices"));
  await expect.poll(() => entries().filter((entry) => entry.prefetch === true && entry.route === "/notices").length).toBeGreaterThan(0);
  expect(entries().filter((entry) => entry.prefetch === true).every((entry) => entry.user === null)).toBe(true);
  const log = fs.readFileSync(logFile, "utf8");
  expect(log).not.toContain(wrongPassword);
  expect(log).not.toContain("Demo2026zg");
  expect(log).not.toContain("from=log-test");
});

async function createUnitUser(page: Page, username: string, password: string) {
  await signInAs(page, "office");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("钱锁定");
  await form.getByLabel("角色").selectOption({ label: "责任单位" });
  await form.getByLabel("所属单位").selectOption({ label: "区教育局" });
  await form.getByLabel("初始密码").fill(password);
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`已创建责任单位账号“${username}”(钱锁定)`);
}
