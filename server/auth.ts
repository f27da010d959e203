import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import * as schema from "@/db/schema";
import { authSecret } from "@/server/auth-secret";
import { hashPassword, verifyStoredPassword } from "@/server/password-hash";
import { SESSION_MAX_AGE_SECONDS, USERNAME_PATTERN } from "@/lib/validations/account";

const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

// better-auth does password hashing, session tokens and signed httpOnly cookies. Its HTTP
// handler is deliberately not mounted: every auth flow goes through our server actions,
// which validate input, speak Chinese and write the audit log. Public sign-up is off:
// only an office admin creates accounts (server/accounts.ts).
export const auth = betterAuth({
  appName: "整改通",
  baseURL,
  secret: authSecret(),
  database: drizzleAdapter(db, { provider: "sqlite", schema, usePlural: true }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    minPasswordLength: 8,
    password: { hash: hashPassword, verify: verifyStoredPassword },
  },
  session: {
    expiresIn: SESSION_MAX_AGE_SECONDS,
    updateAge: 60 * 60,
  },
  user: {
    additionalFields: {
      role: { type: "string", input: false, required: true },
      unitId: { type: "number", input: false, required: true },
      isAdmin: { type: "boolean", input: false, defaultValue: false },
      disabled: { type: "boolean", input: false, defaultValue: false },
    },
  },
  advanced: {
    cookiePrefix: "rectify",
    // Secure cookies need HTTPS; many government intranets serve plain HTTP, so the flag
    // follows the deployment's URL. httpOnly and SameSite=Lax are always on.
    useSecureCookies: baseURL.startsWith("https://"),
  },
  databaseHooks: {
    session: {
      create: {
        before: async (session) => {
          const user = db
            .select({ disabled: schema.users.disabled })
            .from(schema.users)
            .where(eq(schema.users.id, session.userId))
            .get();
          if (!user || user.disabled) {
            throw new APIError("FORBIDDEN", { message: "该账号已停用,请联系整改办管理员" });
          }
        },
      },
    },
  },
  plugins: [
    username({
      minUsernameLength: 2,
      maxUsernameLength: 32,
      usernameValidator: (value) => USERNAME_PATTERN.test(value),
    }),
    nextCookies(),
  ],
});
