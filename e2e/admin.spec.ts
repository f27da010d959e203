import type { Browser, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

// One story, in order: the office admin sets up a unit and its liaison, who signs in and
// changes their password; then the admin disables and re-enables the account and resets
// its password.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const unitName = `区政务服务数据管理局${suffix}`;
const username = `shuju_${suffix}`;
const firstPassword = "Start2026ab";
const ownPassword = "Mine2026cd";
const resetTo = "Reset2026ef";
const afterReset = "Again2026gh";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("整改办管理员新建单位和用户,字段错误显示在字段旁", async ({ page }) => {
  await signInAs(page, "office");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "单位与用户" }).click();
  await page.getByRole("navigation", { name: "单位与用户" }).getByRole("link", { name: "单位" }).click();

  const unitForm = page.getByRole("form", { name: "新建单位" });
  await unitForm.getByLabel("单位名称").fill(unitName);
  await unitForm.getByLabel("单位类型").selectOption({ label: "政府部门" });
  await unitForm.getByLabel("上级单位").selectOption({ label: "中共深圳市宝安区委员会" });
  await unitForm.getByRole("button", { name: "创建单位" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`已创建单位“${unitName}”`);
  await expect(page.getByRole("region", { name: "单位树" })).toContainText(unitName);

  // The same name again is refused with a clear message.
  await unitForm.getByLabel("单位名称").fill(unitName);
  await unitForm.getByRole("button", { name: "创建单位" }).click();
  await expect(unitForm.getByRole("alert").first()).toHaveText("已存在同名记录,请更换名称");

  await page.getByRole("navigation", { name: "单位与用户" }).getByRole("link", { name: "用户" }).click();
  const userForm = page.getByRole("form", { name: "新建用户" });
  await userForm.getByLabel("用户名").fill(username);
  await userForm.getByLabel("姓名").fill("赵数据");
  await userForm.getByLabel("角色").selectOption({ label: "责任单位" });
  await userForm.getByLabel("所属单位").selectOption({ label: unitName });
  await userForm.getByLabel("初始密码").fill("short");
  await userForm.getByRole("button", { name: "创建用户" }).click();
  await expect(userForm.getByLabel("初始密码")).toHaveAttribute("aria-invalid", "true");
  await expect(userForm.locator("#password-error")).toContainText("密码至少 8 位");
  // What was typed survives the error, except the password.
  await expect(userForm.getByLabel("用户名")).toHaveValue(username);
  expect(readDb((db) => db.prepare("select count(*) n from users where username = ?").get(username))).toEqual({ n: 0 });

  await userForm.getByLabel("初始密码").fill(firstPassword);
  await userForm.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`已创建责任单位账号“${username}”(赵数据)`);
  await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText(unitName);
});

test("新用户登录,看到空的任务列表,并修改自己的密码", async ({ browser }) => {
  const page = await newPage(browser);
  await signInAs(page, username, firstPassword);
  await expect(page).toHaveURL(/\/my-tasks$/);
  await expect(page.getByText("本单位暂无整改任务")).toBeVisible();

  await page.getByRole("link", { name: "修改密码" }).click();
  await page.getByLabel("当前密码").fill("not-my-password1");
  await page.getByLabel("新密码", { exact: true }).fill(ownPassword);
  await page.getByLabel("确认新密码").fill(ownPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#currentPassword-error")).toHaveText("当前密码不正确");

  await page.getByLabel("当前密码").fill(firstPassword);
  await page.getByLabel("新密码", { exact: true }).fill(ownPassword);
  await page.getByLabel("确认新密码").fill(ownPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("密码已修改,其他设备上的登录已退出。");

  await new SignInPage(page).signOut();
  await new SignInPage(page).signIn(username, firstPassword);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("用户名或密码错误");
  await signInAs(page, username, ownPassword);
  await page.context().close();
});

test("停用账号立即退出其登录且无法再登录;启用并重置密码后可用新密码登录", async ({ page, browser }) => {
  const userPage = await newPage(browser);
  await signInAs(userPage, username, ownPassword);

  await signInAs(page, "office");
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(username) });
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("确定停用账号");
    void dialog.accept();
  });
  await row.getByRole("button", { name: `停用 ${username}` }).click();
  await expect(row).toContainText("已停用");

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/sign-in$/);
  await new SignInPage(userPage).signIn(username, ownPassword);
  await expect(userPage.getByRole("main").getByRole("alert")).toHaveText("该账号已停用,请联系整改办管理员");

  await row.getByRole("button", { name: `启用 ${username}` }).click();
  await expect(row).toContainText("正常");
  await row.getByText("重置密码").click();
  await row.getByLabel(`${username} 的新密码`).fill(resetTo);
  await row.getByRole("button", { name: "确认重置" }).click();
  await expect(row.getByRole("status")).toHaveText("密码已重置,请将新密码告知本人;其下次登录时须先修改密码");

  // The admin knows the reset password, so the user must replace it before anything else.
  await signInAs(userPage, username, resetTo);
  await expect(userPage).toHaveURL(/\/account\/password$/);
  await userPage.goto("/my-tasks");
  await expect(userPage).toHaveURL(/\/account\/password$/);
  await userPage.getByLabel("当前密码").fill(resetTo);
  await userPage.getByLabel("新密码", { exact: true }).fill(afterReset);
  await userPage.getByLabel("确认新密码").fill(afterReset);
  await userPage.getByRole("button", { name: "修改密码" }).click();
  await expect(userPage).toHaveURL(/\/my-tasks$/);

  const actions = readDb((db) =>
    db
      .prepare(
        "select action from audit_log where entity = 'user' and entity_id = (select id from users where username = ?) and action not like 'user.sign_%' order by id",
      )
      .all(username)
      .map((r) => (r as { action: string }).action),
  );
  expect(actions).toEqual(["user.create", "user.change_password", "user.disable", "user.enable", "user.reset_password", "user.change_password"]);
});
