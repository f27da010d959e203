import "server-only";
import { eq } from "drizzle-orm";
import type { Status } from "@/lib/domain";
import { problemStatus } from "@/lib/status";
import type { Queryable } from "../client";
import { measures, problems } from "../schema";
import { recordAudit } from "./audit";

/** Stores the problem's status as its measures roll it up (lib/status.ts). */
export function refreshProblemStatus(tx: Queryable, problemId: number): void {
  const statuses = tx.select({ s: measures.status }).from(measures).where(eq(measures.problemId, problemId)).all();
  tx.update(problems)
    .set({ status: problemStatus(statuses.map((r) => r.s)) })
    .where(eq(problems.id, problemId))
    .run();
}

/**
 * The one place a measure's official status changes: sign-off (对账销号) and a relapse at
 * look-back (回头看). Bumps the version (an open edit form then sees a conflict instead of
 * overwriting), rolls the problem up again, and writes the audit row.
 */
export function setMeasureStatus(
  tx: Queryable,
  params: {
    /** Null when the command line did it (an update import run with no account). */
    actorId: string | null;
    measureId: number;
    status: Status;
    action: "measure.sign_off" | "measure.reopen";
    reason?: string;
    /** What caused the change: the claim signed off, or the look-back that found a relapse. */
    reportId?: number;
    lookBackId?: number;
    /** The 成效评估 red card (敷衍/虚假整改) that reopened it. */
    redCardId?: number;
    /** The look-back's per-rule answers (是否执行到位), kept with the reopen it caused. */
    institutionChecks?: readonly { institutionId: number; applied: string; note: string | null }[];
  },
) {
  const before = tx.select().from(measures).where(eq(measures.id, params.measureId)).get();
  if (!before) return undefined;
  const after = tx
    .update(measures)
    .set({ status: params.status, version: before.version + 1 })
    .where(eq(measures.id, params.measureId))
    .returning()
    .get();
  refreshProblemStatus(tx, before.problemId);
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.action,
    entity: "measure",
    entityId: params.measureId,
    before: { status: before.status, version: before.version },
    after: {
      status: after.status,
      version: after.version,
      reason: params.reason ?? null,
      reportId: params.reportId ?? null,
      lookBackId: params.lookBackId ?? null,
      ...(params.redCardId ? { redCardId: params.redCardId } : {}),
      ...(params.institutionChecks ? { institutionChecks: params.institutionChecks } : {}),
    },
  });
  return after;
}
