import crypto from "node:crypto";

// API tokens are shown once when issued; only their SHA-256 is kept. A token is long and
// random, so a plain (unsalted) hash is enough to make a stolen database copy useless.

export function generateApiToken(): string {
  return `rt_${crypto.randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
