import "server-only";
import crypto from "node:crypto";
import { hashPassword, verifyPassword } from "better-auth/crypto";

// Two kinds of stored password. One a person chose is hashed with better-auth's scrypt,
// slow on purpose, because chosen passwords are guessable. One the system generated for an
// organisation import is a random 12-character secret (about 69 bits) that must be replaced
// at first sign-in; its strength is its randomness, so a salted SHA-256 is enough, and
// 5,000 accounts import in seconds rather than the quarter of an hour scrypt takes here.

const ONE_TIME_PREFIX = "otp-sha256$";

const digest = (salt: string, password: string) => crypto.createHash("sha256").update(`${salt}:${password}`).digest("hex");

export function hashOneTimePassword(password: string): string {
  const salt = crypto.randomBytes(16).toString("hex");
  return `${ONE_TIME_PREFIX}${salt}$${digest(salt, password)}`;
}

export { hashPassword };

/** Checks a password against either kind of stored hash (better-auth calls this at sign-in). */
export async function verifyStoredPassword({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  if (!hash.startsWith(ONE_TIME_PREFIX)) return verifyPassword({ hash, password });
  const [salt, expected] = hash.slice(ONE_TIME_PREFIX.length).split("$");
  if (!salt || !expected) return false;
  const given = Buffer.from(digest(salt, password), "hex");
  const stored = Buffer.from(expected, "hex");
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
