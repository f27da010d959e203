import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import * as schema from "@/db/schema";
import { authSecret } from "@/server/auth-secret";
import { hashPassword, verifyStoredPassword } from "@/server/password-hash";
import { assertSessionMatchesIdentity, mapIdentityToAccount, noteOidcSession } from "@/server/unified-identity";
import { OIDC_PROVIDER_ID, oidcSettings } from "@/lib/unified-identity";
import { SESSION_MAX_AGE_SECONDS, USERNAME_PATTERN } from "@/lib/validations/account";
import { publicUrl } from "@/lib/config";

const baseURL = publicUrl();

/** Unified identity's provider, or null when the deployment has none (README, 统一身份认证). */
export const oidc = oidcSettings(process.env);

// better-auth does password hashing, session tokens and signed httpOnly cookies. Its HTTP
// handler is not mounted as a whole: password flows go through our server actions, which
// validate input, speak Chinese and write the audit log, and app/api/auth/[...all] lets
// through only the provider sign-in's callback. Public sign-up is off, and no flow may
// create a user: only an office admin creates accounts (server/accounts.ts), and a
// provider identity maps to one of them or is refused (server/unified-identity.ts).
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
  account: {
    accountLinking: {
      // The first provider sign-in links the identity to the account its claims named.
      // Local addresses are never verified (nobody receives mail there), and the match is
      // by claims, not by address, so neither check applies.
      trustedProviders: [OIDC_PROVIDER_ID],
      requireLocalEmailVerified: false,
    },
  },
  databaseHooks: {
    user: {
      create: {
        // Accounts are inserted by db/queries/users.ts, never through better-auth.
        before: async () => false,
      },
    },
    session: {
      create: {
        after: async (session) => noteOidcSession(session.userId),
        before: async (session) => {
          assertSessionMatchesIdentity(session.userId);
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
    ...(oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                name: oidc.name,
                discoveryUrl: oidc.discoveryUrl,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: oidc.scopes,
                // Signing in never signs anyone up, whatever the request asks for.
                disableSignUp: true,
                disableImplicitSignUp: true,
                // The subject would otherwise be trusted from an unverified ID token.
                requireIdTokenVerification: true,
                mapProfileToUser: (profile) => mapIdentityToAccount(oidc, profile),
              },
            ],
          }),
        ]
      : []),
    nextCookies(),
  ],
});
