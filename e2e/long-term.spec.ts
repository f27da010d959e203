import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { e2eDatabasePath, expect, readDb, signInAs, test } from "./fixtures";
import { dayFromToday } from "./pages/notice-pages";
import { importBaoanRound } from "./support/own-round";
import { addMonths } from "../lib/reproof";

// 并长期坚持 (issue 18 part 4): a long-term measure of 区教育局, once signed off, must prove
// itself again at the interval the office sets for it (quarterly by default). The office sets
// half-yearly, the spec moves the accepted proof back seven months in the database (time is
// controlled, never slept), sees the re-proof due in 催报, chases the unit with a 督办单, the
// unit supplies evidence through the ordinary report (marked 复证 in the queue), and the
// office's sign-off moves the next due date half a year on. In a round of its own.
test.describe.configure({ mode: "serial" });

let round = { id: 0, name: "", measures: 0 };
let measure = { id: 0, text: "" };
test.beforeAll(() => {
  round = importBaoanRound("长期坚持复证");
  measure = readDb(
    (db) =>
      db
        .prepare(
          `select m.id, m.text from measures m join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.deadline_kind = 'ongoing' and m.round_id = ? order by m.id limit 1`,
        )
        .get(round.id) as { id: number; text: string },
  );
});

const pdf = (label: string) => ({ name: `复证${label}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`) });

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  return page;
}

async function claimCompleted(unit: Page, text: string) {
  await unit.goto(`/measures/${measure.id}`);
  const form = unit.getByRole("form", { name: "报送整改进展" });
  await form.getByLabel("整改进展").fill(text);
  await form.getByRole("radio", { name: "已完成" }).check();
  await form.getByLabel("佐证材料").setInputFiles([pdf(text.slice(0, 4))]);
  await form.getByRole("button", { name: "提交" }).click();
  await expect(unit.getByRole("main").getByRole("status")).toHaveText("已提交申报,等待整改办对账销号");
}

async function signOff(office: Page) {
  await office.goto(`/review?round=${round.id}`);
  await office.getByRole("checkbox", { name: new RegExp(`选择 .*${measure.text.slice(0, 10)}`) }).check();
  office.once("dialog", (dialog) => void dialog.accept());
  await office.getByRole("button", { name: "批量销号(1)" }).click();
  await expect(office.getByRole("main").getByRole("status")).toHaveText("已批量销号 1 项申报");
}

/** Moves the measure's accepted proofs back to `day`, as if a quarter and more had passed. */
function provedOn(day: string) {
  const db = new Database(e2eDatabasePath());
  try {
    db.prepare("update progress_reports set report_date = ? where measure_id = ? and is_claim = 1 and review_state = 'signed_off'").run(day, measure.id);
  } finally {
    db.close();
  }
}

test("长期坚持措施复证到期:催报中列出,整改办发督办单催办,单位报送佐证,销号后顺延下次复证日期", async ({ browser }) => {
  expect(measure?.id, "本轮有区教育局牵头的长期坚持措施").toBeGreaterThan(0);
  const unit = await as(browser, "jiaoyu");
  const office = await as(browser, "office");

  // The first proof: completed and signed off today, so the next falls due in a quarter.
  await claimCompleted(unit, "学位建设任务完成,建立长效机制。");
  await signOff(office);
  await office.goto(`/measures/${measure.id}`);
  await expect(office.getByText(`上次 ${dayFromToday(0)}`)).toBeVisible();
  await expect(office.getByText("长期坚持复证(每季度)")).toBeVisible();

  // The office asks this measure for proof every half year instead.
  await office.goto(`/rounds/${round.id}/plan/measures/${measure.id}`);
  const edit = office.getByRole("form", { name: "编辑整改措施" });
  await edit.getByLabel("长期坚持复证周期").selectOption({ label: "每半年" });
  await edit.getByRole("button", { name: "保存整改措施" }).click();
  await expect(office).toHaveURL(new RegExp(`/rounds/${round.id}/plan#measure-${measure.id}$`));
  await office.goto(`/measures/${measure.id}`);
  await expect(office.getByText("长期坚持复证(每半年)")).toBeVisible();
  await expect(office.getByText(addMonths(dayFromToday(0), 6))).toBeVisible();
  const row = () => office.getByRole("region", { name: /长期坚持措施待复证/ }).getByRole("row").filter({ hasText: round.name }).filter({ hasText: measure.text.slice(0, 20) });
  await office.goto("/reporting");
  await expect(row()).toHaveCount(0);

  // Seven months on (in the database): the half-yearly re-proof is overdue and 催报 lists it.
  provedOn("2026-04-01");
  await office.goto("/reporting");
  await expect(row()).toContainText("2026-10-01(已到期)");
  await expect(row()).toContainText("每半年");
  await expect(row()).toContainText("区教育局");

  // The office chases 区教育局 with a 督办单, the round and unit already chosen.
  await row().getByRole("link", { name: /催区教育局复证/ }).click();
  await expect(office).toHaveURL(new RegExp(`/notices/new\\?round=${round.id}&unit=\\d+$`));
  const form = office.getByRole("form", { name: "发督办单" });
  await form.getByRole("group", { name: "涉及的整改措施" }).getByLabel(measure.text).check();
  await form.getByLabel("督办等级").selectOption({ label: "提醒" });
  await form.getByLabel("回复期限").fill(dayFromToday(7));
  await form.getByLabel("督办要求").fill("请报送本季度长期坚持措施的复证佐证材料");
  await form.getByRole("button", { name: "发出督办单" }).click();
  await expect(office).toHaveURL(/\/notices\/\d+$/);

  // The unit sees it in 我的任务 (other rounds hold measures of the same text) and supplies the proof through the ordinary report.
  await unit.goto("/my-tasks");
  await expect(unit.getByRole("listitem").filter({ has: unit.locator(`a[href="/measures/${measure.id}"]`) })).toContainText("长期坚持待复证:请于 2026-10-01 前报送");
  await claimCompleted(unit, "长效机制持续执行,附最新台账。");
  // Not yet accepted: still due. The queue marks the claim as a re-proof, not a first completion.
  await office.goto("/reporting");
  await expect(row()).toContainText("已到期");
  await office.goto(`/review?round=${round.id}`);
  await expect(office.getByRole("row").filter({ hasText: measure.text.slice(0, 20) })).toContainText("已完成复证");

  await signOff(office);
  await office.goto(`/measures/${measure.id}`);
  await expect(office.getByText(`上次 ${dayFromToday(0)}`)).toBeVisible();
  await expect(office.getByText(addMonths(dayFromToday(0), 6))).toBeVisible();
  // The timeline marks the re-proof, and not the first completion.
  const claim = (text: string) => office.getByRole("listitem").filter({ hasText: "申报已完成 · 已销号" }).filter({ hasText: text });
  await expect(claim("长效机制持续执行").getByTitle("长期坚持措施的定期复证")).toHaveText("复证");
  await expect(claim("学位建设任务完成")).toHaveCount(1);
  await expect(claim("学位建设任务完成").getByTitle("长期坚持措施的定期复证")).toHaveCount(0);
  await office.goto("/reporting");
  await expect(row()).toHaveCount(0);
  await unit.goto("/my-tasks");
  await expect(unit.getByRole("listitem").filter({ has: unit.locator(`a[href="/measures/${measure.id}"]`) })).not.toContainText("待复证");
});
