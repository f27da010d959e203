import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { beginSignInAttempt, forgiveSignInAttempt } from "@/db/queries/sign-in-failures";
import { accountKey } from "@/lib/security/sign-in-limit";

// The sign-in lock around a password check (app/(auth)/actions.ts). Each step is one
// transaction, and the client begins every transaction IMMEDIATE: the write lock is held
// from the first read, so checking the failures and recording a new one is atomic across
// server processes too.
//
// Not audited: these rows are security counters, not changes anyone made, and a guesser
// must not be able to fill the append-only audit log. The sign-in itself is audited.

/** An attempt under way: counted as failed until `completeSignIn` says otherwise. */
export interface SignInAttempt {
  attemptId: number;
  account: string;
  address: string;
}

/** Refuses while the account is locked at this address; otherwise counts the attempt as failed. */
export function beginSignIn(username: string, address: string, now = Date.now()): { lockedMinutes: number } | SignInAttempt {
  const account = accountKey(username);
  const started = db.transaction((tx) => beginSignInAttempt(tx, { account, address, now }));
  return "lockedMinutes" in started ? started : { attemptId: started.attemptId, account, address };
}

/**
 * The password was right: forgive the attempt, clear the address's failures, trust it, and
 * record the sign-in in the audit log, in one transaction.
 */
export function completeSignIn(attempt: SignInAttempt, userId: string, now = Date.now()): void {
  db.transaction((tx) => {
    forgiveSignInAttempt(tx, { ...attempt, now });
    recordAudit(tx, { actorId: userId, action: "user.sign_in", entity: "user", entityId: userId });
  });
}

/** The session is gone; the audit log says who left and when. */
export function recordSignOut(userId: string): void {
  db.transaction((tx) => recordAudit(tx, { actorId: userId, action: "user.sign_out", entity: "user", entityId: userId }));
}
