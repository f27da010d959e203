import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import { SURVEY_WINDOW_MS, surveyWaitMinutes } from "@/lib/security/survey-limit";
import type { Queryable } from "../client";
import { surveyAttempts } from "../schema";

// The survey rate limiter's memory (rules in lib/security/survey-limit.ts), as the sign-in
// lock keeps its own: read and count inside one IMMEDIATE transaction so parallel
// submissions cannot all slip under the limit. Not audited: these are counters, and a
// flood must not fill the append-only log. Rows hold a salted hash of the address and are
// dropped once outside the window.

/** Every this many attempts, expired rows of every survey are removed. */
const SWEEP_EVERY = 100;

/** Refuses while the address is over the limit for the survey; otherwise counts this attempt. */
export function beginSurveyAttempt(tx: Queryable, params: { surveyId: number; addressHash: string; now: number }): { waitMinutes: number } {
  const { surveyId, addressHash, now } = params;
  const windowStart = new Date(now - SURVEY_WINDOW_MS);
  const mine = and(eq(surveyAttempts.surveyId, surveyId), eq(surveyAttempts.addressHash, addressHash));
  tx.delete(surveyAttempts).where(and(mine, lte(surveyAttempts.attemptedAt, windowStart))).run();
  const recent = tx
    .select({ at: surveyAttempts.attemptedAt })
    .from(surveyAttempts)
    .where(and(mine, gt(surveyAttempts.attemptedAt, windowStart)))
    .all()
    .map((r) => r.at.getTime());
  const waitMinutes = surveyWaitMinutes(recent, now);
  if (waitMinutes > 0) return { waitMinutes };
  const { id } = tx.insert(surveyAttempts).values({ surveyId, addressHash, attemptedAt: new Date(now) }).returning({ id: surveyAttempts.id }).get();
  if (id % SWEEP_EVERY === 0) tx.delete(surveyAttempts).where(lte(surveyAttempts.attemptedAt, windowStart)).run();
  return { waitMinutes: 0 };
}
