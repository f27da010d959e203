import { apiRoute } from "@/server/api";
import { remindMissingReports } from "@/server/reporting";
import { remindOutcomeMessage } from "@/lib/reminders";
import { remindBodySchema } from "@/lib/validations/reporting";

// POST /api/v1/reporting/remind {"roundId":1,"unitIds?":[…]} — report_missing notifications
// now to the round's units behind this cycle (all, or those listed); once per unit and cycle.
export const POST = apiRoute({
  permission: "claim.review",
  body: remindBodySchema,
  handle: ({ actor, body }) => {
    const outcome = remindMissingReports(actor, body);
    return { ...outcome, message: remindOutcomeMessage(outcome, body.unitIds?.length === 1) };
  },
});
