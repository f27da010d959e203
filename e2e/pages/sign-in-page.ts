import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-in");
    await expect(this.page.getByRole("heading", { name: "整改通" })).toBeVisible();
  }

  async signIn(username: string, password: string) {
    await this.goto();
    await this.page.getByLabel("用户名").fill(username);
    await this.page.getByLabel("密码").fill(password);
    await this.page.getByRole("button", { name: "登录" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "退出登录" }).click();
    await expect(this.page).toHaveURL(/\/sign-in$/);
  }
}
