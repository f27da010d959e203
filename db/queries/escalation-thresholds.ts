import "server-only";
import { eq } from "drizzle-orm";
import { DEFAULT_ESCALATION_THRESHOLDS, type EscalationThresholds } from "@/lib/escalation";
import type { Queryable } from "../client";
import { escalationThresholds } from "../schema";

// A round's escalation thresholds (预警升级). A round the office never configured has no row
// and climbs the published defaults; saving the round form writes its row.

export function thresholdsOf(q: Queryable, params: { roundId: number }): EscalationThresholds {
  const row = q
    .select({
      liaisonDays: escalationThresholds.liaisonDays,
      deputyDays: escalationThresholds.deputyDays,
      principalDays: escalationThresholds.principalDays,
      leadLeaderOverdueDays: escalationThresholds.leadLeaderOverdueDays,
    })
    .from(escalationThresholds)
    .where(eq(escalationThresholds.roundId, params.roundId))
    .get();
  return row ?? { ...DEFAULT_ESCALATION_THRESHOLDS };
}

/** Part of the round's create or update: the caller records the one audit row. */
export function saveThresholds(tx: Queryable, params: { roundId: number; thresholds: EscalationThresholds }): void {
  tx.insert(escalationThresholds)
    .values({ roundId: params.roundId, ...params.thresholds })
    .onConflictDoUpdate({ target: escalationThresholds.roundId, set: { ...params.thresholds, updatedAt: new Date() } })
    .run();
}
