import "server-only";
import crypto from "node:crypto";
import { db } from "@/db";
import { sessionByToken } from "@/db/queries/users";
import { auth } from "@/server/auth";

// Every page, action and API call reads its session. better-auth's getSession costs about
// 5 ms (WebCrypto on the thread pool for the cookie's signature, its adapter's generic
// queries), half of what a light page costs under load. Most reads need no write: this
// answers those with the same checks — the cookie's HMAC-SHA256 signature, the session row
// by token, its expiry — and hands everything else to better-auth: a session to refresh
// (older than updateAge), an expired or unknown one (better-auth clears the cookie), a
// "don't remember me" or cookie-cache cookie. Revocation stays immediate: the row is read
// on every request.

export interface SessionRef {
  token: string;
  userId: string;
}

/** The session the request's cookies name, or null when there is none (or it is not valid). */
export async function lookUpSession(requestHeaders: Headers): Promise<SessionRef | null> {
  const fast = await withoutWrites(requestHeaders.get("cookie"));
  if (fast !== "ask-better-auth") return fast;
  const session = await auth.api.getSession({ headers: requestHeaders });
  return session ? { token: session.session.token, userId: session.user.id } : null;
}

async function withoutWrites(cookieHeader: string | null): Promise<SessionRef | null | "ask-better-auth"> {
  if (!cookieHeader) return null;
  const context = await auth.$context;
  const cookies = parseCookies(cookieHeader);
  if (cookies.has(context.authCookies.dontRememberToken.name) || cookies.has(context.authCookies.sessionData.name)) return "ask-better-auth";
  const value = cookies.get(context.authCookies.sessionToken.name);
  if (!value) return null;
  const token = verifiedValue(value, context.secret);
  if (token === null) return null;
  const row = sessionByToken(db, { token });
  const now = Date.now();
  if (!row || row.expiresAt.getTime() < now) return "ask-better-auth";
  const { expiresIn, updateAge } = context.sessionConfig;
  if (row.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= now) return "ask-better-auth";
  return { token, userId: row.userId };
}

/** better-call's signed cookie: `value.base64(HMAC-SHA256(value))`; the value, or null when forged. */
function verifiedValue(cookie: string, secret: string): string | null {
  const dot = cookie.lastIndexOf(".");
  if (dot < 1) return null;
  const value = cookie.slice(0, dot);
  const signature = cookie.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = crypto.createHmac("sha256", secret).update(value).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? value : null;
}

/** As better-call parses them: the first cookie of a name wins, values URI-decoded, quotes dropped. */
function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    if (cookies.has(key)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.codePointAt(0) === 34) value = value.slice(1, -1);
    cookies.set(key, tryDecode(value));
  }
  return cookies;
}

function tryDecode(value: string): string {
  try {
    return value.includes("%") ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}
