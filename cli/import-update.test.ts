import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run cli -- import <file> --round <name> --update`, run as the operator runs it, on a
// temp database seeded with the demo: one JSON line with the counts, or a Chinese error and
// exit code 1 with the database unchanged.
const TODAY = "2026-11-21";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-cli-update-"));
process.env.DATABASE_PATH = path.join(dir, "rectify.db");
const { db } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const { exportLedger } = await import("@/server/ledger-transfer");
const { parseListFilter } = await import("@/lib/validations/list-filter");

let round = { id: 0, name: "" };
const exportFile = path.join(dir, "台账.xlsx");
const editedFile = path.join(dir, "台账-已更新.xlsx");

function cli(args: string[]) {
  const run = spawnSync("npm", ["run", "-s", "cli", "--", ...args], {
    env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH, RECTIFY_TODAY: TODAY },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}
const statuses = () => db.$client.prepare("select status, count(*) n from measures where round_id = ? group by status order by status").all(round.id);

beforeAll(async () => {
  await seedDemo(db, TODAY);
  round = db.$client.prepare("select id, name from rounds order by id limit 1").get() as typeof round;
  const { buffer } = await exportLedger({ roundId: round.id, filter: parseListFilter({}), today: TODAY });
  fs.writeFileSync(exportFile, buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exportFile);
  const sheet = workbook.worksheets[0]!;
  let [statusEdits, deadlineEdited] = [0, false];
  sheet.eachRow((row, n) => {
    if (n < 3 || row.getCell(9).value !== "未完成") return;
    if (statusEdits < 3) {
      row.getCell(9).value = "已完成";
      statusEdits += 1;
    } else if (!deadlineEdited) {
      row.getCell(8).value = "2027年6月底";
      deadlineEdited = true;
    }
  });
  await workbook.xlsx.writeFile(editedFile);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each run starts a Node process with tsx (~3 s on a quiet machine).
describe("import --update", { timeout: 90_000 }, () => {
  it("refuses a plain import into a round with a plan, naming --update", () => {
    const run = cli(["import", exportFile, "--round", round.name]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^错误:该轮次已有 17 个问题.*--update/);
  });

  it("previews with --dry-run, applies, prints the counts, and then has nothing left to do", () => {
    const before = statuses();
    const dry = cli(["import", editedFile, "--round", round.name, "--update", "--dry-run"]);
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ roundId: round.id, added: 0, changed: 1, statusChanges: 3, missing: 0 });
    expect(statuses()).toEqual(before);

    const run = cli(["import", editedFile, "--round", round.name, "--update"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ roundId: round.id, added: 0, changed: 1, statusChanges: 3, missing: 0 });
    expect(statuses()).not.toEqual(before);

    const again = cli(["import", editedFile, "--round", round.name, "--update"]);
    expect(again).toMatchObject({ status: 1, stdout: "", stderr: "错误:文件与本轮次台账没有需要更新的差异,未更新" });
  });

  it("refuses an unknown round and --split-measures", () => {
    expect(cli(["import", editedFile, "--round", "没有这个轮次", "--update"])).toMatchObject({ status: 1, stderr: expect.stringMatching(/未找到轮次“没有这个轮次”/) });
    expect(cli(["import", editedFile, "--round", round.name, "--update", "--split-measures"])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/不能同时使用 --split-measures/),
    });
  });
});
