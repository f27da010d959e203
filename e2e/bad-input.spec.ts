import fs from "node:fs";
import path from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import { API_ACCESS, type ApiTargets, type Role } from "../testing/access-table";
import {
  API_INPUTS,
  ARCHIVE_FILES,
  BAD_JSON_BODIES,
  BAD_MULTIPART_BODIES,
  BAD_PATH_IDS,
  BAD_QUERIES,
  FORM_CASES,
  IMPORT_FILES,
  JSON_CASES,
  PAYLOADS,
  SURVEY_INPUTS,
  UPLOAD_FILES,
  type ApiInputs,
  type Expectation,
  type FormValue,
} from "../testing/bad-input-corpus";
import { e2eDatabasePath, expect, readDb, test } from "./fixtures";
import { MAX_SURVEY_SUBMISSIONS } from "../lib/security/survey-limit";
import { CJK, HardeningWorld, LEAD_MARK, requestFiles, smallLedgerCsv } from "./support/hardening-world";

// Issue 6, bad-input corpus over real HTTP (testing/bad-input-corpus.ts): every write
// route gets broken bodies, bad ids in its path and, field by field, bad values. Each is
// refused with a Chinese message and the database unchanged, or — hostile free text — stored
// verbatim; the server keeps answering. Then hostile files for import and upload, junk query
// strings, and one browser check that stored <script> and javascript: stay text.
test.describe.configure({ mode: "default" });

let world: HardeningWorld;
const counts = { requests: 0 };

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  world = await HardeningWorld.create(browser, baseURL!, { roles: ["officeAdmin", "unitLead", "leader"], tokens: false, open: 10, completed: 10, emptyRounds: 2 });
});
test.afterAll(async () => {
  console.log(`[bad-input] ${counts.requests} bad requests sent`);
  await world?.dispose();
});

interface Sent {
  response: APIResponse;
  body: string;
}

async function read(response: APIResponse): Promise<Sent> {
  counts.requests += 1;
  return { response, body: (await response.body()).toString("utf8") };
}

function errorMessage(body: string): string {
  try {
    return (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? "";
  } catch {
    return "";
  }
}

/** Is `text` stored in some table other than the audit log (which records every input)? */
function storedSomewhere(text: string): boolean {
  return readDb((db) => {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'audit_log'").pluck().all() as string[];
    return tables.some((table) =>
      (db.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string }[])
        .filter((c) => /text/i.test(c.type))
        .some((c) => db.prepare(`select 1 from "${table}" where instr("${c.name}", ?) > 0 limit 1`).get(text) !== undefined),
    );
  });
}

async function expectHealthy() {
  const response = await world.as("officeAdmin").get("/api/health");
  expect(response.status()).toBe(200);
}

/**
 * One bad request: refused → a 4xx (not 401/403: the caller may do this), a Chinese message
 * and nothing written; stored → accepted and the text kept as sent.
 */
async function check(label: string, expected: Expectation | "notFound", send: () => Promise<APIResponse>, stored?: string, unitNames: string[] = []) {
  const scope = { notificationsOf: world.userId("leader"), unitNames };
  const before = world.fingerprint(scope);
  const { response, body } = await read(await send());
  const status = response.status();
  if (expected === "stored") {
    expect.soft(status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(300);
    expect.soft(storedSomewhere(stored!), `${label}: 原样保存`).toBe(true);
    return;
  }
  if (expected === "notFound") expect.soft(status, `${label}: ${body.slice(0, 300)}`).toBe(404);
  else expect.soft([400, 404, 409, 413, 415, 422], `${label}: ${status} ${body.slice(0, 300)}`).toContain(status);
  expect.soft(errorMessage(body), `${label}: 中文提示`).toMatch(CJK);
  expect.soft(world.fingerprint(scope), `${label}: 数据库不变`).toBe(before);
}

/** The route's path with another id segment in place of its object's id. */
function withId(route: string, path: string, id: string): string {
  const at = route.split("/").indexOf("[id]");
  const parts = path.split("/");
  parts[at + 3] = id; // "", "api", "v1", then the route's own segments
  return parts.join("/");
}

function formOf(fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>, field: string, value: FormValue): FormData {
  const form = new FormData();
  for (const [key, v] of Object.entries(fields)) {
    if (key === field) continue;
    form.append(key, typeof v === "string" ? v : new File([new Uint8Array(v.buffer)], v.name, { type: v.mimeType }));
  }
  if (typeof value === "string" || value instanceof Blob) form.append(field, value);
  else if (Array.isArray(value)) for (const v of value) form.append(field, v);
  return form;
}

async function corpusFor(input: ApiInputs) {
  const row = API_ACCESS.find((r) => r.route === input.route && r.method === "POST")!;
  const who: Role = input.as;
  const context = world.as(who);
  const headers = { origin: world.baseURL };
  const files = requestFiles(world.tag);
  const request = (target: Partial<ApiTargets> = {}) => row.request({ ...world.shared, ...target, unique: world.unique() }, files);
  const shared = request();

  if (row.route.includes("[id]")) {
    for (const id of BAD_PATH_IDS) {
      const url = withId(row.route, shared.path, id);
      await check(`路径编号 ${id}`, "notFound", () =>
        shared.multipart ? context.post(url, { headers, multipart: shared.multipart }) : context.post(url, { headers, data: shared.json ?? {} }),
      );
    }
  }
  const wholeBodies = input.body === "json" ? BAD_JSON_BODIES : input.body === "multipart" ? BAD_MULTIPART_BODIES : [];
  for (const bad of wholeBodies) {
    await check(`请求体:${bad.label}`, "refused", () =>
      context.post(shared.path, { headers: { ...headers, ...(bad.contentType ? { "content-type": bad.contentType } : {}) }, data: Buffer.from(bad.body) }),
    );
  }

  for (const [field, kind] of Object.entries(input.fields)) {
    if (input.body === "json") {
      for (const c of JSON_CASES[kind] ?? []) {
        const hostile = c.expect === "stored" ? `${c.value as string} ${world.unique()}` : c.value;
        const target = c.expect === "stored" && row.consumes ? { [row.consumes]: await world.fresh(row.consumes) } : {};
        const valid = request(target);
        const body = { ...(input.base ?? (valid.json as Record<string, unknown>)), [field]: hostile };
        const names = typeof hostile === "string" ? [hostile] : [];
        await check(`${field} · ${c.label}`, c.expect, () => context.post(valid.path, { headers, data: body }), hostile as string, names);
      }
    } else {
      for (const c of FORM_CASES[kind] ?? []) {
        const hostile = c.expect === "stored" ? `${c.value as string} ${world.unique()}` : (c.value as FormValue);
        const valid = request();
        const form = formOf(valid.multipart ?? {}, field, hostile);
        await check(`${field} · ${c.label}`, c.expect, () => context.post(valid.path, { headers, multipart: form }), hostile as string);
      }
    }
  }
  await expectHealthy();
}

for (const input of API_INPUTS) {
  test(`POST /api/v1/${input.route} 的错误输入`, async () => {
    await corpusFor(input);
  });
}

test("导入有害的台账文件:中文提示,什么也不写入,服务照常", async () => {
  const round = world.shared.emptyRound;
  const headers = { origin: world.baseURL };
  for (const c of IMPORT_FILES) {
    const [file] = await c.files();
    // The wizard's two steps: the preview (dryRun) and the import itself.
    for (const dryRun of [true, false]) {
      const before = world.fingerprint();
      const { response, body } = await read(
        await world.as("officeAdmin").post(`/api/v1/rounds/${round}/import`, { headers, multipart: { file: file!, ...(dryRun ? { dryRun: "1" } : {}) } }),
      );
      const label = `${c.label}${dryRun ? "(预览)" : ""}`;
      if (dryRun && response.status() === 200) {
        // A file that reads but has mistakes is previewed with its errors listed.
        const errors = (JSON.parse(body) as { plan: { errors: { message: string }[] } }).plan.errors.map((e) => e.message).join(";");
        expect.soft(errors, label).toMatch(c.message);
      } else {
        expect.soft(response.status(), `${label}: ${body.slice(0, 300)}`).toBe(422);
        expect.soft(errorMessage(body), label).toMatch(c.message);
      }
      expect.soft(world.fingerprint(), `${label}: 数据库不变`).toBe(before);
    }
    await expectHealthy();
  }
  expect(readDb((db) => db.prepare("select count(*) from problems where round_id = ?").pluck().get(round))).toBe(0);
});

test("上传有害的佐证材料:中文提示,不保存任何文件", async () => {
  const evidenceDir = path.join(path.dirname(e2eDatabasePath()), "evidence");
  const countFiles = () => (fs.existsSync(evidenceDir) ? fs.readdirSync(evidenceDir, { recursive: true }).length : 0);
  for (const c of UPLOAD_FILES) {
    const form = new FormData();
    form.append("reportDate", world.today);
    form.append("text", "附上佐证材料");
    form.append("claimedStatus", "completed");
    for (const f of await c.files()) form.append("files", new File([new Uint8Array(f.buffer)], f.name, { type: f.mimeType }));
    const before = { db: world.fingerprint(), files: countFiles() };
    const { response, body } = await read(
      await world.as("unitLead").post(`/api/v1/measures/${world.shared.measure}/progress`, { headers: { origin: world.baseURL }, multipart: form }),
    );
    expect.soft(response.status(), `${c.label}: ${body.slice(0, 300)}`).toBe(422);
    expect.soft(errorMessage(body), c.label).toMatch(c.message);
    expect.soft({ db: world.fingerprint(), files: countFiles() }, `${c.label}: 不保存`).toEqual(before);
  }
  await expectHealthy();
});

test("校验归档包时上传的不是归档包:中文提示,什么也不写入", async () => {
  for (const c of ARCHIVE_FILES) {
    const [file] = await c.files();
    const before = world.fingerprint();
    const { response, body } = await read(await world.as("officeAdmin").post("/api/v1/archive-verify", { headers: { origin: world.baseURL }, multipart: { file: file! } }));
    expect.soft(response.status(), `${c.label}: ${body.slice(0, 300)}`).toBe(422);
    expect.soft(errorMessage(body), c.label).toMatch(c.message);
    expect.soft(world.fingerprint(), `${c.label}: 数据库不变`).toBe(before);
  }
  await expectHealthy();
});

test("查询参数中的垃圾:从不 500,拒绝时说中文", async () => {
  for (const q of BAD_QUERIES) {
    const { response, body } = await read(await world.as(q.as).get(q.path(world.shared.round)));
    expect.soft(response.status(), `${q.path(world.shared.round)}: ${body.slice(0, 200)}`).toBeLessThan(500);
    if (response.status() >= 400) expect.soft(errorMessage(body), q.path(world.shared.round)).toMatch(CJK);
  }
  await expectHealthy();
});

test("保存的 <script> 与 javascript: 只作为文字显示,从不执行", async () => {
  const office = await world.page("officeAdmin");
  const unit = await world.page("unitLead");
  const dialogs: string[] = [];
  for (const page of [office, unit]) page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));

  // The office imports a plan whose problem and measure are hostile text, and sends a notice.
  const round = await world.fresh("emptyRound");
  const title = `${PAYLOADS.script}问题${world.tag}`;
  const measureText = `${PAYLOADS.imgOnError}${LEAD_MARK}措施${world.tag}`;
  const csv = `序号,问题,整改措施,牵头单位,完成时限\r\n1,"${title}","${measureText}",区教育局,2027年6月底\r\n`;
  const imported = await world.post("officeAdmin", `/api/v1/rounds/${round}/import`, { multipart: { file: { name: "台账.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } } });
  expect(imported.status(), await imported.text()).toBe(200);
  const measure = readDb((db) => db.prepare("select id from measures where round_id = ?").pluck().get(round)) as number;
  const notice = await world.post("officeAdmin", "/api/v1/notices", {
    json: { roundId: round, unitId: world.shared.unit, measureIds: [measure], level: "reminder", request: `${PAYLOADS.javascriptUrl} ${PAYLOADS.script}`, replyDeadline: world.today },
  });
  expect(notice.status()).toBe(201);
  const noticeId = (await notice.json()).notice.id as number;

  // The unit reports progress through the form with hostile text.
  await unit.goto(`/measures/${measure}`);
  const progress = `${PAYLOADS.script}${PAYLOADS.javascriptUrl} 进展${world.tag}`;
  const form = unit.getByRole("form", { name: "报送整改进展" });
  await form.getByLabel("整改进展").fill(progress);
  await form.getByLabel("节点(选填)").fill(PAYLOADS.javascriptUrl);
  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.getByRole("status")).toHaveText("已报送整改进展");
  expect(storedSomewhere(progress)).toBe(true);

  const visits: [Page, string, string][] = [
    [unit, `/measures/${measure}`, progress],
    [unit, `/measures/${measure}`, measureText],
    [unit, "/my-tasks", measureText],
    [unit, `/notices/${noticeId}`, PAYLOADS.javascriptUrl],
    [office, `/rounds/${round}/problems`, title],
    [office, `/rounds/${round}/ledger`, measureText],
    [office, `/rounds/${round}/plan`, title],
    [office, `/rounds/${round}/report`, title],
  ];
  for (const [page, url, text] of visits) {
    await page.goto(url);
    await expect(page.getByText(text).first(), `${url} 显示原文`).toBeVisible();
    await expect(page.locator('[href^="javascript:" i], [src^="javascript:" i]'), `${url} 没有 javascript: 链接`).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelectorAll("main script, main img[onerror]").length), `${url} 没有注入的元素`).toBe(0);
  }
  expect(dialogs).toEqual([]);
});

// 群众满意度测评: the public's answer, sent without an account from a device of its own.
test.describe("满意度测评的公开提交", () => {
  const answerPath = () => `/survey/${world.shared.surveyToken}/responses`;
  const headers = () => ({ origin: world.baseURL });
  const allSatisfied = () => ({ answers: world.shared.surveyQuestions.map((questionId) => ({ questionId, choice: "satisfied" })) });
  /** A member of the public who has opened the survey page (and so holds a device cookie). */
  async function visitor() {
    const context = await world.stranger();
    expect((await context.get(`/survey/${world.shared.surveyToken}`)).status()).toBe(200);
    return context;
  }

  test("错误的答卷:中文提示,什么也不写入;有害的意见按原文保存", async () => {
    const otherSurveyQuestion = readDb((db) => db.prepare("select q.id from survey_questions q join surveys s on s.id = q.survey_id where s.round_id = (select min(id) from rounds)").pluck().get()) as number;
    const refusedBy = await visitor();
    for (const c of SURVEY_INPUTS) {
      const targets = { questions: world.shared.surveyQuestions, otherSurveyQuestion, unique: world.unique() };
      const value = c.body(targets);
      const data = c.raw ? Buffer.from(value as string) : Buffer.from(JSON.stringify(value));
      const send = async () =>
        (c.expect === "stored" ? await visitor() : refusedBy).post(answerPath(), {
          headers: { ...headers(), "content-type": c.contentType ?? "application/json" },
          data,
        });
      if (c.expect === "stored") {
        await check(c.label, "stored", send, (value as { comment: string }).comment);
        continue;
      }
      const before = world.fingerprint();
      const { response, body } = await read(await send());
      expect.soft(response.status(), `${c.label}: ${body.slice(0, 300)}`).toBe(c.expect);
      expect.soft(errorMessage(body), `${c.label}: 中文提示`).toMatch(CJK);
      expect.soft(world.fingerprint(), `${c.label}: 数据库不变`).toBe(before);
    }
    await expectHealthy();
  });

  test("同一设备再次提交被礼貌地拒绝,未打开问卷页(没有设备标识)的提交也被拒绝", async () => {
    const device = await visitor();
    const first = await device.post(answerPath(), { headers: headers(), data: allSatisfied() });
    expect(first.status(), await first.text()).toBe(201);
    await check("同一设备第二次提交", "refused", () => device.post(answerPath(), { headers: headers(), data: allSatisfied() }));
    const again = await read(await device.post(answerPath(), { headers: headers(), data: allSatisfied() }));
    expect(errorMessage(again.body)).toBe("您已提交过本问卷,每台设备只能提交一次,感谢您的参与");
    const cookieless = await world.stranger();
    await check("没有设备标识", "refused", () => cookieless.post(answerPath(), { headers: headers(), data: allSatisfied() }));
    await check("不存在的问卷", "notFound", () => device.post(`/survey/${"A".repeat(24)}/responses`, { headers: headers(), data: allSatisfied() }));
  });

  test(`刷提交:同一地址 10 分钟内超过 ${MAX_SURVEY_SUBMISSIONS} 次即 429,中文提示,数据库不变`, async () => {
    // A survey of its own, so the flood does not use up the address's quota on the run's survey.
    const round = await world.fresh("emptyRound");
    const imported = await world.post("officeAdmin", `/api/v1/rounds/${round}/import`, { multipart: { file: smallLedgerCsv(world.unique()) } });
    expect(imported.status(), await imported.text()).toBe(200);
    const problems = readDb((db) => db.prepare("select id from problems where round_id = ?").pluck().all(round)) as number[];
    const flooded = await world.openSurvey(round, { problemIds: problems.map(String) });
    const flooder = await world.stranger();
    await flooder.get(`/survey/${flooded.surveyToken}`);
    const path = `/survey/${flooded.surveyToken}/responses`;
    const data = { answers: flooded.surveyQuestions.map((questionId) => ({ questionId, choice: "unknown" })) };
    const statuses: number[] = [];
    for (let i = 0; i < MAX_SURVEY_SUBMISSIONS; i++) statuses.push((await flooder.post(path, { headers: headers(), data })).status());
    // The first is accepted; the repeats from the same device are refused, and still count.
    expect(statuses[0]).toBe(201);
    expect(new Set(statuses.slice(1))).toEqual(new Set([409]));
    const before = world.fingerprint();
    const { response, body } = await read(await (await world.stranger()).post(path, { headers: headers(), data }));
    expect(response.status(), body).toBe(429);
    expect(errorMessage(body)).toMatch(/^提交过于频繁,请 \d+ 分钟后再试$/);
    expect(world.fingerprint()).toBe(before);
    await expectHealthy();
  });

  test("保存的 <script> 意见在整改办的测评页只作为文字显示", async () => {
    const comment = `${PAYLOADS.script}${PAYLOADS.imgOnError}意见${world.tag}`;
    const answered = await (await visitor()).post(answerPath(), { headers: headers(), data: { ...allSatisfied(), comment } });
    expect(answered.status(), await answered.text()).toBe(201);
    const office = await world.page("officeAdmin");
    const dialogs: string[] = [];
    office.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await office.goto(`/rounds/${world.shared.round}/survey`);
    await expect(office.getByText(comment)).toBeVisible();
    expect(await office.evaluate(() => document.querySelectorAll("main script, main img[onerror]").length)).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
