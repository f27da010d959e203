"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { recordLookBackResult, scheduleLookBack } from "@/server/look-backs";
import { todayISO } from "@/lib/deadline-state";
import { LOOK_BACK_RESULT_LABELS } from "@/lib/domain";
import { optionalId } from "@/lib/validations/common";
import { lookBackResultSchema, scheduleLookBackSchema } from "@/lib/validations/look-back";
import { z } from "zod";

// 回头看 from the /look-backs list and the measure page's look-back panel. A relapse
// changes the measure's status, so the pages that show it are revalidated.
//
// From the /look-backs list the row moves to another view once done, taking its form (and
// the form's message) with it, so the list's forms come back to the view where the item now
// is, with a message there. The measure page's panel stays mounted and shows its own message.
const backToList = { returnTo: z.literal("list").optional().catch(undefined), round: optionalId("轮次").catch(null) };

function listUrl(view: "due" | "upcoming" | "checked", round: number | null, done: string, id: number) {
  const query = new URLSearchParams({ view, [done]: String(id) });
  if (round) query.set("round", String(round));
  return { redirectTo: `/look-backs?${query}` };
}

export const scheduleLookBackAction = defineAction({
  permission: "lookback.manage",
  schema: scheduleLookBackSchema.extend(backToList),
  revalidate: ["/look-backs"],
  run: ({ actor, input }) => {
    const created = scheduleLookBack(actor, input);
    revalidatePath(`/measures/${created.measureId}`);
    if (input.returnTo === "list") {
      return listUrl(created.scheduledDate <= todayISO() ? "due" : "upcoming", input.round, "scheduled", created.id);
    }
    return `已安排 ${created.scheduledDate} 回头看`;
  },
});

export const recordLookBackAction = defineAction({
  permission: "lookback.manage",
  schema: lookBackResultSchema.and(z.object(backToList)),
  revalidate: ["/look-backs", "/my-tasks", "/dashboard"],
  run: ({ actor, input }) => {
    const recorded = recordLookBackResult(actor, input);
    revalidatePath(`/measures/${recorded.measureId}`);
    revalidatePath("/rounds/[id]", "layout");
    if (input.returnTo === "list") return listUrl("checked", input.round, "recorded", recorded.id);
    return recorded.result === "relapsed"
      ? "已记录为反弹,该措施已重新打开为未完成,并已通知牵头单位"
      : `已记录回头看结果:${LOOK_BACK_RESULT_LABELS.holds}`;
  },
});
