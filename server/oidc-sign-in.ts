import "server-only";
import { auth, oidc } from "@/server/auth";
import { noteRequestUser } from "@/server/request-context";
import { recordOidcRefusal, recordOidcSignIn, withOidcFlow } from "@/server/unified-identity";
import { OIDC_PROVIDER_ID, refusalForCallbackError, type OidcRefusal } from "@/lib/unified-identity";
import { publicUrl } from "@/lib/config";

// The two requests of a provider sign-in (app/api/auth/[...all]/route.ts): the start,
// which sends the browser to the provider, and the callback, which better-auth completes.
// Every outcome ends on a page of ours, never on better-auth's JSON or error page.

/** Names the refused identity to the sign-in page; a cookie, so no link can put words there. */
export const REFUSED_IDENTITY_COOKIE = "rectify.oidc_identity";

const SECURE = publicUrl().startsWith("https://");

function redirectTo(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

const refusedPage = (refusal: OidcRefusal) => `/sign-in?oidc=${refusal}`;

/** Starts the authorization-code flow: state, PKCE and nonce are better-auth's. */
export async function startOidcSignIn(request: Request): Promise<Response> {
  if (!oidc) return notFound();
  try {
    const { headers, response } = await auth.api.signInSocial({
      body: { provider: OIDC_PROVIDER_ID, callbackURL: "/", errorCallbackURL: "/sign-in", disableRedirect: true },
      headers: request.headers,
      returnHeaders: true,
    });
    if (!response.url) throw new Error("no authorization URL");
    return redirectTo(response.url, headers.getSetCookie());
  } catch (error) {
    // Mostly the provider's discovery document could not be fetched (provider down).
    console.error("[rectify] unified identity sign-in could not start", error);
    return redirectTo(refusedPage("unavailable"));
  }
}

/** better-auth checks state, exchanges the code and makes the session; this decides what the user sees. */
export async function finishOidcSignIn(request: Request): Promise<Response> {
  if (!oidc) return notFound();
  let outcome: Awaited<ReturnType<typeof withOidcFlow<Response>>>;
  try {
    outcome = await withOidcFlow(() => auth.handler(request));
  } catch (error) {
    console.error("[rectify] unified identity callback failed", error);
    return redirectTo(refusedPage("failed"));
  }
  const { result: response, flow } = outcome;
  const location = response.headers.get("location");
  const errorCode = location ? new URL(location, "http://callback.invalid").searchParams.get("error") : null;
  const cookies = response.headers.getSetCookie();
  const { identity, sessionUserId } = flow;

  if (sessionUserId && identity && identity.userId === sessionUserId && !identity.refusal && !errorCode && response.status < 400) {
    recordOidcSignIn(oidc, sessionUserId, identity.label);
    noteRequestUser(sessionUserId);
    return redirectTo("/", cookies);
  }

  // Whatever better-auth set besides the session (it clears the state cookie) still goes out.
  const withoutSession = cookies.filter((cookie) => !/^[^=]*session_(token|data)=/.test(cookie));
  if (identity?.refusal) {
    recordOidcRefusal(oidc, identity, identity.refusal);
    return redirectTo(refusedPage(identity.refusal), [...withoutSession, refusedIdentityCookie(identity.label)]);
  }
  console.warn(`[rectify] unified identity sign-in failed: ${errorCode ?? `status ${response.status}`}`);
  return redirectTo(refusedPage(refusalForCallbackError(errorCode)), withoutSession);
}

function refusedIdentityCookie(label: string): string {
  const value = encodeURIComponent(label.slice(0, 64));
  return `${REFUSED_IDENTITY_COOKIE}=${value}; Path=/sign-in; Max-Age=120; HttpOnly; SameSite=Lax${SECURE ? "; Secure" : ""}`;
}

export function notFound(): Response {
  return Response.json({ error: { code: "NOT_FOUND", message: "找不到该地址" } }, { status: 404 });
}
