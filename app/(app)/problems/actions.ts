"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { markRecurrence, unmarkRecurrence } from "@/server/recurrence";
import { markRecurrenceSchema, unmarkRecurrenceSchema } from "@/lib/validations/recurrence";

// 反弹回潮 from a problem's page: the office links the problem to the earlier round's problem
// it repeats, or removes the link. Both problems' pages show the link, and the round's
// ledger export carries it, so all three are revalidated.

export const markRecurrenceAction = defineAction({
  permission: "recurrence.manage",
  schema: markRecurrenceSchema,
  run: ({ actor, input }) => {
    const { problem, earlier } = markRecurrence(actor, input);
    revalidatePath(`/problems/${problem.id}`);
    revalidatePath(`/problems/${earlier.id}`);
    return `已标记为反弹回潮:关联“${earlier.roundName}”第${earlier.number}号问题`;
  },
});

export const unmarkRecurrenceAction = defineAction({
  permission: "recurrence.manage",
  schema: unmarkRecurrenceSchema,
  run: ({ actor, input }) => {
    const { problem, earlier } = unmarkRecurrence(actor, input);
    revalidatePath(`/problems/${problem.id}`);
    revalidatePath(`/problems/${earlier.id}`);
    return "已取消反弹回潮标记";
  },
});
