import { defineConfig, devices } from "@playwright/test";
import { EMPTY_DATABASE_PATH, emptyServerPort } from "./e2e/support/empty-server";

// The browser tests run on a frozen "today" (server, seed and the specs' own expectations
// alike), so overdue / due-soon items are the same on any day the suite runs.
process.env.RECTIFY_TODAY ??= "2026-11-20";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const EMPTY_PORT = emptyServerPort(PORT);
// The OpenID Connect provider for unified identity (e2e/oidc.spec.ts): a real one,
// testing/oidc-test-provider.mjs, started next to the app.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 1);
process.env.E2E_OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;

// Debian's Chromium: Playwright cannot download its own browser here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "node testing/oidc-test-provider.mjs",
      url: `${process.env.E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      env: { OIDC_TEST_PORT: String(OIDC_PORT), OIDC_TEST_APP_URL: baseURL },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "bash scripts/e2e-server.sh",
      url: `${baseURL}/api/health`,
      env: {
        PORT: String(PORT),
        BETTER_AUTH_URL: baseURL,
        RECTIFY_TODAY: process.env.RECTIFY_TODAY,
        // Small limits so the oversize-upload test needs no huge file.
        RECTIFY_MAX_FILE_MB: "2",
        RECTIFY_MAX_REPORT_MB: "5",
        // Unified identity is on, password sign-in stays on (every other spec signs in so).
        RECTIFY_OIDC_ISSUER: process.env.E2E_OIDC_ISSUER,
        RECTIFY_OIDC_CLIENT_ID: "rectify",
        RECTIFY_OIDC_CLIENT_SECRET: "rectify-test-secret",
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "bash scripts/e2e-server.sh",
      url: `http://localhost:${EMPTY_PORT}/api/health`,
      env: {
        PORT: String(EMPTY_PORT),
        BETTER_AUTH_URL: `http://localhost:${EMPTY_PORT}`,
        RECTIFY_TODAY: process.env.RECTIFY_TODAY,
        RECTIFY_DEMO: "off",
        RECTIFY_REMINDERS: "off",
        DATABASE_PATH: EMPTY_DATABASE_PATH,
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
