import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { dumpTables } from "@/testing/table-dump";

// From an empty database to an organisation: first-run setup, accounts from the command
// line, and the organisation import, on a real (temp) database file as the server uses it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-going-live-"));
process.env.DATABASE_PATH = path.join(dir, "rectify.db");
const { db } = await import("@/db");
const { announceSetupIfNeeded, createFirstAdministrator, needsSetup } = await import("@/server/setup");
const { createAccountFromCommandLine } = await import("@/server/accounts");
const { importOrgFile, previewOrgFile } = await import("@/server/org-import");
const { verifyStoredPassword } = await import("@/server/password-hash");
const { getPasswordHash } = await import("@/db/queries/users");

const sqlite = (db as DB & { $client: Database.Database }).$client;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const setupCodeFile = path.join(dir, "setup-code");
const setupCode = () => (JSON.parse(fs.readFileSync(setupCodeFile, "utf8")) as { code: string }).code;
const count = (table: string) => sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
const dump = () => dumpTables(sqlite);
const admin = (setupCodeValue: string) => ({
  setupCode: setupCodeValue,
  unitName: "区委巡察整改办",
  name: "王敏",
  username: "wangmin",
  password: "Setup2026ab",
  confirmPassword: "Setup2026ab",
});

describe("first-run setup", () => {
  it("prints a setup code while there is no account, and keeps it across restarts", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    announceSetupIfNeeded();
    const code = setupCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(log.mock.calls.flat().join("\n")).toContain(`设置代码:${code}`);
    announceSetupIfNeeded();
    expect(setupCode()).toBe(code);
    expect(fs.statSync(setupCodeFile).mode & 0o777).toBe(0o600);
    log.mockRestore();
  });

  it("refuses a wrong code and writes nothing; ten wrong codes replace it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const before = dump();
    const first = setupCode();
    await expect(createFirstAdministrator(admin("AAAA-AAAA"))).rejects.toThrow("设置代码不正确");
    expect(dump()).toBe(before);
    for (let i = 1; i < 10; i++) await expect(createFirstAdministrator(admin("AAAA-AAAA"))).rejects.toThrow("设置代码不正确");
    expect(setupCode()).not.toBe(first);
    expect(log.mock.calls.flat().join("\n")).toContain("设置代码已被输错 10 次,已更换");
    expect(dump()).toBe(before);
    log.mockRestore();
  });

  it("creates the office's unit and its administrator with the right code, once", async () => {
    await createFirstAdministrator(admin(setupCode()));
    expect(needsSetup()).toBe(false);
    expect(fs.existsSync(setupCodeFile)).toBe(false);
    const user = sqlite.prepare("select u.role, u.is_admin, u.must_change_password, n.name unit from users u join units n on n.id = u.unit_id").get();
    expect(user).toEqual({ role: "office", is_admin: 1, must_change_password: 0, unit: "区委巡察整改办" });
    const actions = sqlite.prepare("select action from audit_log order by id").pluck().all();
    expect(actions).toEqual(["unit.create", "user.create", "system.setup"]);
    await expect(createFirstAdministrator(admin("ABCD-EFGH"))).rejects.toThrow("首次设置已经完成");
  });
});

describe("accounts from the command line", () => {
  it("generates a one-time password that must be changed, or takes the operator's", async () => {
    const generated = await createAccountFromCommandLine({ username: "zhao", name: "赵丽", role: "leader", unit: "区委巡察整改办", isAdmin: false });
    expect(generated.password).toMatch(/^(?=.*[a-zA-Z])(?=.*\d)[a-zA-Z\d]{12}$/);
    const id = sqlite.prepare("select id from users where username = 'zhao'").pluck().get() as string;
    expect(await verifyStoredPassword({ hash: getPasswordHash(db, { userId: id })!, password: generated.password })).toBe(true);
    expect(sqlite.prepare("select must_change_password from users where id = ?").pluck().get(id)).toBe(1);

    const chosen = await createAccountFromCommandLine({ username: "qian", name: "钱七", role: "office", unit: "区委巡察整改办", isAdmin: false, password: "Chosen2026ab" });
    expect(chosen.password).toBe("Chosen2026ab");
    expect(sqlite.prepare("select must_change_password from users where username = 'qian'").pluck().get()).toBe(0);
  });

  it("refuses a missing unit, a taken username, and --unit left out when an administrator exists", async () => {
    const before = dump();
    await expect(createAccountFromCommandLine({ username: "sun", name: "孙", role: "unit", unit: "不存在的局", isAdmin: false })).rejects.toThrow("未找到单位“不存在的局”");
    await expect(createAccountFromCommandLine({ username: "zhao", name: "赵", role: "unit", unit: "区委巡察整改办", isAdmin: false })).rejects.toThrow("已被使用");
    await expect(createAccountFromCommandLine({ username: "sun", name: "孙", role: "office", isAdmin: true })).rejects.toThrow("请用 --unit 指定所属单位");
    await expect(createAccountFromCommandLine({ username: "sun", name: "孙", role: "unit", unit: "区委巡察整改办", isAdmin: true })).rejects.toThrow("--admin 只能用于整改办账号");
    expect(dump()).toBe(before);
  });
});

const ORG_ROWS = [
  "单位名称,上级单位,单位类别,用户名,姓名,角色,手机,管理员",
  "某区委,,党委部门,,,,,",
  "区委巡察整改办,某区委,党委部门,,,,,",
  "区教育局,某区委,政府部门,jyj,李强,责任单位,13800000002,",
  "区教育局,,,jyj2,赵丽,责任单位,,",
  ",,,,,,,",
  "区实验学校,区教育局,其他,syxx,陈刚,责任单位,,",
  "区委,,党委部门,ld,张书记,领导,,",
];

async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

describe("the organisation import", () => {
  const gbkFile = iconv.encode(`${ORG_ROWS.join("\r\n")}\r\n`, "gbk");

  it("previews a GBK csv: units to create, accounts, the office's existing unit matched", async () => {
    const plan = await previewOrgFile({ data: gbkFile, fileName: "组织机构.csv" });
    expect(plan.errors).toEqual([]);
    expect(plan.units.map((u) => u.name)).toEqual(["某区委", "区教育局", "区实验学校", "区委"]);
    expect(plan.existingUnits).toEqual(["区委巡察整改办"]);
    expect(plan.accounts.map((a) => a.username)).toEqual(["jyj", "jyj2", "syxx", "ld"]);
  });

  it("imports it whole, with one-time passwords that sign in only as long as they are not changed", async () => {
    const auditBefore = count("audit_log");
    const result = await importOrgFile({ data: gbkFile, fileName: "组织机构.csv", actorId: null, now: new Date("2026-12-06T10:00:00Z"), signInUrl: "https://zgt.example.gov.cn/sign-in" });
    expect({ units: result.units, users: result.users }).toEqual({ units: 4, users: 4 });
    const tree = sqlite.prepare("select u.name, p.name parent from units u left join units p on p.id = u.parent_id order by u.id").all();
    expect(tree).toEqual([
      { name: "区委巡察整改办", parent: null },
      { name: "某区委", parent: null },
      { name: "区教育局", parent: "某区委" },
      { name: "区实验学校", parent: "区教育局" },
      { name: "区委", parent: null },
    ]);
    // One audit row per unit and account, and one for the import, in the same transaction.
    expect(count("audit_log") - auditBefore).toBe(4 + 4 + 1);

    const rows = await sheetRows(result.distributionSheet);
    expect(rows[0]![0]).toBe("整改通账号分发单");
    expect(rows[1]![0]).toContain("https://zgt.example.gov.cn/sign-in");
    expect(rows[2]).toEqual(["单位", "姓名", "用户名", "一次性密码", "角色", "签收"]);
    const slips = rows.slice(3);
    expect(slips.map((r) => r[2]).sort()).toEqual(["jyj", "jyj2", "ld", "syxx"]);
    for (const [, , username, password] of slips) {
      const user = sqlite.prepare("select id, must_change_password from users where username = ?").get(username) as { id: string; must_change_password: number };
      expect(user.must_change_password).toBe(1);
      const hash = getPasswordHash(db, { userId: user.id })!;
      expect(hash).not.toContain(password!);
      expect(await verifyStoredPassword({ hash, password: password! })).toBe(true);
      expect(await verifyStoredPassword({ hash, password: `${password}x` })).toBe(false);
    }
    expect(sqlite.prepare("select phone from users where username = 'jyj'").pluck().get()).toBe("13800000002");
  });

  it("says so when the same file comes again, and writes nothing", async () => {
    const before = dump();
    await expect(importOrgFile({ data: gbkFile, fileName: "组织机构.csv", actorId: null, now: new Date(), signInUrl: "x" })).rejects.toThrow("都已存在");
    expect(dump()).toBe(before);
  });

  it("refuses a file with a bad row whole, naming the row and the column", async () => {
    const before = dump();
    const file = Buffer.from(["单位名称,上级单位,用户名,姓名,角色", "区新单位,某区委,xin1,新人,责任单位", "区另一单位,查无此单位,xin2,另一人,科员"].join("\n"));
    await expect(importOrgFile({ data: file, fileName: "org.csv", actorId: null, now: new Date(), signInUrl: "x" })).rejects.toThrow(
      "文件有 2 处错误,未导入:第 3 行“角色”:角色“科员”无法识别,应为:整改办、责任单位、领导、上级督导、纪检监察;第 3 行“上级单位”:上级单位“查无此单位”不存在",
    );
    expect(dump()).toBe(before);
  });
});
