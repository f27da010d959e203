import type { Browser, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";
import { importBaoanRound } from "./support/own-round";

// 巡视移交信访件、问题线索 (issue 17): the discipline staff register an item and move it through
// its stages to 审结 with the people it dealt with; a unit is refused everything of the
// register; a leader reads the counts and never an item; the 通报's section 三 says the
// register's counts. The round is this spec's own, so the counts are only its items'.
test.describe.configure({ mode: "serial" });

let round = { id: 0, name: "", measures: 0 };
test.beforeAll(() => {
  round = importBaoanRound("线索测试");
});

const TITLE = "反映某街道违规发放加班补贴问题";
const clueOf = (number: string) =>
  readDb((db) => db.prepare("select id, stage, due_date dueDate, people_handled peopleHandled, disciplined from clues where round_id = ? and number = ?").get(round.id, number)) as
    | { id: number; stage: string; dueDate: string; peopleHandled: number; disciplined: number }
    | undefined;
let clueId = 0;

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

async function advance(page: Page, stage: string, fill: Record<string, string> = {}) {
  const form = page.getByRole("form", { name: "变更办理阶段" });
  await form.getByLabel("下一阶段").selectOption({ label: stage });
  await form.getByLabel("办理情况").fill(`进入${stage}`);
  for (const [label, value] of Object.entries(fill)) await form.getByLabel(label, { exact: true }).fill(value);
  page.once("dialog", (dialog) => dialog.accept());
  await form.getByRole("button", { name: "提交" }).click();
  // The page still says the item was registered; this is the form's own message.
  await expect(page.getByRole("status").filter({ hasText: "已进入" })).toHaveText(`已进入“${stage}”阶段`);
}

test("纪检监察登记一条问题线索,按阶段办理到审结,每步留痕", async ({ browser }) => {
  const page = await as(browser, "jijian");
  await page.goto("/clues");
  await page.getByRole("navigation", { name: "轮次" }).getByRole("link", { name: new RegExp(`^${round.name}`) }).click();
  await expect(page.getByText("本轮次尚未登记信访件、问题线索")).toBeVisible();

  const form = page.getByRole("form", { name: "登记信访件或问题线索" });
  await form.getByLabel("类别").selectOption({ label: "问题线索" });
  await form.getByLabel("编号").fill("巡视移交线索第9号");
  await form.getByLabel("标题或反映内容摘要").fill(TITLE);
  await form.getByLabel("承办单位", { exact: true }).selectOption({ label: "纪委监委" });
  await form.getByLabel("接收日期").fill("2026-03-15");
  await form.getByLabel("办理时限", { exact: true }).selectOption({ label: "6个月内" });
  await form.getByRole("button", { name: "登记" }).click();

  await expect(page.getByRole("status")).toHaveText("已登记“巡视移交线索第9号”,办结时限为2026-09-15");
  const registered = clueOf("巡视移交线索第9号")!;
  expect(registered).toMatchObject({ stage: "registered", dueDate: "2026-09-15" });
  clueId = registered.id;
  // Received in March with six months: already past its limit on the run's day.
  await expect(page.getByText("6个月内,2026-09-15前办结(已逾期)")).toBeVisible();

  await advance(page, "初步核实");
  // The order holds: from 初核 the form offers 立案 but never 审结.
  const next = page.getByRole("form", { name: "变更办理阶段" }).getByLabel("下一阶段");
  await expect(next.getByRole("option")).toHaveText(["立案", "暂存待查", "予以了结"]);
  await advance(page, "立案");
  await advance(page, "审查调查");
  await advance(page, "审理");
  await advance(page, "审结", { 处理人数: "2", 其中党纪政务处分人数: "1", 其中组织处理人数: "1" });

  await expect(page.getByText("该件已审结,办理结束。")).toBeVisible();
  await expect(page.getByRole("form", { name: "变更办理阶段" })).toHaveCount(0);
  const history = page.getByRole("list", { name: "办理过程" }).getByRole("listitem");
  await expect(history).toHaveCount(6);
  await expect(history.last()).toContainText("审理 → 审结");
  expect(clueOf("巡视移交线索第9号")).toMatchObject({ stage: "concluded", peopleHandled: 2, disciplined: 1 });
  const audits = readDb((db) => db.prepare("select action from audit_log where entity = 'clue' and entity_id = ? order by id").pluck().all(String(clueId)));
  expect(audits).toEqual(["clue.register", ...Array(5).fill("clue.advance")]);
  // The log shows the stage, never the item's title: every office user reads it.
  const logged = readDb((db) => db.prepare("select group_concat(coalesce(before, '') || coalesce(after, '')) from audit_log where entity = 'clue' and entity_id = ?").pluck().get(String(clueId)));
  expect(logged).not.toContain(TITLE);
});

test("编号重复时,表单说明原因,登记簿不变", async ({ browser }) => {
  const page = await as(browser, "jijian");
  await page.goto(`/clues?round=${round.id}`);
  const form = page.getByRole("form", { name: "登记信访件或问题线索" });
  await form.getByLabel("编号").fill("巡视移交线索第9号");
  await form.getByLabel("标题或反映内容摘要").fill("另一件");
  await form.getByRole("button", { name: "登记" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "本轮次已登记" }).first()).toContainText("本轮次已登记编号为“巡视移交线索第9号”的件");
  expect(readDb((db) => db.prepare("select count(*) from clues where round_id = ?").pluck().get(round.id))).toBe(1);
});

test("责任单位看不到登记簿:页面、单件、模板和导入一律拒绝", async ({ browser, baseURL }) => {
  const page = await as(browser, "jiaoyu");
  await expect(page.getByRole("link", { name: /信访/ })).toHaveCount(0);
  for (const path of ["/clues", `/clues?round=${round.id}`, `/clues/${clueId}`, `/clues/import?round=${round.id}`]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(403);
    await expect(page.locator("body")).not.toContainText(TITLE);
  }
  expect((await page.request.get("/api/v1/clue-template")).status()).toBe(403);
  const upload = await page.request.post(`/api/v1/rounds/${round.id}/clue-import`, {
    headers: { origin: baseURL! },
    multipart: { file: { name: "线索.csv", mimeType: "text/csv", buffer: Buffer.from("类别,编号,标题\r\n问题线索,单位偷偷导入,标题\r\n") } },
  });
  expect(upload.status()).toBe(403);
  expect((await upload.json()).error.message).toBe("您没有执行此操作的权限");
  expect(clueOf("单位偷偷导入")).toBeUndefined();
});

test("领导只看到办理情况统计,看不到任何一件", async ({ browser }) => {
  const page = await as(browser, "leader");
  await page.getByRole("link", { name: "信访线索" }).click();
  await page.getByRole("navigation", { name: "轮次" }).getByRole("link", { name: new RegExp(`^${round.name}`) }).click();
  const figures = page.getByRole("region", { name: "办理情况统计" });
  await expect(figures).toContainText(/巡[视察]组移交问题线索1件,已办结1件;立案1件,处理2人,其中给予党纪政务处分1人、组织处理1人。/);
  await expect(page.locator("body")).not.toContainText(TITLE);
  await expect(page.locator("body")).not.toContainText("巡视移交线索第9号");
  await expect(page.getByRole("form", { name: "登记信访件或问题线索" })).toHaveCount(0);
  expect((await page.goto(`/clues/${clueId}`))!.status()).toBe(403);
});

test("通报第三部分按登记簿统计:与登记簿的件数、人数一致", async ({ browser }) => {
  const page = await as(browser, "office");
  await page.goto(`/rounds/${round.id}/report`);
  const counts = readDb(
    (db) =>
      db
        .prepare(
          `select count(*) total, sum(stage in ('concluded', 'dismissed')) concluded, sum(stage in ('filed', 'investigation', 'trial', 'concluded')) filed,
           sum(people_handled) people, sum(disciplined) disciplined, sum(organizational) organizational from clues where round_id = ?`,
        )
        .get(round.id) as Record<string, number>,
  );
  await expect(page.getByText(/^三、巡[视察]移交信访件、问题线索办理情况$/)).toBeVisible();
  await expect(
    page.getByText(
      `移交问题线索${counts.total}件,已办结${counts.concluded}件;立案${counts.filed}件,处理${counts.people}人,其中给予党纪政务处分${counts.disciplined}人、组织处理${counts.organizational}人。`,
      { exact: false },
    ),
  ).toBeVisible();
});

test("从 Excel 导入:有错的行逐行说明且不写入,改正后整份导入", async ({ browser }) => {
  const page = await as(browser, "office");
  await page.goto(`/clues?round=${round.id}`);
  await page.getByRole("link", { name: "从 Excel 导入" }).click();
  const csv = (rows: string[]) => ({ name: "线索.csv", mimeType: "text/csv", buffer: Buffer.from(["类别,编号,标题,承办单位,接收日期,办理时限,指定办结日期", ...rows].join("\r\n")) });
  const before = () => readDb((db) => db.prepare("select count(*) from clues where round_id = ?").pluck().get(round.id)) as number;
  const count = before();

  await page.getByLabel("信访件、问题线索文件").setInputFiles(
    csv(["问题线索,巡视移交线索第10号,反映某局违规公款吃喝问题,纪委监委,2026-04-01,6个月,", "信访件,巡视移交信访件第3号,群众反映噪音扰民,不存在的局,2026-04-01,3个月,", "信访件,巡视移交信访件第4号,群众反映路灯不亮,区教育局,2026-04-01,指定日期,"]),
  );
  await page.getByRole("button", { name: "上传并预览" }).click();
  // Next's route announcer is an alert too: take the preview's.
  const errors = page.getByRole("alert").filter({ hasText: "文件有" });
  await expect(errors).toContainText("文件有 2 处错误");
  await expect(errors).toContainText("第 3 行“承办单位”:系统中没有名为“不存在的局”的单位");
  await expect(errors).toContainText("第 4 行“指定办结日期”:办理时限为指定日期时,请填写办结日期");
  await expect(page.getByRole("button", { name: /确认导入/ })).toBeDisabled();
  expect(before()).toBe(count);

  await page.getByLabel("信访件、问题线索文件").setInputFiles(
    csv(["问题线索,巡视移交线索第10号,反映某局违规公款吃喝问题,纪委监委,2026-04-01,6个月,", "信访件,巡视移交信访件第4号,群众反映路灯不亮,区教育局,2026-04-01,指定日期,2026-06-30"]),
  );
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("status").filter({ hasText: "检查无误" })).toHaveText("共 2 件,检查无误,可以导入。");
  await page.getByRole("button", { name: "确认导入 2 件" }).click();
  await expect(page).toHaveURL(new RegExp(`/clues\\?round=${round.id}$`));
  await expect(page.getByRole("link", { name: "巡视移交信访件第4号" })).toBeVisible();
  expect(before()).toBe(count + 2);
  expect(clueOf("巡视移交信访件第4号")).toMatchObject({ stage: "registered", dueDate: "2026-06-30" });
});
