import "server-only";
import { db } from "@/db";
import { returnClaim, signOffClaim } from "@/db/queries/progress";

// 对账销号: the office's verdict on claims, for the review page, the measure page and the API.

/** Signs claims off together (bulk sign-off): all of them or, on any conflict, none. */
export function signOffClaims(actorId: string, reportIds: readonly number[]): number {
  return db.transaction((tx) => {
    for (const reportId of new Set(reportIds)) signOffClaim(tx, { actorId, reportId });
    return new Set(reportIds).size;
  });
}

export function returnClaimWithReason(actorId: string, reportId: number, reason: string): void {
  db.transaction((tx) => returnClaim(tx, { actorId, reportId, reason }));
}
