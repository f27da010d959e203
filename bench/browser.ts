import { chromium, type Browser, type BrowserContext } from "@playwright/test";

// Debian's Chromium, started the way playwright.config.ts starts it for the e2e suite.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A new browser context signed in through the sign-in form, as a person signs in. */
export async function signedInContext(browser: Browser, baseUrl: string, username: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 30_000 });
  const cookies = await context.cookies();
  if (!cookies.some((c) => c.name.includes("session_token"))) throw new Error(`sign-in as ${username} set no session cookie`);
  await page.close();
  return context;
}
