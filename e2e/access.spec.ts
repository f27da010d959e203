import { expect, measuresOf, readDb, signInAs, test } from "./fixtures";

test.describe("责任单位只能看到本单位的事项", () => {
  test("打开其他单位整改措施的地址得到 404 且不泄露内容", async ({ page }) => {
    const { own, foreign } = measuresOf("区教育局");
    await signInAs(page, "jiaoyu");

    const response = await page.goto(`/measures/${foreign.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在或您无权查看" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(foreign.text.slice(0, 12));

    const ownResponse = await page.goto(`/measures/${own.id}`);
    expect(ownResponse?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(own.text);
  });

  test("通过 API 读取其他单位的整改措施同样得到 404", async ({ page }) => {
    const { own, foreign } = measuresOf("区教育局");
    await signInAs(page, "jiaoyu");
    const denied = await page.request.get(`/api/v1/measures/${foreign.id}`);
    expect(denied.status()).toBe(404);
    const body = await denied.text();
    expect(body).not.toContain(foreign.text.slice(0, 12));
    expect(JSON.parse(body).error.message).toBe("未找到该整改措施");

    const allowed = await page.request.get(`/api/v1/measures/${own.id}`);
    expect(allowed.status()).toBe(200);
    expect((await allowed.json()).measure.text).toBe(own.text);
  });

  test("单位列表 API 只返回本单位及下级单位", async ({ page }) => {
    await signInAs(page, "jiaoyu");
    const response = await page.request.get("/api/v1/units");
    const names = ((await response.json()).units as { name: string }[]).map((u) => u.name);
    expect(names).toEqual(["区教育局"]);
  });

  for (const path of ["/ledger", "/rounds", "/dashboard", "/admin/users"]) {
    test(`责任单位打开 ${path} 得到 403`, async ({ page }) => {
      await signInAs(page, "xinan");
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    });
  }
});

test.describe("领导只读", () => {
  test("领导能查看台账和任一整改措施,页面上没有可提交的表单", async ({ page }) => {
    const { foreign } = measuresOf("区教育局");
    await signInAs(page, "leader");
    await page.goto("/ledger");
    await expect(page.getByRole("table", { name: "整改台账" })).toBeVisible();
    await page.goto(`/measures/${foreign.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(foreign.text);
    await expect(page.getByRole("main").locator("form")).toHaveCount(0);
  });

  test("领导打开管理页面得到 403", async ({ page }) => {
    await signInAs(page, "leader");
    const response = await page.goto("/admin/units");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  });

  test("领导提交写入请求被拒绝,数据库不变", async ({ page, baseURL }) => {
    await signInAs(page, "leader");
    const before = readDb((db) => (db.prepare("select count(*) n from units").get() as { n: number }).n);
    const response = await page.request.post("/api/v1/units", {
      data: { name: "领导试图新建的单位", kind: "other", parentId: null },
      headers: { origin: baseURL! },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.message).toBe("您没有执行此操作的权限");
    const after = readDb((db) => (db.prepare("select count(*) n from units").get() as { n: number }).n);
    expect(after).toBe(before);
  });
});

test.describe("API 输入与来源校验", () => {
  test("跨站写请求被拒绝", async ({ page }) => {
    await signInAs(page, "office");
    const response = await page.request.post("/api/v1/units", {
      data: { name: "跨站新建的单位", kind: "other", parentId: null },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.message).toBe("请求来源不被信任,已拒绝");
  });

  test("非法输入得到中文字段错误,合法输入创建单位", async ({ page, baseURL }) => {
    await signInAs(page, "office");
    const headers = { origin: baseURL! };
    const bad = await page.request.post("/api/v1/units", { data: { name: "", kind: "castle", parentId: -1 }, headers });
    expect(bad.status()).toBe(422);
    const error = (await bad.json()).error;
    expect(error.fieldErrors.name).toEqual(["请输入单位名称"]);
    expect(error.fieldErrors.kind).toEqual(["请选择单位类型"]);

    const malformed = await page.request.post("/api/v1/units", {
      data: Buffer.from("{not json"),
      headers: { ...headers, "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(422);
    expect((await malformed.json()).error.message).toBe("请求体不是合法的 JSON");

    const name = `接口新建单位${Date.now()}`;
    const good = await page.request.post("/api/v1/units", { data: { name, kind: "government", parentId: null }, headers });
    expect(good.status()).toBe(200);
    expect((await good.json()).unit.name).toBe(name);
    const audit = readDb((db) =>
      db.prepare("select count(*) n from audit_log where action = 'unit.create' and after like ?").get(`%${name}%`),
    ) as { n: number };
    expect(audit.n).toBe(1);
  });
});

test("错误请求得到中文提示,不泄露堆栈", async ({ page, baseURL }) => {
  await signInAs(page, "jiaoyu");
  const notFound = await page.goto("/measures/not-a-number");
  expect(notFound?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在或您无权查看" })).toBeVisible();

  const api = await page.request.get("/api/v1/measures/99999999");
  expect(api.status()).toBe(404);
  const wrongType = await page.request.post("/api/v1/units", {
    data: "name=x",
    headers: { origin: baseURL!, "content-type": "application/x-www-form-urlencoded" },
  });
  // A unit user is refused before the body is even read.
  expect(wrongType.status()).toBe(403);
  for (const body of [await api.text(), await wrongType.text(), await page.content()]) {
    expect(body).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|SQLITE_|node_modules/);
  }
});
