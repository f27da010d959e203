import { expect, readDb, signInAs, test } from "./fixtures";

// Issue 15 item 4: a unit clicks 提交, the server stores the report but the answer is lost on
// the way back (a dropped connection, a proxy timeout); the form says the network failed, the
// unit clicks 提交 again. The form resends the draft's idempotency key, so the server answers
// with the report it already has: exactly one report exists.

const pdf = (label: string) => ({
  name: `佐证-${label}.pdf`,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
});

function openMeasureOfJiaoyu(): number {
  return readDb(
    (db) =>
      db
        .prepare(
          `select m.id from measures m join units u on u.id = m.lead_unit_id
           where u.name = '区教育局' and m.status = 'incomplete' order by m.id limit 1`,
        )
        .pluck()
        .get() as number,
  );
}

const reportsWith = (marker: string) =>
  readDb((db) => db.prepare("select text from progress_reports where text like ? order by id").pluck().all(`%${marker}%`) as string[]);

test("提交后应答丢失,再次点击提交只保存一份报送;成功后的新报送另起一份", async ({ page }) => {
  const measureId = openMeasureOfJiaoyu();
  const marker = `重试测试${Date.now().toString(36)}`;
  await signInAs(page, "jiaoyu");
  await page.goto(`/measures/${measureId}`);

  // The first post reaches the server and is handled; its answer never reaches the browser.
  let posts = 0;
  let firstHandled = 0;
  await page.route(`**/api/v1/measures/${measureId}/progress`, async (route) => {
    posts++;
    if (posts === 1) {
      firstHandled = (await route.fetch()).status();
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });

  const form = page.getByRole("form", { name: "报送整改进展" });
  await form.getByLabel("整改进展").fill(`${marker}:完成第一轮排查,会议纪要见附件`);
  await form.getByLabel("佐证材料").setInputFiles([pdf(marker)]);
  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.getByRole("alert")).toHaveText("网络连接中断,文件未上传,请重试");
  expect(firstHandled).toBe(200);
  expect(reportsWith(marker)).toHaveLength(1);

  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.getByRole("status")).toHaveText("已报送整改进展");
  expect(posts).toBe(2);
  expect(reportsWith(marker)).toEqual([`${marker}:完成第一轮排查,会议纪要见附件`]);
  const evidence = readDb(
    (db) =>
      db
        .prepare("select count(*) from evidence_files e join progress_reports p on p.id = e.progress_report_id where p.text like ?")
        .pluck()
        .get(`%${marker}%`) as number,
  );
  expect(evidence).toBe(1);

  // After a success the form is a new draft: the next 提交 is a new report, not a repeat.
  await form.getByLabel("整改进展").fill(`${marker}:第二次报送,完成整改复查`);
  await form.getByRole("button", { name: "提交" }).click();
  await expect(page.locator('li[id^="report-"]').filter({ hasText: `${marker}:第二次报送` })).toBeVisible();
  expect(reportsWith(marker)).toEqual([`${marker}:完成第一轮排查,会议纪要见附件`, `${marker}:第二次报送,完成整改复查`]);
});
