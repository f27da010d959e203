import { db } from "@/db";
import { remindMissingReports } from "@/db/queries/reminders";
import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { remindOutcomeMessage } from "@/lib/reminders";
import { remindBodySchema } from "@/lib/validations/reporting";

// POST /api/v1/reporting/remind {"roundId":1,"unitIds?":[…]} — report_missing notifications
// now to the round's units behind this cycle (all, or those listed); once per unit and cycle.
export const POST = apiRoute({
  permission: "claim.review",
  body: remindBodySchema,
  handle: ({ actor, body }) => {
    const outcome = remindMissingReports(db, { actorId: actor.id, roundId: body.roundId, unitIds: body.unitIds, today: todayISO() });
    if (!outcome) throw new AppError("NOT_FOUND", "未找到该轮次,或该轮次已归档、未要求定期报送");
    return { ...outcome, message: remindOutcomeMessage(outcome, body.unitIds?.length === 1) };
  },
});
