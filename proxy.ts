import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { SURVEY_COOKIE_PATH, SURVEY_DEVICE_COOKIE } from "@/lib/survey";

// Every page passes here for two things: a per-request CSP nonce (lib/security/csp.ts),
// and sending anonymous visitors to the sign-in page. The proxy cannot tell a valid
// session from a forged cookie; the real checks are in server/session.ts, server/action.ts and
// server/api.ts.
const PUBLIC_PATHS = new Set(["/sign-in", "/setup"]);
// 群众满意度测评: the public answers without an account, through the survey's own link.
const SURVEY_PREFIX = `${SURVEY_COOKIE_PATH}/`;

export function proxy(request: NextRequest) {
  // /setup answers 404 once an account exists; before that it is how the first one is made.
  const { pathname } = request.nextUrl;
  const isSurvey = pathname.startsWith(SURVEY_PREFIX);
  const isPublic = PUBLIC_PATHS.has(pathname) || isSurvey;
  if (!isPublic && !getSessionCookie(request, { cookiePrefix: "rectify" })) {
    return NextResponse.redirect(new URL("/sign-in", request.url));
  }
  const policy = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (isSurvey) marksDevice(request, response);
  return response;
}

/**
 * A survey visitor's device: a random token in an httpOnly cookie, set on the first visit
 * to the page and sent back with the answer, so that one device answers a survey once.
 * Only a hash of it, salted per survey, is ever stored (server/surveys.ts).
 */
function marksDevice(request: NextRequest, response: NextResponse) {
  response.headers.set("x-robots-tag", "noindex, nofollow");
  response.headers.set("cache-control", "no-store");
  if (request.method !== "GET" || request.cookies.has(SURVEY_DEVICE_COOKIE)) return;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_");
  response.cookies.set(SURVEY_DEVICE_COOKIE, token, {
    httpOnly: true,
    // Lax: a link opened from a chat app is a top-level visit and still carries it.
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: SURVEY_COOKIE_PATH,
    maxAge: 60 * 60 * 24 * 365,
  });
}

export const config = {
  // The API authenticates every request itself (cookie or bearer token) and answers 401
  // in JSON; keeping it out of the proxy also spares uploads from being buffered here.
  // API responses get their (script-free) CSP from next.config.ts.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
