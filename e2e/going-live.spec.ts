import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { expect, test, type Page } from "@playwright/test";
import { RoundPages } from "./pages/round-pages";
import { SignInPage } from "./pages/sign-in-page";
import { EMPTY_DATABASE_PATH, EMPTY_SERVER_LOG, emptyServerPort } from "./support/empty-server";
import { baoanLedgerRows, csvText, expectedCounts, gbkCsv } from "./support/ledger-files";

// Going live (issue 13): from an empty database to an organisation with a ledger, once by
// the command line and once in the browser against the second e2e server, which started
// with the demo off. Its first-run setup can happen once, so the browser tests run in order.
test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://localhost:${emptyServerPort(Number(process.env.E2E_PORT ?? 3100))}` });

const rows = baoanLedgerRows();
const expected = expectedCounts(rows);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "going-live-"));
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Three levels below the top: 区委 → 区教育局 → 区实验学校, with the leader under 区委. */
const ORG_HEADER = ["单位名称", "上级单位", "单位类别", "用户名", "姓名", "角色", "手机"];
const ORG_ROWS = [
  ["中共深圳市宝安区委员会", "", "党委部门", "", "", "", ""],
  ["区教育局", "中共深圳市宝安区委员会", "政府部门", "jyj", "李强", "责任单位", "13800000011"],
  ["区教育局", "", "", "jyj2", "赵丽", "责任单位", ""],
  ["区实验学校", "区教育局", "其他", "syxx", "陈刚", "责任单位", ""],
  ["区委办公室", "中共深圳市宝安区委员会", "党委部门", "ldr", "张书记", "领导", ""],
];
const BAD_ORG_ROWS = [
  ["区卫健局", "区政府", "政府部门", "wjj", "孙", "责任单位", ""],
  ["区卫健局", "", "", "wjj2", "钱", "科员", "123"],
];

function counts(file: string): { units: number; users: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select (select count(*) from units) units, (select count(*) from users) users").get() as { units: number; users: number };
  } finally {
    db.close();
  }
}

function writeFile(name: string, content: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

test("命令行:空库导入台账,创建管理员,导入三级组织机构和台账,汇总与文件一致;坏文件按行列报错且不写入", () => {
  const database = path.join(tmp, "cli", "rectify.db");
  fs.mkdirSync(path.dirname(database));
  const env = { ...process.env, DATABASE_PATH: database, RECTIFY_DEMO: "off" };
  const run = (args: string[]) => spawnSync("npm", ["run", "-s", "cli", "--", ...args], { env, encoding: "utf8" });
  const cli = (args: string[]) => JSON.parse(execFileSync("npm", ["run", "-s", "cli", "--", ...args], { env, encoding: "utf8" }).trim()) as Record<string, unknown>;
  const ledger = writeFile("台账.csv", csvText(rows.map((r) => r.cells)));

  // Before any account exists: the import is the command line's own.
  const first = cli(["import", ledger, "--round", "空库导入的轮次"]);
  expect(first).toMatchObject({ problems: expected.problems.total, measures: expected.measures.total });
  const db = new Database(database, { readonly: true });
  expect(db.prepare("select actor_id from audit_log where action = 'round.import'").pluck().all()).toEqual([null]);
  expect(db.prepare("select count(*) from progress_reports where author_id is null").pluck().get()).toBe(expected.measures.total);
  db.close();

  const admin = cli(["user", "create", "admin", "--name", "王敏", "--role", "office", "--admin"]);
  expect(admin).toEqual({ username: "admin", password: expect.stringMatching(/^[a-zA-Z0-9]{12}$/) });

  const before = counts(database);
  const bad = run(["import-org", writeFile("坏的组织机构.csv", csvText(BAD_ORG_ROWS, ORG_HEADER)), "--out", path.join(tmp, "不应生成.xlsx")]);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain("第 2 行“上级单位”:上级单位“区政府”不存在");
  expect(bad.stderr).toContain("第 3 行“角色”:角色“科员”无法识别");
  expect(bad.stderr).toContain("第 3 行“手机”:手机号“123”无效");
  expect(counts(database)).toEqual(before);
  expect(fs.existsSync(path.join(tmp, "不应生成.xlsx"))).toBe(false);

  // The first ledger created the units it named; the organisation file matches those by name.
  const known = new Database(database, { readonly: true });
  const orgUnits = [...new Set(ORG_ROWS.map((r) => r[0]!))];
  const fresh = orgUnits.filter((name) => !known.prepare("select 1 from units where name = ?").get(name)).length;
  known.close();
  expect(fresh).toBeGreaterThan(0);
  expect(fresh).toBeLessThan(orgUnits.length);
  const sheet = path.join(tmp, "账号分发单.xlsx");
  const org = cli(["import-org", writeFile("组织机构.csv", iconv.encode(csvText(ORG_ROWS, ORG_HEADER), "gbk")), "--out", sheet]);
  expect(org).toEqual({ units: fresh, users: 4, passwordsFile: sheet });
  expect(fs.statSync(sheet).size).toBeGreaterThan(0);
  expect(counts(database)).toEqual({ units: before.units + fresh, users: before.users + 4 });

  const round = "区委巡察反馈意见整改(上线)";
  cli(["import", ledger, "--round", round]);
  const summary = cli(["summary", "--round", round]);
  expect(summary.problems).toEqual(expected.problems);
  expect(summary.measures).toEqual(expected.measures);
});

async function readSheet(file: string): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const passwords = new Map<string, string>();
  workbook.worksheets[0]!.eachRow((row, line) => {
    if (line > 3) passwords.set(String(row.getCell(3).value), String(row.getCell(4).value));
  });
  return passwords;
}

const ADMIN = { username: "wangmin", password: "Setup2026ab" };
let oneTimePasswords = new Map<string, string>();

async function signIn(page: Page, username: string, password: string) {
  await new SignInPage(page).signIn(username, password);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}

test("浏览器:首次设置须凭控制台打印的设置代码,完成后设置页不再存在", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("status")).toContainText("系统中还没有任何账号");
  await page.getByRole("link", { name: "首次设置" }).click();
  await expect(page.getByRole("heading", { name: "整改通 · 首次设置" })).toBeVisible();

  const form = {
    本单位名称: "区委巡察整改办",
    管理员姓名: "王敏",
    用户名: ADMIN.username,
    密码: ADMIN.password,
    确认密码: ADMIN.password,
  };
  await page.getByLabel("设置代码").fill("AAAA-AAAA");
  for (const [label, value] of Object.entries(form)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page.getByText("设置代码不正确,请核对服务启动时控制台打印的代码")).toBeVisible();
  expect(counts(EMPTY_DATABASE_PATH).users).toBe(0);

  const printed = [...fs.readFileSync(EMPTY_SERVER_LOG, "utf8").matchAll(/设置代码:([A-Z2-9]{4}-[A-Z2-9]{4})/g)].at(-1)?.[1];
  expect(printed, "服务启动时应在控制台打印设置代码").toBeTruthy();
  await page.getByLabel("设置代码").fill(printed!);
  for (const label of ["密码", "确认密码"]) await page.getByLabel(label, { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page).toHaveURL(/\/sign-in\?setup=done$/);
  await expect(page.getByRole("status")).toContainText("管理员账号已创建");

  expect((await page.goto("/setup"))?.status()).toBe(404);
  await signIn(page, ADMIN.username, ADMIN.password);
});

test("浏览器:组织机构文件有错时按行列出、不写入;正确的文件建立三级单位和账号,并下载账号分发单", async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto("/admin/units");
  const section = page.getByRole("region", { name: "导入组织机构与账号" });

  const before = counts(EMPTY_DATABASE_PATH);
  await section.getByLabel("组织机构文件").setInputFiles({ name: "坏的组织机构.csv", mimeType: "text/csv", buffer: Buffer.from(csvText(BAD_ORG_ROWS, ORG_HEADER)) });
  await section.getByRole("button", { name: "上传并预览" }).click();
  const errors = section.getByRole("table", { name: "文件中的错误" });
  await expect(errors.getByRole("row")).toHaveCount(1 + 3);
  await expect(errors.getByRole("row", { name: /2 上级单位 上级单位“区政府”不存在/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /3 角色 角色“科员”无法识别/ })).toBeVisible();
  await expect(section.getByRole("button", { name: "确认导入" })).toHaveCount(0);
  expect(counts(EMPTY_DATABASE_PATH)).toEqual(before);

  await section.getByLabel("组织机构文件").setInputFiles({ name: "组织机构.csv", mimeType: "text/csv", buffer: gbkCsv(ORG_ROWS, ORG_HEADER) });
  await section.getByRole("button", { name: "上传并预览" }).click();
  await expect(section.getByText("新建单位 4 个,新建账号 4 个")).toBeVisible();
  await expect(section.getByRole("table", { name: "将新建的账号" }).getByRole("row")).toHaveCount(1 + 4);
  page.once("dialog", (dialog) => void dialog.accept());
  const download = page.waitForEvent("download");
  await section.getByRole("button", { name: "确认导入" }).click();
  const file = path.join(tmp, "账号分发单-浏览器.xlsx");
  await (await download).saveAs(file);
  await expect(section.getByRole("status")).toContainText("已导入:新建单位 4 个,新建账号 4 个");
  oneTimePasswords = await readSheet(file);
  expect([...oneTimePasswords.keys()].sort()).toEqual(["jyj", "jyj2", "ldr", "syxx"]);
  expect(counts(EMPTY_DATABASE_PATH)).toEqual({ units: before.units + 4, users: before.users + 4 });
  const tree = page.getByRole("region", { name: "单位树" });
  await expect(tree.getByText("区实验学校")).toBeVisible();
});

test("浏览器:导入台账后四清单的汇总与文件一致", async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const rounds = new RoundPages(page);
  const roundId = await rounds.createRound("区委巡察反馈意见整改(浏览器上线)");
  await rounds.previewImport(roundId, { name: "台账.csv", mimeType: "text/csv", buffer: gbkCsv(rows.map((r) => r.cells)) });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/problems$`));
  const summary = (await (await page.request.get(`/api/v1/rounds/${roundId}/summary`)).json()) as { problems: unknown; measures: unknown };
  expect(summary.problems).toEqual(expected.problems);
  expect(summary.measures).toEqual(expected.measures);
});

test("浏览器:一次性密码首次登录只能先修改密码,改后才能使用,旧密码失效", async ({ page }) => {
  const oneTime = oneTimePasswords.get("jyj")!;
  await signIn(page, "jyj", oneTime);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("status")).toContainText("您正在使用整改办分发的一次性密码");
  await page.goto("/my-tasks");
  await expect(page).toHaveURL(/\/account\/password$/);
  const api = await page.request.get("/api/v1/my/measures");
  expect(api.status()).toBe(403);

  await page.getByLabel("当前密码").fill(oneTime);
  await page.getByLabel("新密码", { exact: true }).fill("Mine2026abc");
  await page.getByLabel("确认新密码").fill("Mine2026abc");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/my-tasks/);
  // The ledger names 区教育局, the unit the organisation file created: matched by name.
  const own = rows.filter((r) => r.leadUnit === "区教育局" || r.cells[6]!.split("、").includes("区教育局")).length;
  expect(own).toBeGreaterThan(0);
  await expect(page.getByText(`区教育局牵头或参与的整改措施,共 ${own} 项`)).toBeVisible();

  await new SignInPage(page).signOut();
  await new SignInPage(page).signIn("jyj", oneTime);
  await expect(page.getByText("用户名或密码错误")).toBeVisible();
  await signIn(page, "jyj", "Mine2026abc");
  await expect(page).toHaveURL(/\/my-tasks/);
});
