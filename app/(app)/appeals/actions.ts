"use server";

import { defineAction } from "@/server/action";
import { appealOverdue, appealReturn, decideAppeal } from "@/server/appeals";
import { decisionOutcome } from "@/lib/appeals";
import { decideAppealSchema, overdueAppealSchema, returnAppealSchema } from "@/lib/validations/appeal";
import { z } from "zod";

// 申诉 from the measure page (the unit's appeal, the office's decision) and the /appeals list.
// A granted appeal moves a claim back into the review queue or a measure's deadline, so
// every page that shows either is revalidated.
const AFFECTED = ["/appeals", "/review", "/measures", "/my-tasks", "/rounds", "/dashboard", "/ledger", "/reports"];

export const appealReturnAction = defineAction({
  permission: "appeal.submit",
  schema: returnAppealSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    appealReturn(actor, input);
    return "已提出申诉,整改办处理后将通知本单位";
  },
});

export const appealOverdueAction = defineAction({
  permission: "appeal.submit",
  schema: overdueAppealSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    appealOverdue(actor, input);
    return "已提出申诉,整改办处理后将通知本单位";
  },
});

// From the /appeals list the decided appeal leaves the 待处理 view, taking its form (and the
// form's message) with it: the list's forms land on 已处理, which names it. The measure
// page's form stays mounted and shows its own message.
export const decideAppealAction = defineAction({
  permission: "appeal.decide",
  schema: decideAppealSchema.extend({ returnTo: z.literal("list").optional().catch(undefined) }),
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    const { returnTo, ...decision } = input;
    const decided = decideAppeal(actor, decision);
    if (returnTo === "list") return { redirectTo: `/appeals?view=decided&decided=${decided.id}` };
    return decisionOutcome({ ...decided, decision: decided.decision! });
  },
});
