"use server";

import { defineAction } from "@/server/action";
import { createRound, setRoundArchived, updateRound } from "@/server/rounds";
import { roundIdSchema, roundSchema, updateRoundSchema } from "@/lib/validations/round";

export const createRoundAction = defineAction({
  permission: "plan.manage",
  schema: roundSchema,
  revalidate: ["/rounds"],
  run: ({ actor, input }) => ({ redirectTo: `/rounds/${createRound(actor, input).id}` }),
});

export const updateRoundAction = defineAction({
  permission: "plan.manage",
  schema: updateRoundSchema,
  revalidate: ["/rounds"],
  run: ({ actor, input: { roundId, ...fields } }) => ({ redirectTo: `/rounds/${updateRound(actor, roundId, fields).id}` }),
});

function archiveAction(archived: boolean) {
  return defineAction({
    permission: "plan.manage",
    schema: roundIdSchema,
    revalidate: ["/rounds"],
    run: ({ actor, input }) => {
      const round = setRoundArchived(actor, input.roundId, archived);
      return archived ? `已归档“${round.name}”` : `已恢复“${round.name}”`;
    },
  });
}

export const archiveRoundAction = archiveAction(true);
export const unarchiveRoundAction = archiveAction(false);
