import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run cli -- archive …` and `verify-archive …`, run as the operator runs them on a temp
// database seeded with the demo: one JSON line of the documented shape; a tampered package
// answers ok:false naming the file, on stdout, with the reasons in Chinese on stderr and exit 1.
const TODAY = "2026-11-21";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-cli-archive-"));
process.env.DATABASE_PATH = path.join(dir, "rectify.db");
const { db } = await import("@/db");
const { seedDemo } = await import("@/db/seed");

let roundName = "";
const out = path.join(dir, "归档包.zip");

function cli(args: string[]) {
  const run = spawnSync("npm", ["run", "-s", "cli", "--", ...args], {
    env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH, RECTIFY_TODAY: TODAY },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

beforeAll(async () => {
  await seedDemo(db, TODAY);
  roundName = db.$client.prepare("select name from rounds order by id limit 1").pluck().get() as string;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cli archive and verify-archive", () => {
  it("archive prints roundId, out, files, bytes and sha256; verify-archive prints ok and the same count", () => {
    const archived = cli(["archive", "--round", roundName, "--out", out]);
    expect(archived.status).toBe(0);
    const result = JSON.parse(archived.stdout);
    expect(Object.keys(result)).toEqual(["roundId", "out", "files", "bytes", "sha256"]);
    expect(result).toMatchObject({ out, bytes: fs.statSync(out).size });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    const verified = cli(["verify-archive", out]);
    expect(verified.status).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({ ok: true, files: result.files });
  });

  it("verify-archive names the altered file and exits 1", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const target = "06-回头看/回头看记录.html";
    zip.file(target, (await zip.file(target)!.async("string")).replace("回头看", "回头看 "));
    const tampered = path.join(dir, "改过.zip");
    fs.writeFileSync(tampered, await zip.generateAsync({ type: "nodebuffer" }));
    const verified = cli(["verify-archive", tampered]);
    expect(verified.status).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, altered: [target], missing: [], extra: [] });
    expect(verified.stderr).toContain(`文件已被改动:${target}`);
  });

  it("archive-job, which the server runs in a child process, prints one progress line per file, then the package", () => {
    const roundId = db.$client.prepare("select id from rounds where name = ?").pluck().get(roundName) as number;
    const jobOut = path.join(dir, "job.zip");
    const run = cli(["archive-job", "--round-id", String(roundId), "--out", jobOut, "--now", `${TODAY}T08:00:00.000Z`]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").map((line) => JSON.parse(line));
    const result = lines.at(-1);
    expect(result).toMatchObject({ roundId, out: jobOut, bytes: fs.statSync(jobOut).size });
    // Every file but the manifest, which seals the others, is counted as it is written.
    const progress = lines.slice(0, -1).map((line) => line.progress);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: result.files - 1 }, (_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ done: result.files - 1, total: result.files - 1 });
    expect(JSON.parse(cli(["verify-archive", jobOut]).stdout)).toEqual({ ok: true, files: result.files });
  });

  it("archive-job refuses a bad id or time and an unknown round in Chinese", () => {
    expect(cli(["archive-job", "--round-id", "x", "--out", path.join(dir, "y.zip"), "--now", "昨天"])).toMatchObject({ status: 1, stderr: "错误:轮次 id 或生成时间无效" });
    expect(cli(["archive-job", "--round-id", "99999", "--out", path.join(dir, "y.zip"), "--now", `${TODAY}T08:00:00.000Z`])).toMatchObject({ status: 1, stderr: "错误:未找到该轮次" });
    expect(fs.existsSync(path.join(dir, "y.zip"))).toBe(false);
  });

  it("refuses an unknown round and an existing file in Chinese", () => {
    expect(cli(["archive", "--round", "没有这个轮次", "--out", path.join(dir, "x.zip")])).toMatchObject({ status: 1, stderr: "错误:未找到轮次“没有这个轮次”" });
    expect(cli(["archive", "--round", roundName, "--out", out]).stderr).toMatch(/文件已存在,未覆盖/);
  });
});
