"use server";

import { db } from "@/db";
import { remindMissingReports } from "@/db/queries/reminders";
import { defineAction } from "@/server/action";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { remindOutcomeMessage } from "@/lib/reminders";
import { remindFormSchema } from "@/lib/validations/reporting";

// 一键提醒 / 全部提醒: report_missing notifications now, at most once per unit and cycle
// (the daily job uses the same key). One audit row per click.
export const remindMissingReportsAction = defineAction({
  permission: "claim.review",
  schema: remindFormSchema,
  revalidate: ["/reporting"],
  run: ({ actor, input }) => {
    const unitIds = input.unitId ? [input.unitId] : undefined;
    const outcome = remindMissingReports(db, { actorId: actor.id, roundId: input.roundId, unitIds, today: todayISO() });
    if (!outcome) throw new AppError("NOT_FOUND", "未找到该轮次,或该轮次已归档、未要求定期报送");
    return remindOutcomeMessage(outcome, unitIds !== undefined);
  },
});
