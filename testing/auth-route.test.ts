import { actionState, restoreEnvironment } from "@/testing/action-mocks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActionWorld, cloneDatabase } from "@/testing/action-harness";

// Without unified identity configured, app/api/auth/[...all] answers nothing at all: the
// deployment is exactly as it was before the route existed (issue 13).

type Get = (request: Request, context: { params: Promise<{ all: string[] }> }) => Promise<Response>;
let GET: Get;
const saved = { issuer: process.env.RECTIFY_OIDC_ISSUER, clientId: process.env.RECTIFY_OIDC_CLIENT_ID };

beforeAll(async () => {
  delete process.env.RECTIFY_OIDC_ISSUER;
  delete process.env.RECTIFY_OIDC_CLIENT_ID;
  actionState.db = cloneDatabase((await buildActionWorld()).template).db;
  ({ GET } = (await import("@/app/api/auth/[...all]/route")) as unknown as { GET: Get });
}, 60_000);
afterAll(() => {
  if (saved.issuer !== undefined) process.env.RECTIFY_OIDC_ISSUER = saved.issuer;
  if (saved.clientId !== undefined) process.env.RECTIFY_OIDC_CLIENT_ID = saved.clientId;
  restoreEnvironment();
});

describe("未配置统一身份认证时", () => {
  it.each(["sign-in/oidc", "callback/oidc", "sign-up/email", "get-session"])("GET /api/auth/%s 为 404", async (path) => {
    const response = await GET(new Request(`http://localhost/api/auth/${path}?code=x&state=y`), {
      params: Promise.resolve({ all: path.split("/") }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "找不到该地址" } });
  });
});
