import { DEMO_PASSWORD, expect, readDb, signInAs, test } from "./fixtures";

const ROLES = [
  {
    username: "office",
    landing: /\/rounds$/,
    heading: "巡视巡察轮次",
    nav: ["轮次", "台账", "审核", "申诉", "催报", "督办", "回头看", "共性问题", "信访线索", "报告", "驾驶舱", "日志", "单位与用户"],
    header: "陈整改",
  },
  { username: "jiaoyu", landing: /\/my-tasks$/, heading: "我的任务", nav: ["我的任务", "督办", "申诉"], header: "林教育" },
  { username: "leader", landing: /\/dashboard$/, heading: "驾驶舱", nav: ["驾驶舱", "通报", "督办", "共性问题", "信访线索"], header: "王领导" },
  // 纪检监察: the register of clues and petitions, nothing of the plan.
  { username: "jijian", landing: /\/clues$/, heading: "信访件与问题线索", nav: ["信访件与问题线索"], header: "周纪检" },
];

for (const role of ROLES) {
  test(`${role.username} 登录后看到本角色的导航和首页`, async ({ page }) => {
    await signInAs(page, role.username);
    await expect(page).toHaveURL(role.landing);
    await expect(page.getByRole("heading", { level: 1, name: role.heading })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(role.header);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link")).toHaveText(role.nav);
  });
}

test("整改办首页列出演示轮次及其数字", async ({ page }) => {
  await signInAs(page, "office");
  const row = page.getByRole("row", { name: /省委第二巡视组巡视宝安区反馈意见整改/ });
  await expect(row).toContainText("共 17");
  await expect(row).toContainText("共 68");
});

test("领导的驾驶舱显示演示轮次的问题与措施总数", async ({ page }) => {
  await signInAs(page, "leader");
  // Other specs add rounds; the demo round is the first one.
  const demo = readDb((db) => db.prepare("select min(id) from rounds").pluck().get());
  await page.goto(`/dashboard?round=${demo}`);
  await expect(page.locator('[data-figure="问题总数"]')).toHaveText(/^17/);
  await expect(page.locator('[data-figure="措施总数"], [data-figure="整改措施总数"]').first()).toHaveText(/^68/);
});

test("责任单位的我的任务只列本单位事项并按紧急程度分组", async ({ page }) => {
  await signInAs(page, "jiaoyu");
  await expect(page.getByRole("heading", { name: /^逾期|^临期|^待审核/ }).first()).toBeVisible();
  await expect(page.getByText(/区教育局牵头或参与的整改措施,共 \d+ 项/)).toBeVisible();
});

test("密码错误给出明确提示且不登录", async ({ page, signInPage, context }) => {
  await signInPage.signIn("office", "wrong-password-1");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await context.cookies()).some((c) => c.name.includes("session_token"))).toBe(false);
  // The username is kept, the password is not.
  await expect(page.getByLabel("用户名")).toHaveValue("office");
  await expect(page.getByLabel("密码")).toHaveValue("");
});

test("未知用户与错误密码提示相同,无法探测账号", async ({ page, signInPage }) => {
  await signInPage.signIn("no-such-user", DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误");
});

test("空表单在字段旁给出错误", async ({ page, signInPage }) => {
  await signInPage.goto();
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#username-error")).toHaveText("请输入用户名");
  await expect(page.locator("#password-error")).toHaveText("请输入密码");
});

test("会话 Cookie 为 httpOnly,退出后无法再访问", async ({ page, context, signInPage }) => {
  await signInAs(page, "office");
  const cookie = (await context.cookies()).find((c) => c.name.includes("session_token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  await signInPage.signOut();
  await page.goto("/rounds");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("未登录访问页面跳转登录,访问 API 得到 401", async ({ page, request }) => {
  await page.goto("/ledger");
  await expect(page).toHaveURL(/\/sign-in$/);
  const response = await request.get("/api/v1/units");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.message).toBe("请先登录");
});
