"use server";

import { revalidatePath } from "next/cache";
import { SUBMISSION_KIND_LABELS } from "@/lib/domain";
import { defineAction } from "@/server/action";
import { assignReviewers, setPlanVisibility, submitPlan } from "@/server/plan-review";
import { addComment, decideVersion, replyToComment, resolveComment } from "@/server/submissions";
import {
  assignReviewersSchema,
  commentSchema,
  decisionSchema,
  planVisibilitySchema,
  replySchema,
  resolveSchema,
  submitPlanSchema,
} from "@/lib/validations/plan-review";

// The writes of 方案审核 (and, shared with 通报审核, the decision and the comment threads):
// the office submits and assigns reviewers, the reviewer decides, both discuss. The use
// cases (server/plan-review.ts, server/submissions.ts) check that a reviewer acts only on
// its own rounds.

function touched(roundId: number) {
  revalidatePath(`/rounds/${roundId}`, "layout");
}

export const submitPlanAction = defineAction({
  permission: "submission.submit",
  schema: submitPlanSchema,
  revalidate: ["/my-tasks"],
  run: ({ actor, input }) => {
    const created = submitPlan(actor, input);
    touched(input.roundId);
    return `已报送整改方案第 ${created.version} 版,等待上级审核`;
  },
});

/** The reviewer's decision on a pending plan or 通报 (approving a 通报 publishes it). */
export const decideVersionAction = defineAction({
  permission: "submission.decide",
  schema: decisionSchema,
  revalidate: ["/my-tasks", "/reports"],
  run: ({ actor, input }) => {
    const decided = decideVersion(actor, input);
    touched(input.roundId);
    const label = SUBMISSION_KIND_LABELS[decided.kind];
    if (decided.state !== "approved") return `第 ${decided.version} 版${label}已退回修改`;
    return decided.kind === "report" ? `第 ${decided.version} 版${label}已审核通过并发布` : `第 ${decided.version} 版${label}已审核通过`;
  },
});

export const addCommentAction = defineAction({
  permission: "review.comment",
  schema: commentSchema,
  run: ({ actor, input }) => {
    addComment(actor, input);
    touched(input.roundId);
    return "已提出审核意见";
  },
});

export const replyCommentAction = defineAction({
  permission: "review.comment",
  schema: replySchema,
  run: ({ actor, input }) => {
    replyToComment(actor, input);
    touched(input.roundId);
    return "已回复";
  },
});

export const resolveCommentAction = defineAction({
  permission: "review.comment",
  schema: resolveSchema,
  run: ({ actor, input }) => {
    resolveComment(actor, input);
    touched(input.roundId);
    return "已标记为解决";
  },
});

export const assignReviewersAction = defineAction({
  permission: "admin.manage",
  schema: assignReviewersSchema,
  run: ({ actor, input }) => {
    const count = assignReviewers(actor, input);
    touched(input.roundId);
    return count === 0 ? "已取消全部上级督导" : `已指定 ${count} 位上级督导`;
  },
});

export const planVisibilityAction = defineAction({
  permission: "plan.manage",
  schema: planVisibilitySchema,
  revalidate: ["/my-tasks"],
  run: ({ actor, input }) => {
    const round = setPlanVisibility(actor, input);
    touched(input.roundId);
    return round.unitsSeeUnapprovedPlan ? "方案通过前,责任单位也能看到并报送自己的任务" : "方案通过前,责任单位看不到本轮任务";
  },
});
