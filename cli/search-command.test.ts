import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run cli -- search "<text>" [--round "<name>"]`, run as the operator runs it, on a temp
// database seeded with the demo: one JSON line {"hits":[{kind,roundId,id,title,snippet}],"total","ms"},
// or a Chinese error and exit code 1.
const TODAY = "2026-11-21";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-cli-search-"));
process.env.DATABASE_PATH = path.join(dir, "rectify.db");
const { db } = await import("@/db");
const { seedDemo } = await import("@/db/seed");

let round = { id: 0, name: "" };

function cli(args: string[]) {
  const run = spawnSync("npm", ["run", "-s", "cli", "--", ...args], {
    env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH, RECTIFY_TODAY: TODAY },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

beforeAll(async () => {
  await seedDemo(db, TODAY);
  round = db.$client.prepare("select id, name from rounds order by id limit 1").get() as typeof round;
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("search", { timeout: 90_000 }, () => {
  it("prints the hits with their kind, round, id, title and marked snippet, the total and the time", () => {
    const run = cli(["search", "公办义务教育学位", "--round", round.name]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { hits: Record<string, unknown>[]; total: number; ms: number };
    expect(Object.keys(out)).toEqual(["hits", "total", "ms"]);
    expect(out.total).toBeGreaterThanOrEqual(out.hits.length);
    expect(out.hits.length).toBeGreaterThan(0);
    for (const hit of out.hits) {
      expect(Object.keys(hit)).toEqual(["kind", "roundId", "id", "title", "snippet"]);
      expect(hit.roundId).toBe(round.id);
      expect(hit.snippet).toContain("【公办义务教育学位】");
    }
    expect(out.hits.map((h) => h.kind)).toEqual(expect.arrayContaining(["measure", "progress"]));
    expect(typeof out.ms).toBe("number");
  });

  it("finds a two-character word and refuses an unknown round or an empty text in Chinese", () => {
    const short = JSON.parse(cli(["search", "学位"]).stdout) as { hits: { snippet: string }[] };
    expect(short.hits.length).toBeGreaterThan(0);
    expect(short.hits.every((h) => h.snippet.includes("【学位】"))).toBe(true);
    const unknown = cli(["search", "学位", "--round", "没有这一轮"]);
    expect([unknown.status, unknown.stderr]).toEqual([1, "错误:未找到轮次“没有这一轮”"]);
    const empty = cli(["search", "  "]);
    expect([empty.status, empty.stderr]).toEqual([1, "错误:请输入要搜索的内容"]);
  });
});
