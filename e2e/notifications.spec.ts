import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { addDays, formatISO, parseISO } from "date-fns";
import type { ReminderCounts } from "../db/queries/reminders";
import { expect, readDb, signInAs, test } from "./fixtures";

// The reminder job run from the command line against the e2e server's database, then the
// unit user's notification centre, and the walls between users. Serial: each step builds
// on the notifications the previous one left.
test.describe.configure({ mode: "serial" });

const databasePath = process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e", "rectify.db");

function remind(today: string): ReminderCounts {
  const output = execFileSync("npm", ["run", "-s", "cli", "--", "remind", "--today", today], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: "utf8",
  });
  return JSON.parse(output.trim());
}

// 区教育局's open measure with the latest deadline; "today" is put 3 days before it, so the
// job owes the bureau a due-soon reminder whatever the real date is.
const target = readDb(
  (db) =>
    db
      .prepare(
        `select m.id, m.text, m.deadline from measures m join units u on u.id = m.lead_unit_id
         where u.name = '区教育局' and m.status != 'completed' and m.deadline is not null order by m.deadline desc limit 1`,
      )
      .get() as { id: number; text: string; deadline: string },
);
const today = formatISO(addDays(parseISO(target.deadline), -3), { representation: "date" });
const jiaoyuNotifications = () =>
  readDb((db) =>
    db
      .prepare("select n.id, n.read_at readAt from notifications n join users u on u.id = n.user_id where u.username = 'jiaoyu' order by n.id")
      .all() as { id: number; readAt: number | null }[],
  );
const bell = (page: Page) => page.getByRole("link", { name: /^通知\(\d+ 条未读\)$/ });

test("命令行 remind 生成提醒并输出各类数量", () => {
  const counts = remind(today);
  expect(counts.today).toBe(today);
  expect(counts.dueSoon).toBeGreaterThan(0);
  expect(counts.total).toBe(counts.dueSoon + counts.overdue + counts.reportMissing + counts.escalationNotifications + counts.digests + counts.clueOverdue + counts.reproofDue);
  const audits = readDb((db) => db.prepare("select count(*) n from audit_log where action = 'reminders.run' and entity_id = ?").get(today));
  expect(audits).toEqual({ n: 1 });
});

test("其他单位的用户通过 API 既读不到也标记不了教育局的通知", async ({ page, baseURL }) => {
  const theirs = jiaoyuNotifications();
  expect(theirs.length).toBeGreaterThan(0);
  await signInAs(page, "xinan");

  const list = await page.request.get("/api/v1/notifications?limit=200");
  expect(list.status()).toBe(200);
  const ids = ((await list.json()).notifications as { id: number }[]).map((n) => n.id);
  expect(ids.filter((id) => theirs.some((n) => n.id === id))).toEqual([]);

  const mark = await page.request.post("/api/v1/notifications/read", {
    data: { ids: theirs.map((n) => n.id) },
    headers: { origin: baseURL! },
  });
  expect(mark.status()).toBe(200);
  expect((await mark.json()).updated).toBe(0);
  // Only the notifications read before: specs running alongside (a return, an appeal's
  // decision) may give 区教育局 new ones meanwhile.
  expect(jiaoyuNotifications().filter((n) => theirs.some((t) => t.id === n.id))).toEqual(theirs);

  const bad = await page.request.post("/api/v1/notifications/read", { data: { ids: ["x"] }, headers: { origin: baseURL! } });
  expect(bad.status()).toBe(422);
  expect(JSON.stringify(await bad.json())).toContain("通知编号应为数字");
  expect((await page.request.get("/api/v1/notifications?limit=abc")).status()).toBe(422);
  // The office's reporting overview is not for units.
  expect((await page.request.get("/api/v1/reporting")).status()).toBe(403);
});

test("教育局用户看到铃铛上的未读数,查看提醒并全部标为已读", async ({ page }) => {
  await signInAs(page, "jiaoyu");
  await expect(bell(page)).toBeVisible();
  const label = await bell(page).getAttribute("aria-label");
  expect(Number(/(\d+) 条未读/.exec(label!)![1])).toBeGreaterThan(0);

  await bell(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "通知", level: 1 })).toBeVisible();
  const item = page
    .getByRole("list", { name: "通知列表" })
    // Exact: the escalation ladder's notices quote the reminder in a longer title.
    .getByRole("listitem", { name: "整改措施还有 3 天到期", exact: true })
    // Other specs import copies of the demo plan: the same text, another measure.
    .filter({ has: page.locator(`a[href="/measures/${target.id}"]`) });
  // Specs running alongside notify 区教育局 too (imports, returns, appeals), so the reminder
  // may be on an earlier page than the first: page back as a user would.
  const earlier = page.getByRole("link", { name: "查看更早的通知" });
  while ((await item.count()) === 0 && (await earlier.count()) > 0) {
    const url = page.url();
    await earlier.click();
    await expect(page).not.toHaveURL(url);
  }
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("link", { name: "整改措施还有 3 天到期" })).toHaveAttribute("href", `/measures/${target.id}`);

  // One by one first, then the rest at once.
  await item.getByRole("button", { name: /标为已读/ }).click();
  await expect(item).toContainText("已读");
  await expect(item.getByRole("button", { name: /标为已读/ })).toHaveCount(0);

  const shown = Math.max(...jiaoyuNotifications().map((n) => n.id));
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page.getByRole("status")).toContainText(/已将 \d+ 条通知标为已读|没有未读的通知/);
  // Everything there was is read; other specs may notify jiaoyu meanwhile (an import
  // assigns 区教育局 new measures), and only those can still be unread.
  const after = jiaoyuNotifications();
  expect(after.filter((n) => n.id <= shown).every((n) => n.readAt !== null)).toBe(true);
  const arrived = after.filter((n) => n.id > shown && n.readAt === null).length;
  expect((await (await page.request.get("/api/v1/notifications/unread-count")).json()).unread).toBe(arrived);
});

test("再次运行 remind 不会重复提醒", async () => {
  // Counted on the demo round only: other specs add rounds (and so new reminders) meanwhile.
  const demoReminders = () =>
    readDb((db) =>
      db
        .prepare(
          `select count(*) from notifications where kind in ('due_soon', 'overdue', 'report_missing')
           and link in (select '/measures/' || id from measures where round_id = (select min(id) from rounds))`,
        )
        .pluck()
        .get(),
    ) as number;
  remind(today);
  const before = demoReminders();
  expect(before).toBeGreaterThan(0);
  remind(today);
  expect(demoReminders()).toBe(before);
});

test("整改办在定期报送页一键提醒未报送的单位", async ({ page }) => {
  // The demo round asks for weekly reports; 新安街道's open measures were last reported
  // weeks before the seed day, so it is behind in every cycle.
  const demoRound = readDb((db) => db.prepare("select name from rounds order by id limit 1").get() as { name: string }).name;
  await signInAs(page, "office");
  await page.goto("/reporting");
  await expect(page.getByRole("heading", { name: "定期报送", level: 1 })).toBeVisible();
  // Exact: other specs create rounds whose names begin with the demo round's.
  const section = page.getByRole("region", { name: demoRound, exact: true });
  const row = section.getByRole("row").filter({ hasText: "新安街道" });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "提醒新安街道" }).click();
  await expect(row.getByRole("status")).toHaveText(/^(已向 1 个单位发送 1 条提醒|该单位本周期已提醒过,未重复发送)$/);
  await expect(row).toContainText("已提醒(");

  page.once("dialog", (dialog) => void dialog.accept());
  const all = section.locator("form").filter({ has: page.getByRole("button", { name: /的全部未报送单位$/ }) });
  await all.getByRole("button").click();
  await expect(all.getByRole("status")).toContainText(/已向 \d+ 个单位发送 \d+ 条提醒|未重复发送/);
  // Asked again, nothing more is sent to 新安街道 this cycle.
  await row.getByRole("button", { name: "提醒新安街道" }).click();
  await expect(row.getByRole("status")).toHaveText("该单位本周期已提醒过,未重复发送");
});
