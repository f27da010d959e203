import { API_ACCESS, PUBLIC_ACCESS, ROLES, ROLE_LABELS, type ApiAccessRow, type PublicAccessRow, type Role } from "../testing/access-table";
import { expect, test } from "./fixtures";
import { CJK, HardeningWorld, requestFiles, type AuthMode } from "./support/hardening-world";

// Issue 6, access matrix over real HTTP: every route of testing/access-table.ts × each
// role × a browser session's cookie and an API token. Allowed → the success status, and a
// write changes the database; refused → 401/403/404 with a Chinese message and the database
// unchanged. A unit's user never receives anything of another unit, nor a reviewer anything
// of a round it does not review, whatever the answer.
test.describe.configure({ mode: "default" });

let world: HardeningWorld;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // Claims use up open measures (3 rows × 2 modes × 2 office roles, +1 shared), look-backs
  // completed ones (2 rows × 4, +2), imports empty rounds (1 row × 4, +1).
  world = await HardeningWorld.create(browser, baseURL!, { roles: ROLES, tokens: true, open: 16, completed: 12, emptyRounds: 5 });
});
test.afterAll(async () => world?.dispose());

async function cell(row: ApiAccessRow, mode: AuthMode, role: Role) {
  const verdict = row.access[role];
  const label = `${mode} · ${ROLE_LABELS[role]}`;
  const targets = { ...world.shared, unique: world.unique() };
  if (verdict === "allowed" && row.consumes) targets[row.consumes] = await world.fresh(row.consumes);
  const scope = { notificationsOf: row.scope === "ownNotifications" ? world.userId(role) : undefined };
  const before = world.fingerprint(scope);

  const response = await world.send(role, mode, row.method, row.request(targets, requestFiles(targets.unique)));
  const body = (await response.body()).toString("utf8");
  const changed = world.fingerprint(scope) !== before;

  if (verdict === "allowed") {
    expect.soft(response.status(), `${label}: ${body.slice(0, 200)}`).toBe(row.ok ?? 200);
    const writes = row.method !== "GET" && !row.readOnly;
    expect.soft(changed, `${label}: ${writes ? "允许的写入应改变数据库" : "读取不应改变数据库"}`).toBe(writes);
  } else {
    expect.soft(response.status(), `${label}: ${body.slice(0, 200)}`).toBe(verdict);
    const message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? "";
    expect.soft(message, `${label}: 中文提示`).toMatch(CJK);
    expect.soft(changed, `${label}: 被拒绝的请求不应改变数据库`).toBe(false);
  }
  const leaked = world.forbiddenFor(role).filter((text) => body.includes(text));
  expect.soft(leaked, `${label}: 响应中不得出现无权查看的数据(其他单位的,或未审核的轮次的)`).toEqual([]);
}

for (const row of API_ACCESS) {
  test(`${row.method} /api/v1/${row.route}`, async () => {
    for (const mode of ["cookie", "bearer"] as const) {
      for (const role of ROLES) await cell(row, mode, role);
    }
  });
}

/**
 * A public route: every caller, signed in or not, answers the run's survey once from its
 * own device (the cookie the survey page hands out) and gets the survey's answer alone.
 */
async function publicCell(row: PublicAccessRow, mode: "cookie" | "bearer", role: Role) {
  const label = `${mode} · ${ROLE_LABELS[role]}`;
  const targets = { ...world.shared, unique: world.unique() };
  const opened = await world.as(role, mode).get(row.opens(targets));
  expect.soft(opened.status(), `${label}: 打开问卷页`).toBe(200);
  const before = world.fingerprint();
  const response = await world.send(role, mode, row.method, row.request(targets));
  const body = (await response.body()).toString("utf8");
  const allowed = row.access[role] === "allowed";
  expect.soft(response.status(), `${label}: ${body.slice(0, 200)}`).toBe(allowed ? row.ok : row.access[role]);
  expect.soft(world.fingerprint() !== before, `${label}: ${allowed ? "答卷应写入数据库" : "被拒绝的请求不应改变数据库"}`).toBe(allowed);
  if (allowed) expect.soft(Object.keys(JSON.parse(body) as object), `${label}: 只回答提交的结果`).toEqual(["message"]);
}

for (const row of PUBLIC_ACCESS) {
  test(`${row.method} /${row.route}(公开)`, async () => {
    for (const mode of ["cookie", "bearer"] as const) {
      for (const role of ROLES) await publicCell(row, mode, role);
    }
  });
}

test("服务在整个矩阵之后仍然正常", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
});
