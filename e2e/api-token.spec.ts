import { request as playwrightRequest } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";

// Another system (a provincial platform) reads the figures with a token an admin issued.
test("管理员签发 API 令牌,外部系统凭令牌读取汇总;撤销后被拒绝", async ({ page, baseURL }) => {
  await signInAs(page, "office");
  await page.goto("/admin/tokens");
  const form = page.getByRole("form", { name: "签发 API 令牌" });
  const purpose = `省平台对接${Date.now().toString(36)}`;
  await form.getByLabel("令牌用途").fill(purpose);
  await form.getByLabel("代表的账号").selectOption({ label: "王领导(leader · 领导)" });
  await form.getByRole("button", { name: "签发令牌" }).click();
  const message = await page.getByRole("main").getByRole("status").textContent();
  const token = /rt_[\w-]+/.exec(message ?? "")?.[0];
  expect(token).toBeTruthy();
  // Only the hash is stored.
  expect(readDb((db) => db.prepare("select count(*) n from api_tokens where token_hash = ?").get(token))).toEqual({ n: 0 });

  const external = await playwrightRequest.newContext({ baseURL });
  const auth = { authorization: `Bearer ${token}` };
  const rounds = await external.get("/api/v1/rounds", { headers: auth });
  expect(rounds.status()).toBe(200);
  const demo = (await rounds.json()).rounds.find((r: { name: string }) => r.name === "省委第二巡视组巡视宝安区反馈意见整改");
  const summary = await external.get(`/api/v1/rounds/${demo.id}/summary`, { headers: auth });
  expect((await summary.json()).problems.total).toBe(17);
  // The token acts as a leader: reading yes, writing no.
  const write = await external.post("/api/v1/units", { headers: auth, data: { name: "令牌新建单位", kind: "other", parentId: null } });
  expect(write.status()).toBe(403);
  expect((await external.get("/api/v1/rounds", { headers: { authorization: "Bearer rt_forged" } })).status()).toBe(401);

  const row = page.getByRole("row", { name: new RegExp(purpose) });
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `撤销 ${purpose}` }).click();
  await expect(row).toContainText("已撤销");
  const revoked = await external.get("/api/v1/rounds", { headers: auth });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.message).toBe("API 令牌无效或已撤销");
  await external.dispose();
});

test("责任单位不能通过 API 读取轮次列表", async ({ page }) => {
  await signInAs(page, "jiaoyu");
  const response = await page.request.get("/api/v1/rounds");
  expect(response.status()).toBe(403);
});
