import type { Status } from "../lib/domain";
import { STATUS_LABELS } from "../lib/domain";
import { problemStatus } from "../lib/status";
import { expect, readDb, signInAs, test } from "./fixtures";

// 回头看: the office re-checks a completed measure of 区教育局 and finds it has relapsed;
// the measure is reopened, the ledger and the problem's roll-up follow, the unit is told,
// and the reopening is in the audit log.

// The server's "today": frozen by playwright.config.ts (RECTIFY_TODAY), else Beijing's date.
const serverToday = () => process.env.RECTIFY_TODAY ?? new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

interface Target {
  id: number;
  text: string;
  roundId: number;
  problemId: number;
  problemTitle: string;
}

/** A completed measure led by 区教育局 with no look-back pending, and its problem. */
function completedMeasureOfJiaoyu(): Target {
  return readDb(
    (db) =>
      db
        .prepare(
          `select m.id, m.text, m.round_id roundId, p.id problemId, p.title problemTitle
           from measures m join problems p on p.id = m.problem_id join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.status = 'completed'
             and not exists (select 1 from look_backs l where l.measure_id = m.id and l.result is null)
           order by m.id limit 1`,
        )
        .get() as Target,
  );
}

const siblingStatuses = (problemId: number) =>
  readDb((db) => db.prepare("select id, status from measures where problem_id = ?").all(problemId) as { id: number; status: Status }[]);
const completedMeasures = (roundId: number) =>
  readDb((db) => (db.prepare("select count(*) n from measures where round_id = ? and status = 'completed'").get(roundId) as { n: number }).n);

test.describe("回头看发现反弹", () => {
  test.describe.configure({ mode: "serial" });

  test("整改办安排回头看、记录反弹:措施重新打开,台账与问题汇总随之变化,单位收到通知,日志可查", async ({ page }) => {
    const target = completedMeasureOfJiaoyu();
    expect(target).toBeTruthy();
    const today = serverToday();
    const key = target.text.slice(0, 20);
    const siblings = siblingStatuses(target.problemId);
    const doneBefore = siblings.filter((s) => s.status === "completed").length;
    const problemAfter = problemStatus(siblings.map((s) => (s.id === target.id ? "incomplete" : s.status)));
    const completedBefore = completedMeasures(target.roundId);

    await signInAs(page, "office");

    // 待安排 → schedule for today: it lands among the look-backs due today.
    await page.goto(`/look-backs?view=unscheduled&round=${target.roundId}`);
    const awaiting = page.getByRole("table", { name: "待安排" }).getByRole("row").filter({ hasText: key });
    await expect(awaiting).toHaveCount(1);
    await awaiting.getByLabel("回头看日期").fill(today);
    await awaiting.getByRole("button", { name: "安排回头看" }).click();
    await expect(page.getByRole("status")).toHaveText(`已安排 ${today} 的回头看。`);
    await expect(page.getByRole("link", { name: /到期待查/ })).toHaveAttribute("aria-current", "page");

    // 到期待查 → record 反弹 with the reason, confirming the reopening.
    const due = page.getByRole("table", { name: "到期待查" }).getByRole("row").filter({ hasText: key });
    await expect(due).toHaveCount(1);
    await due.getByRole("radio", { name: "反弹" }).check();
    await due.getByRole("button", { name: "记录结果" }).click();
    await expect(due.getByText("反弹时须填写情况说明(将作为重新打开的原因)")).toBeVisible();
    await due.getByRole("radio", { name: "反弹" }).check();
    await due.getByLabel(/情况说明/).fill("复查发现学位建设进度滞后,问题出现反复");
    page.once("dialog", (dialog) => void dialog.accept());
    await due.getByRole("button", { name: "记录结果" }).click();
    await expect(page.getByRole("status")).toContainText("已记录回头看结果:反弹。该措施已重新打开为未完成");
    const checked = page.getByRole("table", { name: "已查结果" }).getByRole("row").filter({ hasText: key });
    await expect(checked).toContainText("复查发现学位建设进度滞后,问题出现反复");
    await expect(checked).toContainText("未完成");

    // The ledger shows the measure 未完成 again, and the round's counts moved with it.
    await page.goto(`/rounds/${target.roundId}/ledger?q=${encodeURIComponent(key)}`);
    const ledgerRow = page.getByRole("table", { name: "整改台账" }).getByRole("row").filter({ hasText: key });
    await expect(ledgerRow).toContainText(STATUS_LABELS.incomplete);
    await expect(page.getByText(`目前已完成${completedBefore - 1}项`)).toBeVisible();

    // The problem's roll-up: one measure fewer done, status as lib/status.ts rolls it up.
    await page.goto(`/rounds/${target.roundId}/problems?q=${encodeURIComponent(target.problemTitle)}`);
    const problemRow = page.getByRole("table", { name: "问题清单" }).getByRole("row").filter({ hasText: target.problemTitle });
    await expect(problemRow).toContainText(`${doneBefore - 1}/${siblings.length}`);
    await expect(problemRow).toContainText(STATUS_LABELS[problemAfter]);
    expect(readDb((db) => (db.prepare("select status from problems where id = ?").get(target.problemId) as { status: Status }).status)).toBe(problemAfter);

    // 区教育局's liaison has exactly one relapse notification, pointing at the measure.
    const notifications = readDb((db) =>
      db
        .prepare("select n.link from notifications n join users u on u.id = n.user_id where u.username = 'jiaoyu' and n.kind = 'relapsed'")
        .all(),
    );
    expect(notifications).toEqual([{ link: `/measures/${target.id}` }]);

    // The audit log, filtered to reopenings, shows it.
    await page.goto("/audit");
    const filters = page.getByRole("search", { name: "筛选" });
    await filters.getByRole("combobox", { name: /^操作/ }).selectOption("measure.reopen");
    await filters.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/action=measure\.reopen/);
    const auditRow = page.getByRole("table", { name: "操作日志" }).getByRole("row").filter({ has: page.locator(`a[href="/measures/${target.id}"]`) });
    await expect(auditRow).toHaveCount(1);
    await expect(auditRow).toContainText("重新打开");
    await expect(auditRow).toContainText("陈整改");
    await expect(auditRow).toContainText("已完成 → 未完成");
  });

  test("不能为未完成且非长期坚持的措施安排回头看(API),提示中文原因", async ({ page, baseURL }) => {
    const measure = readDb(
      (db) => db.prepare("select id from measures where status = 'incomplete' and deadline_kind = 'date' order by id limit 1").get() as { id: number },
    );
    await signInAs(page, "office");
    const response = await page.request.post(`/api/v1/measures/${measure.id}/look-backs`, {
      data: { scheduledDate: serverToday() },
      headers: { origin: baseURL! },
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.message).toBe("只有已完成或“并长期坚持”的整改措施才能安排回头看");
  });
});

test.describe("回头看与操作日志只对整改办开放", () => {
  for (const path of ["/audit", "/look-backs"]) {
    test(`领导打开 ${path} 得到 403`, async ({ page }) => {
      await signInAs(page, "leader");
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    });
  }

  test("责任单位打开 /audit 得到 403,调用回头看 API 同样被拒绝", async ({ page, baseURL }) => {
    await signInAs(page, "jiaoyu");
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    expect((await page.request.get("/api/v1/look-backs")).status()).toBe(403);
    const write = await page.request.post("/api/v1/look-backs/1/result", {
      data: { result: "relapsed", note: "单位自行记录" },
      headers: { origin: baseURL! },
    });
    expect(write.status()).toBe(403);
  });
});
