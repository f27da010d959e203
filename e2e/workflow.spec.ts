import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { cli, expect, readDb, signInAs, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { baoanLedgerRows, csvText } from "./support/ledger-files";

// The loop that closes an item: a responsible unit reports and claims, the office verifies.
test.describe.configure({ mode: "serial" });

const pdf = (label: string) => ({
  name: `会议纪要-${label}.pdf`,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
});

// This spec works on a round of its own (a copy of the demo plan, imported through the
// command line): other specs change the demo round's statuses while this one counts them.
let roundId = 0;
test.beforeAll(() => {
  const file = path.join(os.tmpdir(), `workflow-${Date.now()}.csv`);
  fs.writeFileSync(file, csvText(baoanLedgerRows().map((r) => r.cells)));
  roundId = (cli(["import", file, "--round", `流程测试轮次${Date.now().toString(36)}`]) as { roundId: number }).roundId;
  fs.rmSync(file);
});

function targetMeasure() {
  return readDb(
    (db) =>
      db
        .prepare(
          `select m.id, m.text from measures m join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.status = 'incomplete' and m.round_id = ?
           order by m.id limit 1`,
        )
        .get(roundId) as { id: number; text: string },
  );
}

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

async function summary(page: Page) {
  return (await page.request.get(`/api/v1/rounds/${roundId}/summary`)).json();
}

async function report(page: Page, measureId: number, text: string, claim: "未完成" | "基本完成" | "已完成", files: ReturnType<typeof pdf>[]) {
  await page.goto(`/measures/${measureId}`);
  const form = page.getByRole("form", { name: "报送整改进展" });
  await form.getByLabel("整改进展").fill(text);
  await form.getByRole("radio", { name: claim }).check();
  if (files.length) await form.getByLabel("佐证材料").setInputFiles(files);
  await form.getByRole("button", { name: "提交" }).click();
}

test("逾期措施在单位待办和台账中亮红灯,临期亮黄灯", async ({ page }) => {
  const today = process.env.RECTIFY_TODAY!;
  const pick = (condition: string) =>
    readDb(
      (db) =>
        db
          .prepare(
            `select m.id from measures m join units u on u.id = m.lead_unit_id
             where u.name = '区教育局' and m.status != 'completed' and m.round_id = ? and ${condition}
             order by m.id limit 1`,
          )
          .pluck()
          .get(roundId, today, today) as number,
    );
  const overdue = pick("m.deadline < ? and ? is not null");
  const dueSoon = pick("m.deadline between ? and date(?, '+7 days')");
  const item = (region: RegExp, id: number) =>
    page.getByRole("region", { name: region }).getByRole("listitem").filter({ has: page.locator(`a[href="/measures/${id}"]`) });
  await signInAs(page, "jiaoyu");
  await expect(item(/逾期/, overdue)).toContainText("红灯");
  await expect(item(/临期/, dueSoon)).toContainText("黄灯");

  await new SignInPage(page).signOut();
  await signInAs(page, "office");
  await page.goto(`/rounds/${roundId}/ledger?overdue=1`);
  const row = page.getByRole("table", { name: "整改台账" }).getByRole("row").filter({ has: page.locator(`a[href="/measures/${overdue}"]`) });
  await expect(row).toContainText("红灯");
});

// Runs after the lights: the sign-off below changes which of 区教育局's measures are still open.
test("单位报送并申报已完成,整改办退回、再申报、销号;数字只在销号时变化", async ({ browser }) => {
  const measure = targetMeasure();
  const unitA = await as(browser, "jiaoyu");
  const unitB = await as(browser, "xinan");
  const office = await as(browser, "office");
  const before = await summary(office);

  // A claim without evidence is refused next to the file field.
  await report(unitA, measure.id, "已完成学位建设任务", "已完成", []);
  await expect(unitA.locator("#files-hint")).toContainText("请上传佐证材料");

  await report(unitA, measure.id, "新增公办学位 2.1 万个,相关会议纪要见附件。", "已完成", [pdf("一")]);
  await expect(unitA.getByRole("main").getByRole("status")).toHaveText("已提交申报,等待整改办对账销号");
  await expect(unitA.locator('li[id^="report-"]').filter({ hasText: "新增公办学位" })).toContainText("申报已完成 · 待审核");
  expect(await summary(office)).toEqual(before);

  // Unit B sees neither the measure nor its evidence.
  const evidenceId = readDb((db) =>
    db.prepare("select e.id from evidence_files e join progress_reports p on p.id = e.progress_report_id where p.measure_id = ? order by e.id desc").pluck().get(measure.id),
  ) as number;
  expect((await unitB.goto(`/measures/${measure.id}`))?.status()).toBe(404);
  expect((await unitB.request.get(`/api/v1/evidence/${evidenceId}`)).status()).toBe(404);
  const download = await unitA.request.get(`/api/v1/evidence/${evidenceId}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''/);
  expect((await download.body()).toString()).toContain("% 一");

  // The office returns it with a reason; the unit sees the reason in its inbox.
  // Other specs claim the same measure in their own round copies: look at this round only.
  await office.goto(`/review?round=${roundId}`);
  const row = office.getByRole("row", { name: new RegExp(measure.text.slice(0, 10)) });
  await expect(row).toContainText("1 份");
  await row.getByRole("link").click();
  await office.getByRole("button", { name: "退回" }).click();
  await expect(office.locator(`[id^="reason-"][id$="-error"]`)).toHaveText("请输入退回理由");
  await office.getByPlaceholder("退回理由(必填)").fill("佐证材料不全,请补充验收意见");
  await office.getByRole("button", { name: "退回" }).click();
  await expect(office.locator('li[id^="report-"]').filter({ hasText: "新增公办学位" })).toContainText("退回理由:佐证材料不全,请补充验收意见");
  await unitA.goto("/my-tasks");
  const returned = unitA.getByRole("region", { name: /被退回/ });
  await expect(returned).toContainText(measure.text.slice(0, 10));
  await expect(returned).toContainText("退回理由:佐证材料不全,请补充验收意见");
  expect(await summary(office)).toEqual(before);

  // Re-reported; signed off in the queue with one confirmation.
  await report(unitA, measure.id, "补充区教育局验收意见,学位建设任务全部完成。", "已完成", [pdf("二")]);
  await expect(unitA.getByRole("main").getByRole("status")).toHaveText("已提交申报,等待整改办对账销号");
  await office.goto(`/review?round=${roundId}`);
  await office.getByRole("checkbox", { name: new RegExp(`选择 .*${measure.text.slice(0, 10)}`) }).check();
  office.once("dialog", (dialog) => void dialog.accept());
  await office.getByRole("button", { name: "批量销号(1)" }).click();
  await expect(office.getByRole("main").getByRole("status")).toHaveText("已批量销号 1 项申报");

  const after = await summary(office);
  expect(after.measures.completed).toBe(before.measures.completed + 1);
  expect(after.measures.incomplete).toBe(before.measures.incomplete - 1);
  await office.goto(`/measures/${measure.id}`);
  await expect(office.getByText("已完成", { exact: true }).first()).toBeVisible();
  const actions = readDb((db) =>
    db
      .prepare(
        `select action from audit_log where (entity = 'measure' and entity_id = ?) or (entity = 'progress_report' and entity_id in
          (select cast(id as text) from progress_reports where measure_id = ?)) order by id`,
      )
      .pluck()
      .all(String(measure.id), measure.id),
  );
  expect(actions).toEqual(["progress.claim", "claim.return", "progress.claim", "measure.sign_off"]);
});

test("超大文件、伪装的可执行文件和路径穿越文件名都被拒绝,什么也不保存", async ({ page, baseURL }) => {
  const measure = readDb(
    (db) =>
      db
        .prepare("select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = '区教育局' order by m.id desc limit 1")
        .get() as { id: number },
  );
  await signInAs(page, "jiaoyu");
  const evidenceDir = path.join(path.dirname(process.env.DATABASE_PATH ?? path.join("data", "e2e", "rectify.db")), "evidence");
  const countFiles = () => (fs.existsSync(evidenceDir) ? fs.readdirSync(evidenceDir, { recursive: true }).length : 0);
  const reports = () => readDb((db) => db.prepare("select count(*) from progress_reports where measure_id = ?").pluck().get(measure.id));
  const before = { files: countFiles(), reports: reports() };
  const cases = [
    { file: { name: "大文件.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(3 * 1024 * 1024)]) }, message: /超过单个文件 2 MB/ },
    { file: { name: "验收报告.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4096, 1)]) }, message: /内容与扩展名不符/ },
    { file: { name: "../../etc/cron.d/x.pdf", mimeType: "application/pdf", buffer: pdf("穿越").buffer }, message: /文件名.*不合法/ },
    { file: { name: "程序.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") }, message: /类型不允许上传/ },
  ];
  for (const c of cases) {
    const response = await page.request.post(`/api/v1/measures/${measure.id}/progress`, {
      headers: { origin: baseURL! },
      multipart: { reportDate: process.env.RECTIFY_TODAY!, text: "附上佐证", claimedStatus: "incomplete", files: c.file },
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.message).toMatch(c.message);
  }
  expect({ files: countFiles(), reports: reports() }).toEqual(before);
});

test("两个单位同时报送进展都成功,收件箱 API 只含本单位事项", async ({ browser, baseURL }) => {
  const [a, b] = await Promise.all([as(browser, "jiaoyu"), as(browser, "xinan")]);
  const mine = async (page: Page) => (await (await page.request.get("/api/v1/my/measures")).json()).measures as { id: number; isLead: boolean }[];
  const [measuresA, measuresB] = await Promise.all([mine(a), mine(b)]);
  const owned = readDb((db) =>
    db
      .prepare(
        `select m.id from measures m join units u on u.name = '区教育局'
         where m.lead_unit_id = u.id or exists (select 1 from measure_co_units c where c.measure_id = m.id and c.unit_id = u.id) order by m.id`,
      )
      .pluck()
      .all(),
  );
  // Every measure in the inbox is one the unit answers for (other specs may add more meanwhile).
  expect(measuresA.length).toBeGreaterThan(0);
  expect(measuresA.every((m) => owned.includes(m.id))).toBe(true);
  const before = readDb((db) => db.prepare("select count(*) from progress_reports").pluck().get() as number);
  const post = (page: Page, measureId: number, text: string) =>
    page.request.post(`/api/v1/measures/${measureId}/progress`, {
      headers: { origin: baseURL! },
      multipart: { reportDate: process.env.RECTIFY_TODAY!, text, claimedStatus: "incomplete" },
    });
  const responses = await Promise.all([
    ...Array.from({ length: 5 }, (_, i) => post(a, measuresA[0]!.id, `教育局第 ${i + 1} 次周报`)),
    ...Array.from({ length: 5 }, (_, i) => post(b, measuresB[0]!.id, `新安街道第 ${i + 1} 次周报`)),
  ]);
  expect(responses.map((r) => r.status())).toEqual(Array(10).fill(200));
  expect(readDb((db) => db.prepare("select count(*) from progress_reports").pluck().get())).toBe(before + 10);
  // And neither can post to the other's measure.
  expect((await post(b, measuresA.find((m) => !measuresB.some((n) => n.id === m.id))!.id, "越权报送")).status()).toBe(404);
});
