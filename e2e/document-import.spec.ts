import fs from "node:fs";
import path from "node:path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from "docx";
import type { Page } from "@playwright/test";
import { cli, expect, readDb, signInAs, test } from "./fixtures";
import { RoundPages } from "./pages/round-pages";

// 从文档导入: the office turns a Word document into a round's plan — upload, check and
// correct the parsed outline, confirm — and finds it in the four lists. Only the office
// may: a unit user can open neither the page nor the upload, and the confirming action
// refuses them even when sent by hand.
test.describe.configure({ mode: "serial" });

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const report = fs.readFileSync(path.join(process.cwd(), "lib/document-import/fixtures/report-baoan-2021.txt"), "utf8");
const suffix = Date.now().toString(36);
const roundName = `省委第二巡视组巡视宝安区反馈意见整改(文档导入${suffix})`;
const CORRECTED = "关于污染防治和防范化解重大风险存在短板的问题";
const ASPECTS = [
  "贯彻习近平新时代中国特色社会主义思想学用结合不够,同“双区”建设要求相比存在差距",
  "管党治党政治责任尚未压紧压实,一些领域腐败问题比较突出",
  "选人用人和干部管理存在差距,基层党建工作仍需加强",
  "落实巡视、审计等监督“后半篇文章”不够到位,整改责任和成效有待加强",
];

/**
 * The Baoan report as an office keeps it in Word: the seventeen problems' "(一)…(十七)"
 * are Word's automatic numbering (one list, running on across the aspects), every other
 * line is typed as it stands in the report.
 */
async function baoanDocx(): Promise<Buffer> {
  let inPlan = false;
  const paragraphs = report.split("\n").map((line) => {
    if (/^第[一二三四]方面问题/.test(line)) inPlan = true;
    if (/^三、/.test(line)) inPlan = false;
    const problem = /^\(([一二三四五六七八九十]+)\)(关于.*)$/.exec(line);
    if (inPlan && problem) return new Paragraph({ text: problem[2], numbering: { reference: "problems", level: 0 } });
    return new Paragraph(line);
  });
  const document = new Document({
    numbering: {
      config: [{ reference: "problems", levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: "(%1)", alignment: AlignmentType.LEFT }] }],
    },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}

async function upload(page: Page, roundId: number, file: { name: string; buffer: Buffer }) {
  await page.goto(`/rounds/${roundId}/problems`);
  await page.getByRole("link", { name: "从文档导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/document-import$`));
  await page.getByLabel("文档(.docx 或 .txt)").setInputFiles({ ...file, mimeType: DOCX_TYPE });
  await page.getByRole("button", { name: "上传并解析" }).click();
}

const planRows = (roundId: number) =>
  readDb((db) => ({
    problems: (db.prepare("select count(*) n from problems where round_id = ?").get(roundId) as { n: number }).n,
    audit: (db.prepare("select count(*) n from audit_log where action = 'round.import_document' and entity_id = ?").get(String(roundId)) as { n: number }).n,
  }));

test("整改办上传宝安区整改进展通报的 Word 文档,改正一个标题后导入,四清单中数字和标题正确", async ({ page }) => {
  await signInAs(page, "office");
  const roundId = await new RoundPages(page).createRound(roundName);
  await upload(page, roundId, { name: "宝安区巡视整改进展情况.docx", buffer: await baoanDocx() });

  // The preview: counts per aspect and status, every problem with its measures, what was left out.
  await expect(page.getByTestId("document-preview-counts")).toHaveText(
    "共 4 个方面、17 个问题(已完成 0 个、基本完成 0 个、未完成 17 个,其中 17 个文档未写明状态,导入后为未完成)、68 项整改措施。",
  );
  const perAspect = page.getByRole("table", { name: "各方面的问题和整改措施" }).getByRole("row");
  await expect(perAspect).toHaveCount(5);
  await expect(perAspect.nth(2)).toContainText("管党治党政治责任尚未压紧压实,一些领域腐败问题比较突出500524");
  await expect(page.getByRole("heading", { name: /未归类内容\(4 处/ })).toBeVisible();
  await expect(page.getByText("三、下一步工作计划(11 段)")).toBeVisible();
  await expect(page.getByRole("list", { name: "问题 17 的整改措施" }).getByRole("listitem")).toHaveCount(3);
  // Word's own numbering of the problems came through.
  await expect(page.getByText("文档中为“(十七)”")).toBeVisible();

  const title = page.getByLabel("问题 3 标题");
  await expect(title).toHaveValue("关于污染防治和防范化解风险方面存在的问题");
  await title.fill(CORRECTED);
  await page.getByRole("button", { name: "确认导入" }).click();

  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/plan$`));
  await expect(page.getByText(/现有 4 个方面、17 个问题、\s*68 项整改措施/)).toBeVisible();

  const tabs = page.getByRole("navigation", { name: "四清单一台账" });
  await tabs.getByRole("link", { name: "问题清单" }).click();
  await expect(page.getByText("符合条件的问题 17 个:已完成 0、基本完成 0、未完成 17")).toBeVisible();
  const problems = page.getByRole("table", { name: "问题清单" });
  await expect(problems.getByRole("row")).toHaveCount(18);
  await expect(problems.getByRole("row").nth(3)).toContainText(CORRECTED);
  await expect(problems).not.toContainText("关于污染防治和防范化解风险方面存在的问题");
  for (const [tab, caption] of [["责任清单", "责任清单"], ["任务清单", "任务清单"], ["整改台账", "整改台账"]] as const) {
    await tabs.getByRole("link", { name: tab }).click();
    await expect(page.getByText("符合条件的整改措施 68 项")).toBeVisible();
    await expect(page.getByRole("table", { name: caption }).getByRole("row")).toHaveCount(51); // 50 per page
  }
  await tabs.getByRole("link", { name: "进度清单" }).click();
  // A report without 整改情况 labels brings no progress reports; its aspects are there to filter by.
  await expect(page.getByText("符合条件的整改动态 0 条")).toBeVisible();
  await expect(page.getByRole("search", { name: "筛选" }).getByLabel("方面").getByRole("option")).toHaveText([
    "全部方面",
    ...ASPECTS.map((name, i) => `第${i + 1}方面 ${name.slice(0, 16)}`),
  ]);

  expect(planRows(roundId)).toEqual({ problems: 17, audit: 1 });
  const summary = cli(["summary", "--round", roundName]) as { problems: { total: number }; measures: { total: number } };
  expect([summary.problems.total, summary.measures.total]).toEqual([17, 68]);
});

test("责任单位和领导打不开从文档导入,也不能通过接口或手工提交的请求导入", async ({ page, browser, baseURL }) => {
  await signInAs(page, "office");
  const roundId = await new RoundPages(page).createRound(`${roundName}(权限)`);
  const small = new Document({
    sections: [{ children: ["第一方面:落实主体责任方面", "(一)关于台账管理不规范的问题", "一是建立整改台账。二是逐项对账销号。"].map((t) => new Paragraph(t)) }],
  });
  const file = { name: "整改方案.docx", buffer: await Packer.toBuffer(small) };
  await upload(page, roundId, file);
  await expect(page.getByTestId("document-preview-counts")).toContainText("共 1 个方面、1 个问题");

  // The confirming request exactly as the office's browser sends it, held back here.
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/rounds/${roundId}/document-import`, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { headers: request.headers(), body: request.postDataBuffer()! };
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await page.unroute(`**/rounds/${roundId}/document-import`);
  const replay = (as: Page) =>
    as.request.post(`/rounds/${roundId}/document-import`, {
      headers: {
        "next-action": captured!.headers["next-action"]!,
        "content-type": captured!.headers["content-type"]!,
        accept: "text/x-component",
        origin: baseURL!,
      },
      data: captured!.body,
    });

  for (const username of ["jiaoyu", "leader"]) {
    const other = await (await browser.newContext()).newPage();
    await signInAs(other, username);
    const response = await other.goto(`/rounds/${roundId}/document-import`);
    expect(response?.status()).toBe(403);
    await expect(other.getByRole("heading", { name: "无权访问" })).toBeVisible();

    const preview = await other.request.post(`/api/v1/rounds/${roundId}/document-preview`, {
      multipart: { file: { ...file, mimeType: DOCX_TYPE } },
      headers: { origin: baseURL! },
    });
    expect(preview.status()).toBe(403);
    expect((await preview.json()).error.message).toBe("您没有执行此操作的权限");

    const action = await replay(other);
    expect(await action.text()).toContain("您没有执行此操作的权限");
    expect(planRows(roundId)).toEqual({ problems: 0, audit: 0 });
    await other.context().close();
  }

  // The same request from the office goes through: the refusals above were the permission check.
  await replay(page);
  expect(planRows(roundId)).toEqual({ problems: 1, audit: 1 });
});

test("通报所述数字与识别结果并列;不一致时须勾选“我已核对”才能导入,一致时直接导入", async ({ page }) => {
  await signInAs(page, "office");
  const genre = (file: string) => ({
    name: file,
    buffer: fs.readFileSync(path.join(process.cwd(), "lib/document-import/fixtures/genre", file)),
  });
  const uploadText = async (roundId: number, file: { name: string; buffer: Buffer }) => {
    await page.goto(`/rounds/${roundId}/document-import`);
    await page.getByLabel("文档(.docx 或 .txt)").setInputFiles({ ...file, mimeType: "text/plain" });
    await page.getByRole("button", { name: "上传并解析" }).click();
  };

  // 江州: the report states 30 problems but publishes 28 (two withheld from publication).
  const withheld = await new RoundPages(page).createRound(`${roundName}(不公开部分问题)`);
  await uploadText(withheld, genre("04-jiangzhou-jiaotong-2021.txt"));
  const check = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "与文档所述数字核对:不一致" }) });
  await expect(check).toBeVisible();
  await expect(check.getByTestId("figure-check-summary")).toHaveText("文档称反馈问题30个(已完成27、基本完成2、未完成1),识别出28个(25/2/1) ✗");
  await expect(check).toContainText("文档称反馈问题30个,识别出28个(少2个:可能有问题未识别,或文档未公开全部问题)");
  const confirm = page.getByRole("button", { name: "确认导入" });
  await expect(confirm).toBeDisabled();
  await page.getByLabel("我已核对,按识别结果导入").check();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${withheld}/plan$`));
  expect(planRows(withheld)).toEqual({ problems: 28, audit: 1 });

  // 滨海: the figures it states are what was recognised; nothing to tick.
  const matching = await new RoundPages(page).createRound(`${roundName}(数字一致)`);
  await uploadText(matching, genre("01-binhai-quwei-2022.txt"));
  await expect(page.getByRole("status").filter({ hasText: "与文档所述数字核对:一致" })).toContainText(
    "文档称反馈问题25个(已完成21、基本完成3、未完成1),识别出25个(21/3/1) ✓",
  );
  await expect(page.getByLabel("我已核对,按识别结果导入")).toHaveCount(0);
  // The office says the work summary is problems after all: the file is read again under it.
  const summarySection = page.getByLabel("一、提高政治站位,从严从实推进巡视整改");
  await expect(summarySection).toHaveValue("prose");
  await summarySection.selectOption("这一节是问题");
  await expect(page.getByTestId("document-preview-counts")).toContainText("30 个问题");
  await expect(page.getByRole("heading", { name: "与文档所述数字核对:不一致" })).toBeVisible();
  await page.getByLabel("一、提高政治站位,从严从实推进巡视整改").selectOption("这一节不是问题");
  await expect(page.getByTestId("document-preview-counts")).toContainText("25 个问题");
  // Setting a problem's status in the preview moves the figures: the check turns red.
  await page.getByLabel("问题 1 的整改状态").selectOption("未完成");
  await expect(page.getByRole("heading", { name: "与文档所述数字核对:不一致" })).toBeVisible();
  await page.getByLabel("问题 1 的整改状态").selectOption("已完成");
  await expect(page.getByRole("heading", { name: "与文档所述数字核对:一致" })).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${matching}/plan$`));
  const summary = cli(["summary", "--round", `${roundName}(数字一致)`]) as { problems: { total: number; completed: number; basicallyCompleted: number; incomplete: number } };
  expect(summary.problems).toMatchObject({ total: 25, completed: 21, basicallyCompleted: 3, incomplete: 1 });
});

const NANCHUAN_UNITS = [
  "区乡村振兴服务中心", "区人力资源局", "区农业农村局", "区发展改革局", "区国资局", "区委办公室", "区委宣传部", "区委组织部", "区审计局",
  "区工业和信息化局", "区市场监管局", "区政府办公室", "区教育局", "区直机关工委", "区纪委监委", "区财政局", "新安街道", "西乡街道",
];

test("文档写明的牵头单位、责任单位按名称匹配,找不到的名称列出,导入后已匹配的单位即为责任单位", async ({ page }) => {
  await signInAs(page, "office");
  const roundId = await new RoundPages(page).createRound(`${roundName}(责任单位)`);
  await page.goto(`/rounds/${roundId}/document-import`);
  await page.getByLabel("文档(.docx 或 .txt)").setInputFiles({
    name: "06-nanchuan-haiwan-2022.txt",
    mimeType: "text/plain",
    buffer: fs.readFileSync(path.join(process.cwd(), "lib/document-import/fixtures/genre/06-nanchuan-haiwan-2022.txt")),
  });
  await page.getByRole("button", { name: "上传并解析" }).click();
  const units = page.getByRole("region", { name: "文档写明的责任单位" });
  // The eighteen unit names the report writes, split by what the database holds right now.
  const known = new Set(readDb((db) => db.prepare("select name from units").pluck().all()) as string[]);
  const unmatched = NANCHUAN_UNITS.filter((name) => !known.has(name));
  expect(unmatched).toContain("区乡村振兴服务中心");
  await expect(units).toContainText(`按名称匹配到 ${NANCHUAN_UNITS.length - unmatched.length} 个单位,另有 ${unmatched.length} 个名称在系统中找不到`);
  const missing = units.getByRole("list", { name: "找不到的单位名称" }).getByRole("listitem");
  await expect(missing).toHaveCount(unmatched.length);
  // The office creates one of them and maps another to the unit the document meant.
  await page.getByLabel("区乡村振兴服务中心").selectOption("新建单位“区乡村振兴服务中心”");
  await page.getByLabel("区人力资源局").selectOption({ label: "区委组织部" });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/plan$`));
  const unassigned = readDb((db) => db.prepare("select count(*) from measures where round_id = ? and lead_unit_id is null").pluck().get(roundId)) as number;
  const assigned = readDb((db) => db.prepare("select count(*) from measures where round_id = ? and lead_unit_id is not null").pluck().get(roundId)) as number;
  expect(assigned).toBeGreaterThan(0);
  const created = readDb((db) => db.prepare("select id from units where name = '区乡村振兴服务中心'").pluck().get()) as number | undefined;
  expect(created).toBeGreaterThan(0);
  const answersFor = (unitId: number) =>
    readDb((db) =>
      db.prepare("select count(*) from measures m where m.round_id = ? and (m.lead_unit_id = ? or exists (select 1 from measure_co_units c where c.measure_id = m.id and c.unit_id = ?))").pluck().get(roundId, unitId, unitId),
    ) as number;
  expect(answersFor(created!)).toBeGreaterThan(0);
  expect(unassigned + assigned).toBe(readDb((db) => db.prepare("select count(*) from measures where round_id = ?").pluck().get(roundId)) as number);
});
