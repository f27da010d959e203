import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { APIRequestContext, Page } from "@playwright/test";
import { cli, expect, readDb, signInAs, test } from "./fixtures";
import { baoanLedgerRows, csvText } from "./support/ledger-files";

// 整改进展情况通报 and 台账快照. The report is checked on the demo round (its counts against the
// summary API, read around the download since other specs sign off there meanwhile); the
// snapshot's immutability on a round of our own, where nobody else changes a status.

const DEMO = "省委第二巡视组巡视宝安区反馈意见整改";
const demoId = () => readDb((db) => db.prepare("select id from rounds where name = ?").pluck().get(DEMO) as number);

let ownRound = { id: 0, name: "" };
test.beforeAll(() => {
  const file = path.join(os.tmpdir(), `report-${Date.now()}.csv`);
  fs.writeFileSync(file, csvText(baoanLedgerRows().map((r) => r.cells)));
  const name = `通报测试轮次${Date.now().toString(36)}`;
  ownRound = { id: (cli(["import", file, "--round", name]) as { roundId: number }).roundId, name };
  fs.rmSync(file);
});

interface Counts {
  total: number;
  completed: number;
  basicallyCompleted: number;
  incomplete: number;
}
interface Summary {
  problems: Counts;
  measures: Counts;
}

const sentences = (s: Summary) => [
  `反馈的${s.problems.total}个问题,目前已完成${s.problems.completed}个、基本完成${s.problems.basicallyCompleted}个、未完成${s.problems.incomplete}个`,
  `${s.measures.total}项整改措施,目前已完成${s.measures.completed}项、基本完成${s.measures.basicallyCompleted}项、未完成${s.measures.incomplete}项`,
];

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** (十七) → 17; enough for the numbers a plan has (below 100). */
function fromChinese(text: string): number {
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  return (text.includes("十") ? (DIGIT[tens!] ?? 1) * 10 : 0) + (DIGIT[ones!] ?? 0);
}

/** The open items of the docx's "需要进一步整改的事项及措施" section, in document order. */
function unfinishedItems(raw: string) {
  const section = raw.slice(raw.indexOf("五、需要进一步整改的事项及措施"), raw.indexOf("六、下一步工作"));
  return [...section.matchAll(/^\(([一二三四五六七八九十]+)\)(.+)\((未完成|基本完成)\)$/gm)].map((m) => ({
    number: fromChinese(m[1]!),
    title: m[2]!,
    status: m[3]!,
  }));
}

async function docxText(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''/);
  return (await mammoth.extractRawText({ buffer: await response.body() })).value;
}

async function xlsxStatuses(page: Page, url: string): Promise<Map<string, string>> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const statuses = new Map<string, string>();
  workbook.getWorksheet("整改台账")!.eachRow((row, n) => {
    if (n > 2) statuses.set(String(row.getCell(4).value ?? row.getCell(3).value), String(row.getCell(9).value));
  });
  return statuses;
}

test("整改办编辑通报的有关情况说明,下载的 Word 数字与汇总 API 一致、未完成事项按序号排列", async ({ page }) => {
  const roundId = demoId();
  await signInAs(page, "office");
  await page.goto("/reports");
  await page.getByRole("article", { name: DEMO, exact: true }).getByRole("link", { name: "查看通报" }).click();
  await expect(page.getByRole("article", { name: "关于省委第二巡视组巡视宝安区反馈意见整改进展情况的通报" })).toBeVisible();

  await page.getByRole("link", { name: "编辑通报文字" }).click();
  const first = page.getByRole("group").first();
  const heading = (await first.locator("legend").innerText()).trim();
  const edited = `办公室补充的情况说明${Date.now().toString(36)}`;
  await first.getByLabel("有关情况说明").fill(edited);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/report$`));
  await expect(page.getByRole("article")).toContainText(edited);

  // Other specs sign off on the demo round meanwhile: compare against a summary that did
  // not change while the document was generated.
  let checked = false;
  for (let attempt = 0; attempt < 5 && !checked; attempt++) {
    const before = (await (await page.request.get(`/api/v1/rounds/${roundId}/summary`)).json()) as Summary;
    const text = await docxText(page.request, `/api/v1/rounds/${roundId}/report.docx`);
    const after = (await (await page.request.get(`/api/v1/rounds/${roundId}/summary`)).json()) as Summary;
    if (JSON.stringify(before) !== JSON.stringify(after)) continue;
    checked = true;
    for (const sentence of sentences(before)) expect(text).toContain(sentence);
    const items = unfinishedItems(text);
    expect(items).toHaveLength(before.problems.incomplete + before.problems.basicallyCompleted);
    const statuses = items.map((i) => i.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => Number(a === "基本完成") - Number(b === "基本完成")));
    for (const status of ["未完成", "基本完成"]) {
      const numbers = items.filter((i) => i.status === status).map((i) => i.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    // The edited item carries the office's words right under its heading (the same heading
    // also opens the problem in the by-aspect section, so search after the section starts).
    const at = text.indexOf(heading, text.indexOf("五、需要进一步整改的事项及措施"));
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at, at + heading.length + 200)).toContain(`有关情况说明:${edited}`);
  }
  expect(checked).toBe(true);
});

test("整改办冻结台账快照,之后销号不改变快照的 xlsx", async ({ browser, baseURL }) => {
  const office = await (await browser.newContext()).newPage();
  await signInAs(office, "office");
  const summaryUrl = `/api/v1/rounds/${ownRound.id}/summary`;
  const before = (await (await office.request.get(summaryUrl)).json()) as Summary;

  await office.goto(`/rounds/${ownRound.id}/snapshots`);
  const form = office.getByRole("form", { name: "冻结台账" });
  await form.getByLabel("快照说明").fill("报省委巡视办");
  await form.getByRole("button", { name: "冻结当前台账" }).click();
  await expect(office.getByRole("status")).toContainText(`已冻结截至 ${process.env.RECTIFY_TODAY} 的整改台账`);
  const row = office.getByRole("table", { name: "台账快照" }).getByRole("row").filter({ hasText: "报省委巡视办" });
  await expect(row).toContainText(sentences(before)[0]!);
  const xlsxUrl = (await row.getByRole("link", { name: /下载/ }).getAttribute("href"))!;
  const frozen = await xlsxStatuses(office, xlsxUrl);
  expect([...frozen.values()].filter((s) => s === "已完成")).toHaveLength(before.measures.completed);

  // 区教育局 claims one of its open measures done, and the office signs it off.
  const measure = readDb(
    (db) =>
      db
        .prepare(
          `select m.id, m.text from measures m join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.status = 'incomplete' and m.round_id = ? order by m.id limit 1`,
        )
        .get(ownRound.id) as { id: number; text: string },
  );
  const unit = await (await browser.newContext()).newPage();
  await signInAs(unit, "jiaoyu");
  const claim = await unit.request.post(`/api/v1/measures/${measure.id}/progress`, {
    headers: { origin: baseURL! },
    multipart: {
      reportDate: process.env.RECTIFY_TODAY!,
      text: "已全部整改到位",
      claimedStatus: "completed",
      files: { name: "验收报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") },
    },
  });
  expect(claim.status()).toBe(200);
  const reportId = ((await claim.json()) as { report: { id: number } }).report.id;
  expect((await office.request.post(`/api/v1/claims/${reportId}/sign-off`, { headers: { origin: baseURL! } })).status()).toBe(200);
  const after = (await (await office.request.get(summaryUrl)).json()) as Summary;
  expect(after.measures.completed).toBe(before.measures.completed + 1);

  // The live ledger moved on; the snapshot did not.
  const again = await xlsxStatuses(office, xlsxUrl);
  expect(again).toEqual(frozen);
  expect(again.get(measure.text)).toBe("未完成");
  await office.reload();
  await expect(office.getByRole("table", { name: "台账快照" }).getByRole("row").filter({ hasText: "报省委巡视办" })).toContainText(
    sentences(before)[0]!,
  );
});

test("命令行生成通报(docx 和 html),数字与 summary 命令一致", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-cli-"));
  const docx = path.join(dir, "通报.docx");
  const html = path.join(dir, "通报.html");
  const summary = cli(["summary", "--round", ownRound.name]) as Summary;
  const outDocx = cli(["report", "--round", ownRound.name, "--out", docx]) as Record<string, unknown>;
  expect(outDocx).toEqual({ roundId: ownRound.id, out: docx, format: "docx", bytes: fs.statSync(docx).size });
  const outHtml = cli(["report", "--round", ownRound.name, "--out", html, "--format", "html"]) as Record<string, unknown>;
  expect(outHtml).toMatchObject({ roundId: ownRound.id, out: html, format: "html" });
  const page = fs.readFileSync(html, "utf8");
  for (const sentence of sentences(summary)) expect(page).toContain(sentence);
  expect(page).toContain("需要进一步整改的事项及措施");
  return mammoth.extractRawText({ path: docx }).then(({ value }) => {
    for (const sentence of sentences(summary)) expect(value).toContain(sentence);
    fs.rmSync(dir, { recursive: true });
  });
});

test.describe("通报与快照的权限", () => {
  test("责任单位打开通报页面和接口得到 403", async ({ page, baseURL }) => {
    const roundId = demoId();
    await signInAs(page, "xinan");
    for (const url of [`/rounds/${roundId}/report`, `/rounds/${roundId}/report/edit`, `/rounds/${roundId}/snapshots`, "/reports"]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
    for (const url of [`/api/v1/rounds/${roundId}/report.docx`, `/api/v1/rounds/${roundId}/report?format=html`, `/api/v1/rounds/${roundId}/snapshots`]) {
      expect((await page.request.get(url)).status(), url).toBe(403);
    }
    const post = await page.request.post(`/api/v1/rounds/${roundId}/snapshots`, { headers: { origin: baseURL! }, data: { label: "越权" } });
    expect(post.status()).toBe(403);
  });

  test("领导可阅读通报,但不能编辑或冻结快照", async ({ page, baseURL }) => {
    const roundId = demoId();
    await signInAs(page, "leader");
    expect((await page.goto(`/rounds/${roundId}/report`))?.status()).toBe(200);
    await expect(page.getByRole("link", { name: "编辑通报文字" })).toHaveCount(0);
    expect((await page.goto(`/rounds/${roundId}/report/edit`))?.status()).toBe(403);
    const post = await page.request.post(`/api/v1/rounds/${roundId}/snapshots`, { headers: { origin: baseURL! }, data: {} });
    expect(post.status()).toBe(403);
  });

  test("快照日期不能晚于今天,错误显示在字段旁", async ({ page }) => {
    await signInAs(page, "office");
    await page.goto(`/rounds/${ownRound.id}/snapshots`);
    const form = page.getByRole("form", { name: "冻结台账" });
    await form.getByLabel("截至日期").evaluate((el) => el.removeAttribute("max"));
    await form.getByLabel("截至日期").fill("2999-01-01");
    await form.getByRole("button", { name: "冻结当前台账" }).click();
    await expect(form.getByLabel("截至日期")).toHaveAccessibleDescription("截至日期不能晚于今天");
  });
});
