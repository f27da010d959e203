import { actionState, restoreEnvironment } from "@/testing/action-mocks";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACTION_ACCESS, ACTIONS_OUTSIDE_MATRIX, ROLES, ROLE_LABELS, type Role, type Verdict } from "@/testing/access-table";
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

// Issue 6, access matrix for the server actions: each action of the table × each role,
// called with FormData as a form post calls it. Only the signed-in user is faked.

let world: ActionWorld;
const modules = new Map<string, Record<string, unknown>>();
/** Texts of measures a unit does not answer for: none may reach that unit's users. */
const foreignTexts: Partial<Record<Role, string[]>> = {};
let opened: { close: () => void } | undefined;

beforeAll(async () => {
  world = await buildActionWorld();
  const first = cloneDatabase(world.template);
  actionState.db = first.db;
  for (const [role, unit] of [["unitLead", "区教育局"], ["unitOther", "新安街道"]] as const) {
    foreignTexts[role] = first.sqlite
      .prepare(
        `select m.text from measures m where m.text not in (select m2.text from measures m2 join units u on u.name = ?
           where m2.lead_unit_id = u.id or exists (select 1 from measure_co_units c where c.measure_id = m2.id and c.unit_id = u.id))`,
      )
      .pluck()
      .all(unit) as string[];
  }
  for (const file of actionFiles()) modules.set(file, await import(path.resolve(file)));
}, 60_000);

afterEach(() => opened?.close());
afterAll(restoreEnvironment);

function actionFiles(): string[] {
  return (fs.readdirSync("app", { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "actions.ts")
    .map((f) => path.join("app", f))
    .sort();
}

const EXPECTED_MESSAGE: Record<401 | 403, string> = { 401: "登录已失效,请重新登录", 403: "您没有执行此操作的权限" };

describe("每个 server action 都在权限矩阵中", () => {
  it("app/**/actions.ts 导出的每个函数都有一行(或写明不在矩阵中的理由),且都由 defineAction 构建", () => {
    const exported = [...modules].flatMap(([file, mod]) =>
      Object.entries(mod)
        .filter(([, value]) => typeof value === "function")
        .map(([name, fn]) => ({ key: `${file}#${name}`, builtWithDefineAction: (fn as { name: string }).name === "action" })),
    );
    const listed = ACTION_ACCESS.map((r) => `${r.module}#${r.name}`);
    const exempt = Object.entries(ACTIONS_OUTSIDE_MATRIX).flatMap(([file, names]) => Object.keys(names).map((n) => `${file}#${n}`));
    expect(exported.map((e) => e.key).filter((k) => !listed.includes(k) && !exempt.includes(k))).toEqual([]);
    expect(listed.filter((k) => !exported.some((e) => e.key === k))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    expect(exported.filter((e) => listed.includes(e.key) && !e.builtWithDefineAction).map((e) => e.key)).toEqual([]);
  });
});

const cases = ACTION_ACCESS.flatMap((row) => ROLES.map((role) => ({ row, role, verdict: row.access[role] as Verdict })));

describe("server action × 角色", () => {
  it.each(cases.map((c) => ({ ...c, title: `${c.row.name} · ${ROLE_LABELS[c.role]} → ${c.verdict}` })))("$title", async ({ row, role, verdict }) => {
    const { db, sqlite } = cloneDatabase(world.template);
    opened = sqlite;
    actionState.db = db;
    const { actorOf } = await import("@/server/session");
    const username = ROLE_USERNAMES[role];
    const actorId = username ? world.userIds[username]! : null;
    actionState.session = actorId ? { actor: actorOf(actorId)!, sessionToken: "matrix-session" } : null;

    const fn = modules.get(row.module)![row.name] as ActionFn;
    const before = world.fingerprints;
    const lastAudit = sqlite.prepare("select coalesce(max(id), 0) from audit_log").pluck().get() as number;
    const outcome = await callAction(fn, row.form({ ...world.targets, unique: `${row.name}${role}` }));
    const newAuditActors = sqlite.prepare("select actor_id from audit_log where id > ?").pluck().all(lastAudit);

    const message = outcome.state?.ok === false ? outcome.state.message : undefined;
    if (verdict === "allowed") {
      expect(outcome.redirectTo ?? (outcome.state?.ok ? "ok" : `refused: ${message}`)).not.toMatch(/^refused/);
      if (outcome.state?.ok) expect(outcome.state.message).toMatch(CJK);
      expect(fingerprint(sqlite)).not.toBe(before.all);
      // Every write leaves exactly one audit row, by whoever made it.
      expect(newAuditActors).toEqual([actorId]);
    } else if (verdict === "ignored") {
      expect(outcome.state?.ok).toBe(true);
      expect(fingerprint(sqlite, { withoutAudit: true })).toBe(before.withoutAudit);
      expect(newAuditActors.every((a) => a === actorId)).toBe(true);
    } else {
      expect(outcome.state?.ok).toBe(false);
      if (verdict === 404) expect(message).toMatch(/^未找到/);
      else expect(message).toBe(EXPECTED_MESSAGE[verdict]);
      expect(fingerprint(sqlite)).toBe(before.all);
    }
    // Nothing of another unit reaches a unit's user, whatever the answer.
    const forbidden = foreignTexts[role] ?? [];
    const shown = JSON.stringify(outcome);
    expect(forbidden.filter((text) => shown.includes(text))).toEqual([]);
  });
});
