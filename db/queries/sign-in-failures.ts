import "server-only";
import { and, eq, gt, lte, or } from "drizzle-orm";
import { isTrusted, lockMinutes, SIGN_IN_WINDOW_MS, TRUSTED_FOR_MS } from "@/lib/security/sign-in-limit";
import type { Queryable } from "../client";
import { signInFailures, signInTrustedAddresses } from "../schema";

// The sign-in lock's memory (rules in lib/security/sign-in-limit.ts). `account` is always
// accountKey(username). Run both writes inside one write transaction (server/sign-in.ts):
// reading the failures and recording the new one must be atomic, or two processes could
// each see four failures and both let a fifth guess through.

/** Every this many recorded failures, all expired rows are removed, not only the account's. */
const SWEEP_EVERY = 100;

export type SignInAttemptStart = { lockedMinutes: number } | { attemptId: number };

/**
 * Refuses the attempt while the account is locked at this address; otherwise records it as
 * a failure at once (before the slow password check) and returns its id for forgiveness.
 */
export function beginSignInAttempt(
  tx: Queryable,
  params: { account: string; address: string; now: number },
): SignInAttemptStart {
  const { account, address, now } = params;
  const windowStart = new Date(now - SIGN_IN_WINDOW_MS);
  // Expired failures lock nothing; dropping the account's here keeps its rows few.
  tx.delete(signInFailures)
    .where(and(eq(signInFailures.account, account), lte(signInFailures.attemptedAt, windowStart)))
    .run();
  const failures = tx
    .select({ address: signInFailures.address, attemptedAt: signInFailures.attemptedAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.account, account), gt(signInFailures.attemptedAt, windowStart)))
    .all();
  const trust = tx
    .select({ lastSuccessAt: signInTrustedAddresses.lastSuccessAt })
    .from(signInTrustedAddresses)
    .where(and(eq(signInTrustedAddresses.account, account), eq(signInTrustedAddresses.address, address)))
    .get();
  const minutes = lockMinutes({
    pairFailures: failures.filter((f) => f.address === address).map((f) => f.attemptedAt.getTime()),
    accountFailures: failures.map((f) => f.attemptedAt.getTime()),
    trusted: isTrusted(trust?.lastSuccessAt.getTime(), now),
    now,
  });
  if (minutes > 0) return { lockedMinutes: minutes };

  const { id } = tx
    .insert(signInFailures)
    .values({ account, address, attemptedAt: new Date(now) })
    .returning({ id: signInFailures.id })
    .get();
  // Guessers spray user names that are never tried again: sweep those rows now and then.
  if (id % SWEEP_EVERY === 0) pruneSignInRecords(tx, { now });
  return { attemptId: id };
}

/**
 * The password was right: the attempt was no failure, the address's earlier failures are
 * cleared, and the address is trusted (exempt from the account-wide lock) from now on.
 */
export function forgiveSignInAttempt(
  tx: Queryable,
  params: { attemptId: number; account: string; address: string; now: number },
): void {
  const { attemptId, account, address } = params;
  tx.delete(signInFailures)
    .where(
      or(
        eq(signInFailures.id, attemptId),
        and(eq(signInFailures.account, account), eq(signInFailures.address, address)),
      ),
    )
    .run();
  const lastSuccessAt = new Date(params.now);
  tx.insert(signInTrustedAddresses)
    .values({ account, address, lastSuccessAt })
    .onConflictDoUpdate({
      target: [signInTrustedAddresses.account, signInTrustedAddresses.address],
      set: { lastSuccessAt },
    })
    .run();
}

/** Removes failures older than the window and trust older than its term, for every account. */
export function pruneSignInRecords(tx: Queryable, params: { now: number }): void {
  tx.delete(signInFailures)
    .where(lte(signInFailures.attemptedAt, new Date(params.now - SIGN_IN_WINDOW_MS)))
    .run();
  tx.delete(signInTrustedAddresses)
    .where(lte(signInTrustedAddresses.lastSuccessAt, new Date(params.now - TRUSTED_FOR_MS)))
    .run();
}
