import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Queryable } from "../client";
import { accounts, users } from "../schema";

// Which local account a unified identity (统一身份认证) stands for. The rules themselves
// (which claims, which forms of a phone number) are lib/unified-identity.ts's.

export interface IdentityMatch {
  id: string;
  username: string;
  email: string;
  name: string;
  disabled: boolean;
}

const matchColumns = { id: users.id, username: users.username, email: users.email, name: users.name, disabled: users.disabled };

/**
 * The account whose username is the identity's username, else the one whose phone is one
 * of the identity's phone forms. Two accounts holding different forms of the same number
 * is a data error that must not be settled by chance: no match then.
 */
export function findAccountForIdentity(q: Queryable, params: { username: string | null; phones: string[] }): IdentityMatch | undefined {
  if (params.username) {
    const byUsername = q.select(matchColumns).from(users).where(eq(users.username, params.username)).get();
    if (byUsername) return byUsername;
  }
  if (params.phones.length === 0) return undefined;
  const byPhone = q.select(matchColumns).from(users).where(inArray(users.phone, params.phones)).limit(2).all();
  return byPhone.length === 1 ? byPhone[0] : undefined;
}

/**
 * better-auth remembers the provider's subject → user link and prefers it to any lookup.
 * The claims decide, every time: a link left from an earlier sign-in that now points
 * elsewhere (the IdP renamed the person, an admin gave the number to someone else) goes.
 * Link rows hold tokens, not domain data, so removing one is not audited.
 */
export function dropStaleIdentityLinks(tx: Queryable, params: { providerId: string; subject: string; keepUserId: string | null }): number {
  const sameSubject = and(eq(accounts.providerId, params.providerId), eq(accounts.accountId, params.subject));
  return tx
    .delete(accounts)
    .where(params.keepUserId ? and(sameSubject, ne(accounts.userId, params.keepUserId)) : sameSubject)
    .run().changes;
}
