"use server";

import { CLUE_STAGE_LABELS } from "@/lib/domain";
import { advanceClueSchema, registerClueSchema } from "@/lib/validations/clue";
import { defineAction } from "@/server/action";
import { advanceClue, registerClue } from "@/server/clues";

// The 信访件、问题线索 register: its keepers register an item and move it stage by stage.
// The 通报 counts from the register, so the report pages are revalidated too.
const AFFECTED = ["/clues", "/rounds"];

export const registerClueAction = defineAction({
  permission: "clue.manage",
  schema: registerClueSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    const clue = registerClue(actor, input);
    return { redirectTo: `/clues/${clue.id}?registered=1` };
  },
});

export const advanceClueAction = defineAction({
  permission: "clue.manage",
  schema: advanceClueSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    const clue = advanceClue(actor, input);
    return `已进入“${CLUE_STAGE_LABELS[clue.stage]}”阶段`;
  },
});
