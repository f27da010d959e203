import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { oidcSettings } from "@/lib/unified-identity";
import { seededTestDb } from "@/testing/seeded-db";

// The mapping from a provider's profile to an existing account, on the seeded demo. The
// whole redirect flow against a real provider is e2e/oidc.spec.ts.

const state = vi.hoisted(() => ({ db: undefined as DB | undefined }));
vi.mock("@/db", () => ({
  get db() {
    return state.db;
  },
}));

const { assertSessionMatchesIdentity, mapIdentityToAccount, recordOidcRefusal, recordOidcSignIn, withOidcFlow } = await import("./unified-identity");

const settings = oidcSettings({ RECTIFY_OIDC_ISSUER: "https://sso.example", RECTIFY_OIDC_CLIENT_ID: "rectify" })!;
let t: Awaited<ReturnType<typeof seededTestDb>>;
const idOf = (username: string) => t.one<string>("select id from users where username = ?", username);
const emailOf = (username: string) => t.one<string>("select email from users where username = ?", username);
const links = () => t.sqlite.prepare("select account_id as subject, user_id as userId from accounts where provider_id = 'oidc' order by user_id").all();
function link(subject: string, username: string) {
  t.sqlite
    .prepare("insert into accounts (id, account_id, provider_id, user_id, created_at, updated_at) values (?, ?, 'oidc', ?, 0, 0)")
    .run(`link-${subject}-${username}`, subject, idOf(username));
}

beforeEach(async () => {
  t = await seededTestDb("2026-11-20");
  state.db = t.db;
});
afterEach(() => t.cleanup());

describe("mapIdentityToAccount", () => {
  it("按用户名对应到已有账号,交给 better-auth 该账号的本地邮箱", async () => {
    const { result, flow } = await withOidcFlow(async () => mapIdentityToAccount(settings, { sub: "s-1", preferred_username: "jiaoyu" }));
    expect(result).toEqual({ email: emailOf("jiaoyu"), name: "林教育", emailVerified: false });
    expect(flow.identity).toEqual({ label: "jiaoyu", userId: idOf("jiaoyu"), refusal: null });
  });

  it("用户名对不上时按手机号,号码写法不同也能对上", async () => {
    t.sqlite.prepare("update users set phone = '13900000002' where username = 'xinan'").run();
    const { result, flow } = await withOidcFlow(async () =>
      mapIdentityToAccount(settings, { sub: "s-2", preferred_username: "wang.xinan", phone_number: "+86 139-0000-0002" }),
    );
    expect(result.email).toBe(emailOf("xinan"));
    expect(flow.identity).toMatchObject({ label: "wang.xinan", userId: idOf("xinan"), refusal: null });
  });

  it("用户名优先于手机号", async () => {
    t.sqlite.prepare("update users set phone = '13900000002' where username = 'xinan'").run();
    const result = mapIdentityToAccount(settings, { sub: "s-3", preferred_username: "jiaoyu", phone_number: "13900000002" });
    expect(result.email).toBe(emailOf("jiaoyu"));
  });

  it("两个账号登记了同一号码的不同写法时不凭运气挑一个", async () => {
    t.sqlite.prepare("update users set phone = '13900000002' where username = 'xinan'").run();
    t.sqlite.prepare("update users set phone = '+8613900000002' where username = 'jiaoyu'").run();
    const { flow } = await withOidcFlow(async () => mapIdentityToAccount(settings, { sub: "s-4", phone_number: "13900000002" }));
    expect(flow.identity).toMatchObject({ userId: null, refusal: "unknown" });
  });

  it("没有对应账号时给一个谁也没有的地址,记为未开通,不新建账号", async () => {
    const users = t.one<number>("select count(*) from users");
    const { result, flow } = await withOidcFlow(async () => mapIdentityToAccount(settings, { sub: "s-5", preferred_username: "zhangsan", name: "张三" }));
    expect(result.email).toMatch(/@refused\.rectify\.invalid$/);
    expect(t.one<number>("select count(*) from users where email = ?", result.email)).toBe(0);
    expect(flow.identity).toEqual({ label: "zhangsan", userId: null, refusal: "unknown" });
    expect(t.one<number>("select count(*) from users")).toBe(users);
  });

  it("对应到停用的账号时拒绝,也不留下可用的关联", async () => {
    t.sqlite.prepare("update users set disabled = 1 where username = 'jiaoyu'").run();
    link("s-6", "jiaoyu");
    const { result, flow } = await withOidcFlow(async () => mapIdentityToAccount(settings, { sub: "s-6", preferred_username: "jiaoyu" }));
    expect(result.email).toMatch(/@refused\.rectify\.invalid$/);
    expect(flow.identity).toEqual({ label: "jiaoyu", userId: idOf("jiaoyu"), refusal: "disabled" });
    expect(links()).toEqual([]);
  });

  it("以声明为准:以前的关联指向别的账号时删去,指向本账号的保留", async () => {
    link("s-7", "xinan");
    link("s-8", "jiaoyu");
    mapIdentityToAccount(settings, { sub: "s-7", preferred_username: "jiaoyu" });
    mapIdentityToAccount(settings, { sub: "s-8", preferred_username: "jiaoyu" });
    expect(links()).toEqual([{ subject: "s-8", userId: idOf("jiaoyu") }]);
  });

  it("未开通的身份留下的旧关联也删去,不能凭它登录", async () => {
    link("s-9", "xinan");
    mapIdentityToAccount(settings, { sub: "s-9", preferred_username: "someone-else" });
    expect(links()).toEqual([]);
  });

  it("可按配置的声明对应", async () => {
    const custom = { ...settings, usernameClaim: "employee_no" };
    const result = mapIdentityToAccount(custom, { sub: "s-10", employee_no: "leader", preferred_username: "zhangsan" });
    expect(result.email).toBe(emailOf("leader"));
  });
});

describe("assertSessionMatchesIdentity", () => {
  it("密码登录不在统一身份认证流程中,不受影响", () => {
    expect(() => assertSessionMatchesIdentity(idOf("office"))).not.toThrow();
  });

  it("流程中只允许为声明对应的账号建会话", async () => {
    await withOidcFlow(async () => {
      mapIdentityToAccount(settings, { sub: "s-11", preferred_username: "jiaoyu" });
      expect(() => assertSessionMatchesIdentity(idOf("jiaoyu"))).not.toThrow();
      expect(() => assertSessionMatchesIdentity(idOf("xinan"))).toThrow();
    });
  });

  it("流程中被拒绝的身份不能建任何会话", async () => {
    await withOidcFlow(async () => {
      mapIdentityToAccount(settings, { sub: "s-12", preferred_username: "zhangsan" });
      expect(() => assertSessionMatchesIdentity(idOf("office"))).toThrow();
    });
    await withOidcFlow(async () => {
      expect(() => assertSessionMatchesIdentity(idOf("office"))).toThrow();
    });
  });
});

describe("审计记录", () => {
  it("登录与被拒绝各写一行", () => {
    const before = t.one<number>("select coalesce(max(id), 0) from audit_log");
    recordOidcSignIn(settings, idOf("jiaoyu"), "jiaoyu");
    recordOidcRefusal(settings, { label: "zhangsan", userId: null, refusal: "unknown" }, "unknown");
    const rows = t.sqlite.prepare("select actor_id as actorId, action, entity, entity_id as entityId, after from audit_log where id > ? order by id").all(before);
    expect(rows).toEqual([
      { actorId: idOf("jiaoyu"), action: "user.sign_in", entity: "user", entityId: idOf("jiaoyu"), after: JSON.stringify({ source: "统一身份认证", identity: "jiaoyu" }) },
      {
        actorId: null,
        action: "identity.sign_in_refused",
        entity: "identity",
        entityId: "zhangsan",
        after: JSON.stringify({ source: "统一身份认证", identity: "zhangsan", reason: "未开通账号" }),
      },
    ]);
  });

  it("持一次性密码的账号经统一身份认证登录后,一次性密码作废,不再强制修改", async () => {
    const { verifyStoredPassword } = await import("./password-hash");
    const { hashOneTimePassword } = await import("./password-hash");
    const id = idOf("xinan");
    t.sqlite.prepare("update users set must_change_password = 1 where id = ?").run(id);
    t.sqlite.prepare("update accounts set password = ? where user_id = ? and provider_id = 'credential'").run(hashOneTimePassword("Sheet2026ab"), id);
    recordOidcSignIn(settings, id, "wang.xinan");
    expect(t.one<number>("select must_change_password from users where id = ?", id)).toBe(0);
    const hash = t.one<string>("select password from accounts where user_id = ? and provider_id = 'credential'", id);
    expect(await verifyStoredPassword({ hash, password: "Sheet2026ab" })).toBe(false);
    expect(t.one<string>("select action from audit_log order by id desc limit 1")).toBe("user.retire_one_time_password");
  });
});
