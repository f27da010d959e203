import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

// Every page passes here for two things: a per-request CSP nonce (lib/security/csp.ts),
// and sending anonymous visitors to the sign-in page. The proxy cannot tell a valid
// session from a forged cookie; the real checks are in server/session.ts, server/action.ts and
// server/api.ts.
const PUBLIC_PATHS = new Set(["/sign-in", "/setup"]);

export function proxy(request: NextRequest) {
  // /setup answers 404 once an account exists; before that it is how the first one is made.
  const isPublic = PUBLIC_PATHS.has(request.nextUrl.pathname);
  if (!isPublic && !getSessionCookie(request, { cookiePrefix: "rectify" })) {
    return NextResponse.redirect(new URL("/sign-in", request.url));
  }
  const policy = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // The API authenticates every request itself (cookie or bearer token) and answers 401
  // in JSON; keeping it out of the proxy also spares uploads from being buffered here.
  // API responses get their (script-free) CSP from next.config.ts.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
