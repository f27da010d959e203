import { actionState, restoreEnvironment } from "@/testing/action-mocks";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { ACTION_ACCESS, type Role } from "@/testing/access-table";
import {
  buildActionWorld,
  callAction,
  CJK,
  cloneDatabase,
  fingerprint,
  ROLE_USERNAMES,
  type ActionFn,
  type ActionWorld,
} from "@/testing/action-harness";
import { ACTION_INPUTS, ACTIONS_WITHOUT_INPUT, FORM_CASES, TARGETED_FORM_CASES, type FormValue } from "@/testing/bad-input-corpus";

// Issue 6, bad-input corpus for the server actions: each field of each form, one bad value
// at a time in an otherwise valid submission. Refused → a Chinese message (and Chinese
// field errors), database unchanged. Free text that is merely hostile → stored verbatim.

let world: ActionWorld;
const modules = new Map<string, Record<string, unknown>>();
let opened: { close: () => void } | undefined;

beforeAll(async () => {
  world = await buildActionWorld();
  actionState.db = cloneDatabase(world.template).db;
  for (const file of new Set(ACTION_ACCESS.map((r) => r.module))) modules.set(file, await import(path.resolve(file)));
}, 60_000);
afterEach(() => opened?.close());
afterAll(restoreEnvironment);

const cases = ACTION_ACCESS.flatMap((row) => {
  const inputs = ACTION_INPUTS[row.name];
  if (!inputs) return [];
  return Object.entries(inputs.fields).flatMap(([field, kind]) =>
    (FORM_CASES[kind] ?? []).map((c) => ({ row, as: inputs.as ?? ("officeAdmin" as Role), field, ...c, title: `${row.name}.${field} · ${c.label} → ${c.expect}` })),
  );
});

/** Is `text` in some cell of a table other than the audit log (which records every input)? */
function storedSomewhere(sqlite: Database.Database, text: string): boolean {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'audit_log'").pluck().all() as string[];
  return tables.some((table) => {
    const columns = (sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string }[]).filter((c) => /text/i.test(c.type));
    return columns.some((c) => sqlite.prepare(`select 1 from "${table}" where instr("${c.name}", ?) > 0 limit 1`).get(text) !== undefined);
  });
}

describe("语料覆盖每个有输入的表单", () => {
  it("每种字段都有错误取值", () => {
    for (const inputs of Object.values(ACTION_INPUTS)) {
      for (const kind of Object.values(inputs.fields)) expect(FORM_CASES[kind]?.length, kind).toBeGreaterThan(0);
    }
  });

  it("权限矩阵中的每个 action 都有字段定义,或写明没有输入", () => {
    const missing = ACTION_ACCESS.map((r) => r.name).filter((n) => !ACTION_INPUTS[n] && !ACTIONS_WITHOUT_INPUT[n]);
    expect(missing).toEqual([]);
    const valid = ACTION_ACCESS.map((r) => r.name);
    expect(Object.keys(ACTION_INPUTS).filter((n) => !valid.includes(n))).toEqual([]);
  });
});

describe("server action 的错误输入", () => {
  it.each(cases)("$title", async ({ row, as, field, value, expect: expected }) => {
    const { db, sqlite } = cloneDatabase(world.template);
    opened = sqlite;
    actionState.db = db;
    const { actorOf } = await import("@/server/session");
    const actorId = world.userIds[ROLE_USERNAMES[as]!]!;
    actionState.session = { actor: actorOf(actorId)!, sessionToken: "corpus-session" };

    const fields: Record<string, string | string[] | Blob> = row.form({ ...world.targets, unique: "corpus" });
    const bad = value as FormValue;
    if (typeof bad === "object" && "absent" in bad) delete fields[field];
    else if (typeof bad === "object" && "target" in bad) fields[field] = String(world.targets[bad.target]);
    else fields[field] = bad;

    const outcome = await callAction(modules.get(row.module)![row.name] as ActionFn, fields);
    if (expected === "refused") {
      expect(outcome.redirectTo).toBeUndefined();
      expect(outcome.state?.ok).toBe(false);
      const state = outcome.state as { message: string; fieldErrors?: Record<string, string[]> };
      expect(state.message).toMatch(CJK);
      // The generic message means the server failed unexpectedly (a 500), not that it refused.
      expect(state.message).not.toBe(GENERIC_ERROR_MESSAGE);
      for (const message of Object.values(state.fieldErrors ?? {}).flat()) expect(message).toMatch(CJK);
      expect(fingerprint(sqlite)).toBe(world.fingerprints.all);
    } else {
      if (outcome.state) expect(outcome.state).toMatchObject({ ok: true, message: expect.stringMatching(CJK) });
      expect(storedSomewhere(sqlite, value as string)).toBe(true);
    }
  });
});

describe("指向另一对象的错误输入", () => {
  it.each(TARGETED_FORM_CASES.map((c) => ({ ...c, title: `${c.action} · ${c.label} → refused` })))("$title", async ({ action, fields: bad }) => {
    const row = ACTION_ACCESS.find((r) => r.name === action)!;
    const { db, sqlite } = cloneDatabase(world.template);
    opened = sqlite;
    actionState.db = db;
    const { actorOf } = await import("@/server/session");
    actionState.session = { actor: actorOf(world.userIds[ROLE_USERNAMES.officeAdmin!]!)!, sessionToken: "corpus-session" };

    const targets = { ...world.targets, unique: "corpus" };
    const outcome = await callAction(modules.get(row.module)![row.name] as ActionFn, { ...row.form(targets), ...bad(targets) });
    expect(outcome.state).toMatchObject({ ok: false, message: expect.stringMatching(CJK) });
    expect((outcome.state as { message: string }).message).not.toBe(GENERIC_ERROR_MESSAGE);
    expect(fingerprint(sqlite)).toBe(world.fingerprints.all);
  });
});
