import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

// Only sends anonymous visitors to the sign-in page. It cannot tell a valid session from a
// forged cookie; the real checks are in lib/session.ts, lib/action.ts and lib/api.ts.
export function proxy(request: NextRequest) {
  if (getSessionCookie(request, { cookiePrefix: "rectify" })) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "请先登录" } }, { status: 401 });
  }
  return NextResponse.redirect(new URL("/sign-in", request.url));
}

export const config = {
  matcher: ["/((?!sign-in|api/health|_next/static|_next/image|favicon.ico).*)"],
};
