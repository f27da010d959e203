import { chromium } from "@playwright/test";

// Pages need a signed-in session, and sign-in is a server action (better-auth's own HTTP
// endpoint is deliberately not mounted): so the bench signs in the way a person does, in
// Debian's Chromium, and reuses the session cookie for the load.
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 30_000 });
    const cookies = await page.context().cookies();
    if (!cookies.some((c) => c.name.includes("session_token"))) throw new Error(`sign-in as ${username} set no session cookie`);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
