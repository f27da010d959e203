import { actionState, restoreEnvironment } from "@/testing/action-mocks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { buildActionWorld, cloneDatabase } from "@/testing/action-harness";

// server/session-lookup.ts answers most session reads itself and must agree with
// better-auth's getSession on every cookie: a good one, a forged one, a revoked or expired
// session, and one due for refresh (which better-auth extends).

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

type Lookup = typeof import("@/server/session-lookup");
type Auth = typeof import("@/server/auth");
let lookUpSession: Lookup["lookUpSession"];
let auth: Auth["auth"];
let sqlite: ReturnType<typeof cloneDatabase>["sqlite"];

beforeAll(async () => {
  const world = await buildActionWorld();
  const clone = cloneDatabase(world.template);
  actionState.db = clone.db;
  sqlite = clone.sqlite;
  ({ lookUpSession } = await import("@/server/session-lookup"));
  ({ auth } = await import("@/server/auth"));
}, 60_000);

afterAll(() => restoreEnvironment());

/** Signs in as a person does and returns the session cookie the browser would send back. */
async function signedInCookie(username: string): Promise<string> {
  const response = await auth.api.signInUsername({ body: { username, password: DEMO_PASSWORD }, asResponse: true });
  const setCookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (!setCookie) throw new Error(`no session cookie for ${username}`);
  return setCookie.split(";")[0]!;
}

const tokenOf = (cookie: string) => decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
const both = async (cookie: string) => {
  const headers = new Headers({ cookie });
  const ours = await lookUpSession(headers);
  const theirs = await auth.api.getSession({ headers });
  return { ours, theirs: theirs ? { token: theirs.session.token, userId: theirs.user.id } : null };
};

describe("会话读取与 better-auth 一致", () => {
  it("有效的会话:同一用户、同一令牌", async () => {
    const cookie = await signedInCookie("office");
    const { ours, theirs } = await both(`other=1; ${cookie}`);
    expect(ours).not.toBeNull();
    expect(ours).toEqual(theirs);
    expect(ours!.userId).toBe(sqlite.prepare("select id from users where username = 'office'").pluck().get());
  });

  it("签名被改动的 Cookie 不算登录", async () => {
    const cookie = await signedInCookie("office");
    const forged = cookie.replace(/session_token=./, (m) => m.slice(0, -1) + (m.endsWith("A") ? "B" : "A"));
    expect(await both(forged)).toEqual({ ours: null, theirs: null });
  });

  it("已删除(退出、停用)或已过期的会话不算登录", async () => {
    const revoked = await signedInCookie("office");
    sqlite.prepare("delete from sessions where token = ?").run(tokenOf(revoked));
    expect(await lookUpSession(new Headers({ cookie: revoked }))).toBeNull();
    const expired = await signedInCookie("office");
    sqlite.prepare("update sessions set expires_at = ? where token = ?").run(Date.now() - 1000, tokenOf(expired));
    expect(await lookUpSession(new Headers({ cookie: expired }))).toBeNull();
  });

  it("到了续期时间的会话交给 better-auth 续期", async () => {
    const cookie = await signedInCookie("office");
    const context = await auth.$context;
    const { expiresIn, updateAge } = context.sessionConfig;
    const due = Date.now() + (expiresIn - updateAge) * 1000 - 60_000;
    sqlite.prepare("update sessions set expires_at = ? where token = ?").run(due, tokenOf(cookie));
    const session = await lookUpSession(new Headers({ cookie }));
    expect(session?.token).toBe(tokenOf(cookie));
    const expiresAt = sqlite.prepare("select expires_at from sessions where token = ?").pluck().get(tokenOf(cookie)) as number;
    expect(expiresAt).toBeGreaterThan(due);
  });
});
