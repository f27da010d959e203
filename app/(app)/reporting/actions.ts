"use server";

import { defineAction } from "@/server/action";
import { remindMissingReports } from "@/server/reporting";
import { remindOutcomeMessage } from "@/lib/reminders";
import { remindFormSchema } from "@/lib/validations/reporting";

// 一键提醒 / 全部提醒 (server/reporting.ts says what is sent, and how often).
export const remindMissingReportsAction = defineAction({
  permission: "claim.review",
  schema: remindFormSchema,
  revalidate: ["/reporting"],
  run: ({ actor, input }) => {
    const unitIds = input.unitId ? [input.unitId] : undefined;
    const outcome = remindMissingReports(actor, { roundId: input.roundId, unitIds });
    return remindOutcomeMessage(outcome, unitIds !== undefined);
  },
});
