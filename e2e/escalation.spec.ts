import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { cli, expect, readDb, signInAs, test } from "./fixtures";
import { hiddenFieldsOf } from "./support/form-post";
import { csvText } from "./support/ledger-files";
import { dayFromToday } from "./pages/notice-pages";

// 预警升级 end to end, on the e2e server's frozen day. The office records 区教育局's 主要负责人
// as a contact; a round of this spec's own holds late measures; the daily job (run as the
// command line runs it) climbs the ladder; the office finds the drafted 督办单 and issues it
// in one click, and the unit then has the notice. Neither the unit nor a leader can confirm
// a draft, even by posting the office's form by hand.

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** A ledger of the spec's own, imported by the command line, with late measures of two units. */
function importLateRound(prefix: string) {
  const name = `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const tag = name.slice(prefix.length);
  const measures = {
    edu: `新建公办学校并按期开学(${tag})`,
    eduToday: `完成学位建设专项审计(${tag})`,
    xinan: `整治城中村消防隐患(${tag})`,
  };
  const rows = [
    ["1", "一、民生保障方面", "学位供给不足", measures.edu, "区政府副区长 林某", "区教育局", "", chineseDate(dayFromToday(-30)), "未完成", ""],
    ["1", "一、民生保障方面", "学位供给不足", measures.eduToday, "区政府副区长 林某", "区教育局", "", chineseDate(dayFromToday(0)), "未完成", ""],
    ["2", "一、民生保障方面", "城中村安全隐患", measures.xinan, "区委常委、组织部部长 李某", "新安街道", "", chineseDate(dayFromToday(-45)), "未完成", ""],
  ];
  const file = path.join(os.tmpdir(), `escalation-${tag}.csv`);
  fs.writeFileSync(file, csvText(rows));
  try {
    const roundId = (cli(["import", file, "--round", name]) as { roundId: number }).roundId;
    return { roundId, name, measures };
  } finally {
    fs.rmSync(file);
  }
}

const measureId = (roundId: number, text: string) =>
  readDb((db) => db.prepare("select id from measures where round_id = ? and text = ?").pluck().get(roundId, text) as number);
const draftOf = (roundId: number, unit: string) =>
  readDb(
    (db) =>
      db
        .prepare("select d.id, d.state, d.notice_id noticeId from notice_drafts d join units u on u.id = d.unit_id where d.round_id = ? and u.name = ? order by d.id desc")
        .get(roundId, unit) as { id: number; state: string; noticeId: number | null } | undefined,
  );

async function newPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

test("逾期到牵头领导一级时,整改办看到起草好的督办单并一键发出,单位收到督办单;单位和领导无法确认草稿", async ({ browser, baseURL }) => {
  // Four users, three runs of the daily job and an import: more than the default minute.
  test.setTimeout(150_000);
  // The office records 区教育局's 主要负责人 as a contact (no account: to be phoned).
  const office = await newPage(browser, "office");
  await office.goto("/admin/units");
  await office.getByRole("link", { name: "区教育局的负责人" }).click();
  await expect(office.getByRole("heading", { level: 1 })).toHaveText("区教育局 · 单位负责人");
  const heads = office.getByRole("form", { name: "登记单位负责人" });
  await heads.getByLabel("主要负责人登记方式").selectOption({ label: "联系人(无账号,电话联系)" });
  await heads.getByLabel("主要负责人姓名").fill("郑局长");
  await heads.getByLabel("主要负责人电话").fill("打电话");
  await heads.getByRole("button", { name: "保存负责人" }).click();
  await expect(heads.getByLabel("主要负责人电话")).toHaveAccessibleDescription("主要负责人电话格式不正确");
  await heads.getByLabel("主要负责人电话").fill("0755-2779 0000");
  await heads.getByRole("button", { name: "保存负责人" }).click();
  await expect(heads.getByRole("status")).toHaveText("已保存“区教育局”的主要负责人和分管领导");
  await expect(office.getByRole("definition").filter({ hasText: "郑局长" })).toContainText("联系人,无账号,需电话联系 0755-2779 0000");

  // The spec's own late round, then the daily job on the frozen day.
  const round = importLateRound("预警升级");
  const counts = cli(["remind", "--today", dayFromToday(0)]) as { escalated: number; noticeDrafts: number; total: number };
  // Steps that reach contacts send no notification, so only the steps themselves are counted.
  expect(counts.escalated).toBeGreaterThan(0);
  const eduDraft = draftOf(round.roundId, "区教育局")!;
  const xinanDraft = draftOf(round.roundId, "新安街道")!;
  expect([eduDraft.state, xinanDraft.state]).toEqual(["pending", "pending"]);

  // The office finds the draft: the late measure, the level, the request, the reply day.
  await office.goto("/notices");
  await expect(office.getByRole("heading", { name: /^待确认的督办单草稿/ })).toBeVisible();
  const draft = office.getByRole("region", { name: `督办单草稿:区教育局(${round.name})` });
  await expect(draft.getByRole("list", { name: "涉及的整改措施" }).getByRole("link")).toHaveText([`问题1:${round.measures.edu}`]);
  await expect(draft.getByText("督办", { exact: true })).toBeVisible();
  await expect(draft).toContainText("逾期已达 30 天以上仍未完成,已报告牵头领导");
  await expect(draft).toContainText(`回复期限:${dayFromToday(7)}`);

  // By hand, with the office's own form for it: the same post works for the office (on the
  // 新安街道 draft, set aside) and is refused for the unit and for a leader.
  const officeHtml = await (await office.request.get("/notices")).text();
  const formFor = (id: number, button: string) => hiddenFieldsOf(officeHtml, (form) => form.includes(`name="draftId" value="${id}"`) && form.includes(button));
  const dismissed = await office.request.post("/notices", { headers: { origin: baseURL! }, multipart: formFor(xinanDraft.id, "不发出") });
  expect(dismissed.status()).toBe(200);
  expect(draftOf(round.roundId, "新安街道")!.state).toBe("dismissed");
  for (const username of ["jiaoyu", "leader"]) {
    const intruder = await newPage(browser, username);
    await intruder.goto("/notices");
    await expect(intruder.getByRole("heading", { name: "督查督办" })).toBeVisible();
    await expect(intruder.getByRole("heading", { name: /^待确认的督办单草稿/ })).toHaveCount(0);
    const refused = await intruder.request.post("/notices", { headers: { origin: baseURL! }, multipart: formFor(eduDraft.id, "确认发出") });
    expect(refused.status()).toBeLessThan(500);
    expect(draftOf(round.roundId, "区教育局")).toEqual({ ...eduDraft, state: "pending", noticeId: null });
    await intruder.context().close();
  }

  // One click: the notice is issued, numbered, and the office lands on it.
  await draft.getByRole("button", { name: "确认发出给区教育局的督办单" }).click();
  await expect(office).toHaveURL(/\/notices\/\d+$/);
  const number = (await office.getByRole("heading", { level: 1 }).textContent())!;
  expect(number).toMatch(/^督办〔\d{4}〕\d+号$/);
  const noticeId = Number(/\/notices\/(\d+)$/.exec(office.url())![1]);
  expect(draftOf(round.roundId, "区教育局")).toEqual({ id: eduDraft.id, state: "issued", noticeId });
  await expect(office.getByRole("link", { name: round.measures.edu })).toBeVisible();
  await office.goto("/notices");
  await expect(office.getByRole("region", { name: `督办单草稿:区教育局(${round.name})` })).toHaveCount(0);

  // The unit has the notice in its list and opens it.
  const unit = await newPage(browser, "jiaoyu");
  await unit.goto("/notices");
  const row = unit.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("待回复");
  await expect(row).toContainText(round.name);
  await row.getByRole("link", { name: number }).click();
  await expect(unit.getByRole("link", { name: round.measures.edu })).toBeVisible();

  // Each step is on the measure's timeline, with whom it reached.
  await unit.goto(`/measures/${measureId(round.roundId, round.measures.edu)}`);
  const timeline = unit.getByRole("list", { name: "整改历程" });
  await expect(timeline).toContainText("逾期升级:告知牵头领导");
  await expect(timeline).toContainText("联络员 林教育:已站内通知");
  await expect(timeline).toContainText("主要负责人 郑局长:没有可用账号,需电话告知(0755-2779 0000)");
  await expect(timeline).toContainText("牵头领导 林某:没有可用账号,需电话告知");
  await expect(timeline).toContainText("确认发出预警起草的督办单");
  await unit.goto(`/measures/${measureId(round.roundId, round.measures.eduToday)}`);
  await expect(unit.getByRole("list", { name: "整改历程" })).toContainText("预警升级:告知主要负责人");

  // The job run again sends nothing twice and drafts nothing new for this round.
  const steps = () => readDb((db) => db.prepare("select count(*) from escalation_steps s join measures m on m.id = s.measure_id where m.round_id = ?").pluck().get(round.roundId));
  const before = steps();
  cli(["remind", "--today", dayFromToday(0)]);
  expect(steps()).toBe(before);
  expect(readDb((db) => db.prepare("select count(*) from notice_drafts where round_id = ?").pluck().get(round.roundId))).toBe(2);
});

test("整改办在轮次编辑页设置预警升级天数,倒置的设置被拒绝并在字段旁说明", async ({ page }) => {
  const round = importLateRound("预警设置");
  await signInAs(page, "office");
  await page.goto(`/rounds/${round.roundId}/edit`);
  const ladder = page.getByRole("group", { name: "预警升级" });
  await expect(ladder.getByLabel("提醒联络员:完成时限前(天)")).toHaveValue("20");
  await ladder.getByLabel("提醒联络员:完成时限前(天)").fill("15");
  await ladder.getByLabel("告知分管领导:完成时限前(天)").fill("18");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(ladder.getByLabel("告知分管领导:完成时限前(天)")).toHaveAccessibleDescription("告知分管领导不能早于提醒联络员:提前天数不能大于联络员的提前天数");
  await expect(ladder.getByLabel("提醒联络员:完成时限前(天)")).toHaveValue("15");

  await ladder.getByLabel("告知分管领导:完成时限前(天)").fill("7");
  await ladder.getByLabel("告知牵头领导并起草督办单:逾期(天)").fill("60");
  await page.getByRole("button", { name: "保存修改" }).click();
  // Saved: back to the round, which opens on its problem list.
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.roundId}/problems$`));
  const saved = readDb((db) => db.prepare("select liaison_days l, deputy_days d, principal_days p, lead_leader_overdue_days o from escalation_thresholds where round_id = ?").get(round.roundId));
  expect(saved).toEqual({ l: 15, d: 7, p: 0, o: 60 });
  await page.goto(`/rounds/${round.roundId}/edit`);
  await expect(page.getByRole("group", { name: "预警升级" }).getByLabel("告知牵头领导并起草督办单:逾期(天)")).toHaveValue("60");
});
