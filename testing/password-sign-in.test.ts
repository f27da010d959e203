import { actionState, restoreEnvironment } from "@/testing/action-mocks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { buildActionWorld, callAction, cloneDatabase, type ActionFn } from "@/testing/action-harness";

// RECTIFY_PASSWORD_SIGN_IN=off (issue 13): the sign-in action itself refuses, because an
// exported server action is a public endpoint whether or not the page shows its form. The
// shared browser-test server keeps password sign-in on for every other spec, so the switch
// is tested here, on the real action against the seeded demo.

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

const saved = { ...process.env };
let signIn: ActionFn;
let sqlite: ReturnType<typeof cloneDatabase>["sqlite"];

beforeAll(async () => {
  // A provider no one answers on: the switch needs one configured, not reachable.
  process.env.RECTIFY_OIDC_ISSUER = "http://127.0.0.1:9";
  process.env.RECTIFY_OIDC_CLIENT_ID = "rectify";
  process.env.RECTIFY_OIDC_NAME = "粤政易";
  const world = await buildActionWorld();
  const clone = cloneDatabase(world.template);
  actionState.db = clone.db;
  sqlite = clone.sqlite;
  ({ signIn } = (await import("@/app/(auth)/actions")) as unknown as { signIn: ActionFn });
}, 60_000);

afterAll(() => {
  for (const key of ["RECTIFY_OIDC_ISSUER", "RECTIFY_OIDC_CLIENT_ID", "RECTIFY_OIDC_NAME", "RECTIFY_PASSWORD_SIGN_IN"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  restoreEnvironment();
});

const count = (table: string) => sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe("关闭密码登录", () => {
  it("关闭后正确的密码也不登录,不计入失败次数", async () => {
    process.env.RECTIFY_PASSWORD_SIGN_IN = "off";
    const [sessions, failures] = [count("sessions"), count("sign_in_failures")];
    const outcome = await callAction(signIn, { username: "office", password: DEMO_PASSWORD });
    expect(outcome).toEqual({ state: { ok: false, message: "本系统已关闭密码登录,请使用粤政易登录" } });
    expect(count("sessions")).toBe(sessions);
    expect(count("sign_in_failures")).toBe(failures);
  });

  it("未关闭时照常核对密码", async () => {
    process.env.RECTIFY_PASSWORD_SIGN_IN = "on";
    const outcome = await callAction(signIn, { username: "office", password: "wrong-password-1" });
    expect(outcome.state).toMatchObject({ ok: false, message: "用户名或密码错误" });
    expect(count("sign_in_failures")).toBeGreaterThan(0);
  });
});
