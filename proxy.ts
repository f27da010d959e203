import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

// Only sends anonymous visitors to the sign-in page. It cannot tell a valid session from a
// forged cookie; the real checks are in lib/session.ts, lib/action.ts and lib/api.ts.
export function proxy(request: NextRequest) {
  if (getSessionCookie(request, { cookiePrefix: "rectify" })) return NextResponse.next();
  return NextResponse.redirect(new URL("/sign-in", request.url));
}

export const config = {
  // The API authenticates every request itself (cookie or bearer token) and answers 401
  // in JSON; keeping it out of the proxy also spares uploads from being buffered here.
  matcher: ["/((?!sign-in|api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
