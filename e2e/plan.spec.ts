import type { Locator, Page } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";

// One story, in order: the office creates a round and enters its plan by hand, checks it
// in the task list, edits, reorders and deletes; two tabs editing one measure conflict
// without losing anything; a leader may not open the editor.
test.describe.configure({ mode: "serial" });

const suffix = Date.now().toString(36);
const roundName = `市委第三巡察组巡察区教育局反馈意见整改${suffix}`;
const first = { aspect: "党的领导弱化方面", title: "落实意识形态工作责任制不到位" };
const second = { aspect: "全面从严治党不力方面", title: "政府采购管理不规范" };
const measureA = "制定意识形态工作责任清单,每季度专题研究一次";
const measureB = "开展意识形态阵地排查,建立问题台账";
let roundId = 0;

const auditStart = () => readDb((db) => (db.prepare("select coalesce(max(id), 0) n from audit_log").get() as { n: number }).n);

async function accept(page: Page, expected: RegExp): Promise<string> {
  return new Promise((resolve) => {
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toMatch(expected);
      resolve(dialog.message());
      void dialog.accept();
    });
  });
}

async function addMeasure(page: Page, problem: Locator, fields: { text: string; coUnits: string[]; deadline: string }) {
  await problem.getByRole("link", { name: /新增整改措施/ }).click();
  const form = page.getByRole("form", { name: "新增整改措施" });
  await form.getByLabel("整改措施").fill(fields.text);
  await form.getByLabel("牵头单位").selectOption({ label: "— 区教育局" });
  const coUnits = form.getByRole("group", { name: "配合单位" });
  for (const unit of fields.coUnits) await coUnits.getByLabel(unit, { exact: true }).check();
  await form.getByLabel("完成时限").fill(fields.deadline);
  await form.getByRole("button", { name: "新增整改措施" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/plan#measure-\\d+$`));
}

const measureTexts = (problem: Locator) => problem.getByRole("row").locator("td:nth-child(2)").allTextContents();

test("整改办新建轮次,手工录入方面、问题和整改措施,修改、排序、删除都留痕", async ({ page }) => {
  await signInAs(page, "office");
  const startId = auditStart();

  await page.goto("/rounds/new");
  await page.getByLabel("轮次名称").fill(roundName);
  await page.getByLabel("巡视(察)组").fill("市委第三巡察组");
  await page.getByLabel("被巡视(察)单位").fill("区教育局");
  await page.getByLabel("反馈日期").fill("2026-03-01");
  await page.getByRole("button", { name: "创建轮次" }).click();
  await expect(page).toHaveURL(/\/rounds\/\d+/);
  roundId = Number(/\/rounds\/(\d+)/.exec(page.url())![1]);

  await page.goto(`/rounds/${roundId}/plan`);
  await expect(page.getByText("本轮还没有录入整改方案")).toBeVisible();

  const aspectForm = page.getByRole("form", { name: "新增方面" });
  for (const name of [first.aspect, second.aspect]) {
    await aspectForm.getByLabel("方面名称").fill(name);
    await aspectForm.getByRole("button", { name: "新增方面" }).click();
    await expect(aspectForm.getByRole("status")).toHaveText(`已新增方面“${name}”`);
  }
  await expect(page.getByRole("heading", { level: 3 }).filter({ hasText: "、" })).toHaveText([`一、${first.aspect}`, `二、${second.aspect}`]);

  // A problem: an empty title and then a number already taken are refused beside the field.
  const problemForm = page.getByRole("form", { name: "新增问题" });
  await expect(problemForm.getByLabel("问题序号")).toHaveValue("1");
  await problemForm.getByLabel("所属方面").selectOption({ label: first.aspect });
  await problemForm.getByLabel("牵头领导").fill("李副区长");
  await problemForm.getByRole("button", { name: "新增问题" }).click();
  await expect(problemForm.getByLabel("问题标题")).toHaveAttribute("aria-invalid", "true");
  await expect(problemForm.locator("#title-error")).toHaveText("请输入问题标题");
  await expect(problemForm.getByLabel("牵头领导")).toHaveValue("李副区长");
  await problemForm.getByLabel("问题标题").fill(first.title);
  await problemForm.getByLabel("牵头单位").selectOption({ label: "— 区教育局" });
  await problemForm.getByRole("button", { name: "新增问题" }).click();
  await expect(problemForm.getByRole("status")).toHaveText(`已新增第 1 号问题“${first.title}”`);

  await problemForm.getByLabel("问题序号").fill("1");
  await problemForm.getByLabel("问题标题").fill(second.title);
  await problemForm.getByLabel("所属方面").selectOption({ label: second.aspect });
  await problemForm.getByRole("button", { name: "新增问题" }).click();
  await expect(problemForm.locator("#number-error")).toHaveText("本轮已有第 1 号问题,请换一个序号");
  await expect(problemForm.getByLabel("问题序号")).toHaveAttribute("aria-describedby", "number-error");
  await expect(problemForm.getByLabel("问题标题")).toHaveValue(second.title);
  await problemForm.getByLabel("问题序号").fill("2");
  await problemForm.getByRole("button", { name: "新增问题" }).click();
  await expect(problemForm.getByRole("status")).toHaveText(`已新增第 2 号问题“${second.title}”`);

  const problem1 = page.getByRole("article", { name: `1. ${first.title}` });
  await expect(page.getByRole("region", { name: `二、${second.aspect}` }).getByRole("article", { name: `2. ${second.title}` })).toBeVisible();
  await addMeasure(page, problem1, { text: measureA, coUnits: ["区委宣传部", "区财政局"], deadline: "2026年12月底,并长期坚持" });
  await addMeasure(page, problem1, { text: measureB, coUnits: ["新安街道"], deadline: "2026年9月底" });
  const ids = readDb((db) => {
    const of = (table: string) =>
      (db.prepare(`select id from ${table} where round_id = ?`).all(roundId) as { id: number }[]).map((r) => String(r.id));
    return { aspect: of("aspects"), problem: of("problems"), measure: of("measures") };
  });
  expect([ids.aspect.length, ids.problem.length, ids.measure.length]).toEqual([2, 2, 2]);
  const rowA = problem1.getByRole("row", { name: new RegExp(measureA) });
  await expect(rowA).toContainText("区委宣传部、区财政局");
  await expect(rowA).toContainText("2026-12-31");
  await expect(rowA).toContainText("长期坚持");

  // The task list shows what was entered.
  await page.goto(`/rounds/${roundId}/tasks`);
  const taskRow = page.getByRole("row", { name: new RegExp(measureA) });
  await expect(taskRow).toContainText("2026-12-31");
  await expect(taskRow).toContainText("2026年12月底,并长期坚持");
  await expect(taskRow).toContainText("长期坚持");
  await expect(page.getByRole("row", { name: new RegExp(measureB) })).toContainText("2026-09-30");

  // Edit measure 1.1's deadline.
  await page.goto(`/rounds/${roundId}/plan`);
  await problem1.getByRole("link", { name: "编辑整改措施 1.1" }).click();
  const editForm = page.getByRole("form", { name: "编辑整改措施" });
  await expect(editForm.getByLabel("完成时限")).toHaveValue("2026年12月底,并长期坚持");
  await expect(editForm.getByRole("group", { name: "配合单位" }).getByLabel("区财政局", { exact: true })).toBeChecked();
  await editForm.getByLabel("完成时限").fill("2027年6月底");
  await editForm.getByRole("button", { name: "保存整改措施" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/plan#measure-\\d+$`));
  await expect(rowA).toContainText("2027-06-30");
  await expect(rowA).toContainText("限定日期");

  // Reorder: 1.1 moves down.
  expect(await measureTexts(problem1)).toEqual([measureA, measureB]);
  await problem1.getByRole("button", { name: "下移整改措施 1.1" }).click();
  await expect.poll(() => measureTexts(problem1)).toEqual([measureB, measureA]);

  // Delete measure 1.1 (now measureB), then the problem with the one left.
  let dialog = accept(page, /确定删除整改措施 1\.1/);
  await problem1.getByRole("button", { name: "删除整改措施 1.1" }).click();
  await dialog;
  await expect.poll(() => measureTexts(problem1)).toEqual([measureA]);

  dialog = accept(page, /其下 1 项整改措施将一并删除/);
  await problem1.getByRole("button", { name: "删除第 1 号问题" }).click();
  await dialog;
  await expect(problem1).toHaveCount(0);
  await expect(page.getByRole("region", { name: `一、${first.aspect}` })).toContainText("本方面下还没有问题");

  // One audit row per action, and nothing for the refused attempts.
  const actions = readDb(
    (db) =>
      db
        .prepare("select action, entity, entity_id, before from audit_log where id > ? and entity in ('aspect', 'problem', 'measure') order by id")
        .all(startId) as { action: string; entity: "aspect" | "problem" | "measure"; entity_id: string; before: string | null }[],
  ).filter((r) => ids[r.entity].includes(r.entity_id));
  expect(actions.map((r) => r.action)).toEqual([
    "aspect.create",
    "aspect.create",
    "problem.create",
    "problem.create",
    "measure.create",
    "measure.create",
    "measure.update",
    "measure.move",
    "measure.delete",
    "problem.delete",
  ]);
  const deleted = JSON.parse(actions.at(-1)!.before!) as { title: string; measures: { text: string }[] };
  expect(deleted.title).toBe(first.title);
  expect(deleted.measures.map((m) => m.text)).toEqual([measureA]);
});

test("两个标签页编辑同一整改措施:后保存的一方被告知冲突,双方的内容都不丢", async ({ page }) => {
  await signInAs(page, "office");
  await page.goto(`/rounds/${roundId}/plan`);
  const problem2 = page.getByRole("article", { name: `2. ${second.title}` });
  await addMeasure(page, problem2, { text: "规范政府采购流程", coUnits: ["区财政局"], deadline: "按序时进度推进" });

  const other = await page.context().newPage();
  for (const tab of [page, other]) {
    await tab.goto(`/rounds/${roundId}/plan`);
    await tab.getByRole("link", { name: "编辑整改措施 2.1" }).click();
  }
  const mine = page.getByRole("form", { name: "编辑整改措施" });
  const theirs = other.getByRole("form", { name: "编辑整改措施" });
  await mine.getByLabel("整改目标").fill("采购流程全部上线");
  await mine.getByRole("button", { name: "保存整改措施" }).click();
  await expect(page).toHaveURL(/#measure-\d+$/);

  await theirs.getByLabel("整改措施").fill("规范政府采购流程,建立采购内控制度");
  await theirs.getByRole("button", { name: "保存整改措施" }).click();
  await expect(theirs.getByRole("alert")).toHaveText("该事项已被他人修改,请刷新后重试");
  await expect(theirs.getByLabel("整改措施")).toHaveValue("规范政府采购流程,建立采购内控制度");

  const stored = readDb((db) => db.prepare("select text, goal, version from measures where round_id = ? and text like '规范政府采购%'").get(roundId));
  expect(stored).toEqual({ text: "规范政府采购流程", goal: "采购流程全部上线", version: 2 });

  // After refreshing, the second editor sees the first one's change and can save on top.
  await other.reload();
  await expect(theirs.getByLabel("整改目标")).toHaveValue("采购流程全部上线");
  await theirs.getByLabel("整改措施").fill("规范政府采购流程,建立采购内控制度");
  await theirs.getByRole("button", { name: "保存整改措施" }).click();
  await expect(other.getByRole("row", { name: /建立采购内控制度/ })).toContainText("按序时推进");
  await other.close();
});

test("方面下还有问题时不能删除,并提示先移走问题", async ({ page }) => {
  await signInAs(page, "office");
  await page.goto(`/rounds/${roundId}/plan`);
  const region = page.getByRole("region", { name: `二、${second.aspect}` });
  await region.getByRole("button", { name: `删除方面“${second.aspect}”` }).click();
  await expect(region.getByRole("alert")).toContainText("下还有 1 个问题,不能删除");
});

test("领导打开录入方案得到 403", async ({ page }) => {
  await signInAs(page, "leader");
  for (const path of [`/rounds/${roundId}/plan`, `/rounds/${roundId}/plan/problems/1`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  }
});
