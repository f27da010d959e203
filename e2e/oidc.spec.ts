import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { e2eDatabasePath, expect, readDb, test } from "./fixtures";

// Unified identity (统一身份认证, issue 13) against a real OpenID Connect provider:
// testing/oidc-test-provider.mjs (panva's oidc-provider), which playwright.config.ts starts
// next to the app. Its development login page signs in any login name; the identity's
// preferred_username is that name. Every test walks the real redirects in the browser.

const ISSUER = process.env.E2E_OIDC_ISSUER!;

/** From our sign-in page to the provider's login page, signed in there as `login`. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "使用统一身份认证登录" }).click();
  await expect(page).toHaveURL(new RegExp(`^${ISSUER}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

// Other specs create accounts on the shared server meanwhile: count only what this identity
// could have produced (an account under its name, a link from the provider to anyone).
const traces = (name: string) =>
  readDb((db) =>
    db
      .prepare("select (select count(*) from users where username = @n or name = @n or email like @like) + (select count(*) from accounts where provider_id = 'oidc' and account_id = @n)")
      .pluck()
      .get({ n: name, like: `%${name}%` }) as number,
  );
const userId = (username: string) => readDb((db) => db.prepare("select id from users where username = ?").pluck().get(username) as string);
const auditRows = (action: string, since: number) =>
  readDb((db) =>
    db.prepare("select actor_id as actorId, entity, entity_id as entityId, after from audit_log where action = ? and id > ? order by id").all(action, since),
  ) as { actorId: string | null; entity: string; entityId: string; after: string }[];
const lastAuditId = () => readDb((db) => db.prepare("select coalesce(max(id), 0) from audit_log").pluck().get() as number);

test("统一身份认证按用户名对应到已有账号,登录后看到本单位的任务", async ({ page, context }) => {
  const since = lastAuditId();
  const accountsNamedJiaoyu = readDb((db) => db.prepare("select count(*) from users where username = 'jiaoyu' or name = 'jiaoyu'").pluck().get());
  await signInAtProvider(page, "jiaoyu");
  await expect(page).toHaveURL(/\/my-tasks$/);
  await expect(page.getByRole("heading", { level: 1, name: "我的任务" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("林教育");
  const session = (await context.cookies()).find((c) => c.name.includes("session_token"));
  expect(session?.httpOnly).toBe(true);

  // Other specs sign in as jiaoyu with a password meanwhile; those rows carry no source.
  const signIns = auditRows("user.sign_in", since).filter((row) => row.actorId === userId("jiaoyu") && row.after !== null);
  expect(signIns).toHaveLength(1);
  expect(JSON.parse(signIns[0]!.after)).toMatchObject({ source: "统一身份认证", identity: "jiaoyu" });
  expect(readDb((db) => db.prepare("select count(*) from users where username = 'jiaoyu' or name = 'jiaoyu'").pluck().get())).toBe(accountsNamedJiaoyu);

  // Signing out ends the app's session like any other.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("用户名不对应时按手机号对应到已有账号", async ({ page }) => {
  // The organisation file gives accounts their mobile numbers; the demo has none, so the
  // test gives 新安街道's account the number the provider holds for "wang.xinan".
  const db = new Database(e2eDatabasePath());
  try {
    db.prepare("update users set phone = '13900000002' where username = 'xinan'").run();
  } finally {
    db.close();
  }
  await signInAtProvider(page, "wang.xinan");
  await expect(page).toHaveURL(/\/my-tasks$/);
  await expect(page.getByRole("banner")).toContainText("黄新安");
  await expect(page.getByText(/新安街道牵头或参与的整改措施/)).toBeVisible();
});

test("未开通的统一身份认证账号得到明确的中文提示,不新建账号", async ({ page, context }) => {
  const since = lastAuditId();
  expect(traces("zhangsan")).toBe(0);
  await signInAtProvider(page, "zhangsan");
  await expect(page).toHaveURL(/\/sign-in\?oidc=unknown$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("统一身份认证账号“zhangsan”未在整改通开通,请联系整改办管理员");
  expect((await context.cookies()).some((c) => c.name.includes("session_token"))).toBe(false);
  expect(traces("zhangsan")).toBe(0);
  const refused = auditRows("identity.sign_in_refused", since).filter((row) => row.entityId === "zhangsan");
  expect(refused).toHaveLength(1);
  expect(refused[0]).toMatchObject({ actorId: null, entity: "identity" });

  // Password sign-in is still on in this deployment.
  await expect(page.getByLabel("用户名")).toBeVisible();
  // Still signed out: the app's pages send the visitor back.
  await page.goto("/my-tasks");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("在认证服务上取消登录,回到登录页并说明", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "使用统一身份认证登录" }).click();
  await expect(page).toHaveURL(new RegExp(`^${ISSUER}/interaction/`));
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page).toHaveURL(/\/sign-in\?oidc=cancelled$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("已取消统一身份认证登录");
});

test("伪造或重放的回调不能登录", async ({ page, context }) => {
  // No state of ours: better-auth refuses before talking to the provider.
  await page.goto("/api/auth/callback/oidc?code=forged&state=forged");
  await expect(page).toHaveURL(/\/sign-in\?oidc=failed$/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("统一身份认证登录未成功");
  expect((await context.cookies()).some((c) => c.name.includes("session_token"))).toBe(false);
});

test("better-auth 的其他端点不可访问:不能注册、不能绕过登录限制", async ({ request }) => {
  const json = { headers: { "content-type": "application/json", origin: new URL(ISSUER).origin } };
  const writes = [
    ["/api/auth/sign-up/email", { email: "x@example.com", password: "Password2026", name: "x", username: "intruder" }],
    ["/api/auth/sign-in/username", { username: "office", password: "wrong-password" }],
    ["/api/auth/sign-in/social", { provider: "oidc", callbackURL: "/" }],
    ["/api/auth/callback/oidc", {}],
    ["/api/auth/change-password", { currentPassword: "x", newPassword: "y" }],
  ] as const;
  for (const [path, data] of writes) {
    const response = await request.post(path, { ...json, data });
    expect([404, 405], `POST ${path}`).toContain(response.status());
  }
  for (const path of ["/api/auth/get-session", "/api/auth/ok", "/api/auth/list-accounts", "/api/auth/callback/github", "/api/auth/error"]) {
    const response = await request.get(path);
    expect(response.status(), `GET ${path}`).toBe(404);
  }
  expect(traces("intruder")).toBe(0);
  expect(traces("x@example.com")).toBe(0);
});
