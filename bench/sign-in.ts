import { launchBrowser, signedInContext } from "./browser";

// Pages need a signed-in session, and sign-in is a server action (better-auth's own HTTP
// endpoint is deliberately not mounted): so the bench signs in the way a person does, in
// Debian's Chromium, and reuses the session cookie for the load.
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const browser = await launchBrowser();
  try {
    const context = await signedInContext(browser, baseUrl, username, password);
    return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
