import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { dropStaleIdentityLinks, findAccountForIdentity } from "@/db/queries/identities";
import { identityKeys, OIDC_PROVIDER_ID, type OidcRefusal, type OidcSettings } from "@/lib/unified-identity";
import { retireOneTimePassword } from "@/db/queries/users";
import { oneTimePassword } from "@/server/one-time-password";
import { hashOneTimePassword } from "@/server/password-hash";

// Unified identity (统一身份认证): the provider vouches for who someone is, and this module
// decides which existing account that is — never a new one. better-auth runs the OAuth
// exchange (server/auth.ts); while it does, one callback request carries an OidcFlow in
// which the mapping notes what it found, so that server/oidc-sign-in.ts can answer the
// browser in Chinese and write the audit row once better-auth is done.

export interface OidcFlow {
  /** What the provider's profile matched, once better-auth has fetched it. */
  identity?: { label: string; userId: string | null; refusal: "unknown" | "disabled" | null };
  /** Set when better-auth created a session: the sign-in really happened. */
  sessionUserId?: string;
}

const flows = new AsyncLocalStorage<OidcFlow>();

/** Runs one callback through better-auth with a fresh flow, and returns what it learned. */
export async function withOidcFlow<T>(run: () => Promise<T>): Promise<{ result: T; flow: OidcFlow }> {
  const flow: OidcFlow = {};
  const result = await flows.run(flow, run);
  return { result, flow };
}

/**
 * better-auth's mapProfileToUser. It picks the account by the configured claims and hands
 * better-auth that account's (local, unique) email, which is how better-auth finds an
 * existing user. An identity without a usable account gets an address no account has,
 * so better-auth, whose sign-up is off, refuses it.
 */
export function mapIdentityToAccount(settings: OidcSettings, profile: Record<string, unknown>): { email: string; name: string; emailVerified: boolean } {
  const keys = identityKeys(profile, settings);
  const match = findAccountForIdentity(db, keys);
  const usable = match && !match.disabled ? match : undefined;
  const subject = profile.sub == null ? "" : String(profile.sub);
  if (subject) {
    db.transaction((tx) => dropStaleIdentityLinks(tx, { providerId: OIDC_PROVIDER_ID, subject, keepUserId: usable?.id ?? null }));
  }
  const flow = flows.getStore();
  if (flow) {
    flow.identity = { label: keys.label, userId: match?.id ?? null, refusal: usable ? null : match ? "disabled" : "unknown" };
  }
  if (!usable) return { email: `${crypto.randomUUID()}@refused.rectify.invalid`, name: keys.label, emailVerified: false };
  // emailVerified stays false: better-auth would otherwise write it onto the local account.
  return { email: usable.email, name: usable.name, emailVerified: false };
}

/**
 * better-auth's session.create.before, for provider sign-ins: the session must be for the
 * account the claims named, whatever link better-auth found on its own. Password
 * sign-ins run outside any flow and pass untouched.
 */
export function assertSessionMatchesIdentity(userId: string): void {
  const flow = flows.getStore();
  if (!flow) return;
  if (!flow.identity || flow.identity.refusal || flow.identity.userId !== userId) {
    throw new Error("unified identity: a session for an account the claims did not name");
  }
}

/** better-auth's session.create.after: the sign-in happened. */
export function noteOidcSession(userId: string): void {
  const flow = flows.getStore();
  if (flow) flow.sessionUserId = userId;
}

/**
 * The audit rows of provider sign-ins. Refusals are recorded too: unlike a password guess,
 * each one needs a person the provider has authenticated, so they cannot flood the log,
 * and the office wants to see who is waiting for an account.
 */
export function recordOidcSignIn(settings: OidcSettings, userId: string, label: string): void {
  // An unguessable replacement: nobody is told it, an admin reset gives a usable one.
  const retired = hashOneTimePassword(oneTimePassword(32));
  db.transaction((tx) => {
    recordAudit(tx, { actorId: userId, action: "user.sign_in", entity: "user", entityId: userId, after: { source: settings.name, identity: label } });
    retireOneTimePassword(tx, { userId, passwordHash: retired });
  });
}

export function recordOidcRefusal(settings: OidcSettings, identity: NonNullable<OidcFlow["identity"]>, refusal: OidcRefusal): void {
  db.transaction((tx) =>
    recordAudit(tx, {
      actorId: identity.userId,
      action: "identity.sign_in_refused",
      entity: "identity",
      entityId: identity.label,
      after: { source: settings.name, identity: identity.label, reason: refusal === "disabled" ? "账号已停用" : "未开通账号" },
    }),
  );
}
