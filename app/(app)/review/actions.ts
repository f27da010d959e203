"use server";

import { defineAction } from "@/server/action";
import { returnClaimWithReason, signOffClaims } from "@/server/review";
import { bulkSignOffSchema, returnClaimSchema, signOffSchema } from "@/lib/validations/progress";

// Every page that shows a measure's status or counts is affected by a verdict.
const AFFECTED = ["/review", "/measures", "/rounds", "/dashboard", "/my-tasks", "/reports"];

export const signOffAction = defineAction({
  permission: "claim.review",
  schema: signOffSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    signOffClaims(actor.id, [input.reportId]);
    return "已销号:整改状态已按申报更新";
  },
});

export const bulkSignOffAction = defineAction({
  permission: "claim.review",
  schema: bulkSignOffSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => `已批量销号 ${signOffClaims(actor.id, input.reportIds)} 项申报`,
});

export const returnClaimAction = defineAction({
  permission: "claim.review",
  schema: returnClaimSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    returnClaimWithReason(actor.id, input.reportId, input.reason);
    return "已退回,责任单位将在待办中看到退回理由";
  },
});
