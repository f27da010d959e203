import "server-only";
import { db } from "@/db";
import * as reminderQueries from "@/db/queries/reminders";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";

/**
 * 一键提醒 / 全部提醒: report_missing notifications now to the round's units behind this
 * reporting cycle (all, or those named), at most once per unit and cycle — the daily job
 * uses the same key. One audit row per call, written by the query in its transaction.
 */
export function remindMissingReports(actor: Actor, input: { roundId: number; unitIds?: readonly number[] }) {
  const outcome = reminderQueries.remindMissingReports(db, { actorId: actor.id, roundId: input.roundId, unitIds: input.unitIds, today: todayISO() });
  if (!outcome) throw new AppError("NOT_FOUND", "未找到该轮次,或该轮次已归档、未要求定期报送");
  return outcome;
}
