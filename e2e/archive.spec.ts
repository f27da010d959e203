import fs from "node:fs";
import JSZip from "jszip";
import type { Browser, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 整改资料归档 (issue 19): on a round of its own — a ledger imported, progress reported with
// evidence, signed off, a 督办单 issued — the office archives the round, generates the
// package, watches it finish, downloads it, and finds each of those in the package's index;
// the page's own check says the downloaded package is complete. A unit user is refused.
test.describe.configure({ mode: "serial" });

let round = { id: 0, name: "", measures: 0 };
const EVIDENCE = `归档验收会议纪要${Date.now().toString(36)}.pdf`;
const REQUEST = "请于月底前报送归档前的整改材料";
let downloaded = "";

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

test.beforeAll(() => {
  round = importBaoanRound("归档测试");
});

test("整改办归档轮次、生成归档包并下载,目录列出佐证材料、督办单、通报与销号记录", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const headers = { origin: baseURL! };
  const measure = readDb((db) =>
    db.prepare("select m.id from measures m join units u on u.id = m.lead_unit_id where m.round_id = ? and u.name = '区教育局' and m.status != 'completed' order by m.id limit 1").pluck().get(round.id),
  ) as number;

  // The unit reports the measure done with its evidence; the office signs it off and issues a notice.
  const unit = await as(browser, "jiaoyu");
  const reported = await unit.request.post(`/api/v1/measures/${measure}/progress`, {
    headers,
    multipart: {
      reportDate: process.env.RECTIFY_TODAY!,
      text: "已完成整改并召开验收会",
      claimedStatus: "completed",
      files: { name: EVIDENCE, mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.4\n验收会议纪要"), Buffer.alloc(256, 0x20)]) },
    },
  });
  expect(reported.status(), await reported.text()).toBe(200);
  const claim = (await reported.json()).report.id as number;

  const office = await as(browser, "office");
  expect((await office.request.post(`/api/v1/claims/${claim}/sign-off`, { headers })).status()).toBe(200);
  const unitId = readDb((db) => db.prepare("select id from units where name = '区教育局'").pluck().get()) as number;
  const notice = await office.request.post("/api/v1/notices", {
    headers,
    data: { roundId: round.id, unitId, measureIds: [measure], level: "supervise", request: REQUEST, replyDeadline: "2099-12-31" },
  });
  expect(notice.status(), await notice.text()).toBe(201);

  // Not archived yet: the page says what to do first.
  await office.goto(`/rounds/${round.id}/archive`);
  await expect(office.getByText("本轮次尚未归档")).toBeVisible();
  office.once("dialog", (dialog) => void dialog.accept());
  await office.getByRole("button", { name: "归档", exact: true }).click();
  await expect(office.getByRole("button", { name: "恢复轮次" })).toBeVisible();
  await office.reload();

  await office.getByRole("button", { name: "生成归档包" }).click();
  const table = office.getByRole("table", { name: "归档包" });
  await expect(table.getByText("已生成")).toBeVisible({ timeout: 60_000 });
  const download = office.waitForEvent("download");
  await table.getByRole("link", { name: /^下载 / }).click();
  downloaded = await (await download).path();

  const zip = await JSZip.loadAsync(fs.readFileSync(downloaded));
  const index = await zip.file("00-目录/目录.html")!.async("string");
  expect(index).toContain(EVIDENCE);
  expect(index).toContain("督办单");
  expect(index).toContain("整改进展情况通报");
  expect(Object.keys(zip.files).some((name) => name.startsWith("04-佐证材料/问题") && name.endsWith(EVIDENCE))).toBe(true);
  const notices = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith("05-督办单/")).map((n) => zip.file(n)!.async("string")));
  expect(notices.some((html) => html.includes(REQUEST))).toBe(true);
  const audit = await zip.file("08-审计日志/审计日志.csv")!.async("string");
  expect(audit).toContain("销号");
  expect(audit).toContain("归档轮次");
  expect(zip.file("manifest.json")).not.toBeNull();

  // Generating and downloading are in the audit log.
  const actions = readDb((db) =>
    db.prepare("select action from audit_log where entity = 'archive_package' and entity_id in (select cast(id as text) from archive_packages where round_id = ?) order by id").pluck().all(round.id),
  );
  expect(actions).toEqual(["archive_package.create", "archive_package.complete", "archive_package.download"]);

  // The page's own check of the package just downloaded.
  await office.getByLabel("归档包文件(.zip)").setInputFiles({ name: "归档包.zip", mimeType: "application/zip", buffer: fs.readFileSync(downloaded) });
  await office.getByRole("button", { name: "校验" }).click();
  await expect(office.getByRole("status").filter({ hasText: "校验通过" })).toContainText("全部与清单一致");
});

test("改动过的归档包在页面上校验不通过,并指出被改动的文件", async ({ browser }) => {
  const zip = await JSZip.loadAsync(fs.readFileSync(downloaded));
  const evidence = Object.keys(zip.files).find((name) => name.endsWith(EVIDENCE))!;
  zip.file(evidence, "换掉的内容");
  const office = await as(browser, "office");
  await office.goto(`/rounds/${round.id}/archive`);
  await office.getByLabel("归档包文件(.zip)").setInputFiles({ name: "归档包.zip", mimeType: "application/zip", buffer: await zip.generateAsync({ type: "nodebuffer" }) });
  await office.getByRole("button", { name: "校验" }).click();
  await expect(office.getByRole("alert").filter({ hasText: "校验未通过" })).toContainText(`文件已被改动:${evidence}`);
});

test("责任单位打不开整改档案,也不能生成或下载归档包", async ({ browser, baseURL }) => {
  const unit = await as(browser, "jiaoyu");
  const page = await unit.goto(`/rounds/${round.id}/archive`);
  expect(page?.status()).toBe(403);
  const packages = readDb((db) => db.prepare("select count(*) from archive_packages where round_id = ?").pluck().get(round.id));
  const started = await unit.request.post(`/api/v1/rounds/${round.id}/archives`, { headers: { origin: baseURL! } });
  expect(started.status()).toBe(403);
  expect((await started.json()).error.message).toBe("您没有执行此操作的权限");
  const id = readDb((db) => db.prepare("select id from archive_packages where round_id = ?").pluck().get(round.id));
  expect((await unit.request.get(`/api/v1/rounds/${round.id}/archives/${id}`)).status()).toBe(403);
  expect(readDb((db) => db.prepare("select count(*) from archive_packages where round_id = ?").pluck().get(round.id))).toBe(packages);
});
