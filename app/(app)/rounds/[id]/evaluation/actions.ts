"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { issueRedCard, scheduleEvaluation, scoreUnit } from "@/server/evaluations";
import { RED_CARD_KIND_LABELS } from "@/lib/evaluation";
import { redCardSchema, scheduleEvaluationSchema, scoreUnitSchema } from "@/lib/validations/evaluation";

// 整改成效评估's writes, all the office's ("evaluation.manage"). A red card reopens a
// measure, so every view of the round's statuses is revalidated with it.

export const scheduleEvaluationAction = defineAction({
  permission: "evaluation.manage",
  schema: scheduleEvaluationSchema,
  revalidate: ["/dashboard"],
  run: ({ actor, input }) => {
    const evaluation = scheduleEvaluation(actor, input);
    revalidatePath(`/rounds/${evaluation.roundId}/evaluation`);
    return `已安排成效评估,评估日期 ${evaluation.scheduledDate}`;
  },
});

export const scoreUnitAction = defineAction({
  permission: "evaluation.manage",
  schema: scoreUnitSchema,
  revalidate: ["/dashboard"],
  run: ({ actor, input }) => {
    const { evaluation, graded, indicators } = scoreUnit(actor, input);
    revalidatePath(`/rounds/${evaluation.roundId}/evaluation`);
    return graded === indicators ? "已保存评分,该单位已全部评完" : `已保存评分(已评 ${graded}/${indicators} 项)`;
  },
});

export const issueRedCardAction = defineAction({
  permission: "evaluation.manage",
  schema: redCardSchema,
  revalidate: ["/dashboard", "/my-tasks", "/look-backs"],
  run: ({ actor, input: { evaluationId, measureId, kind, reason } }) => {
    const { card, measure } = issueRedCard(actor, { evaluationId, measureId, kind, reason });
    revalidatePath(`/measures/${measure.id}`);
    revalidatePath("/rounds/[id]", "layout");
    return `已认定为${RED_CARD_KIND_LABELS[card.kind]}(红牌),该措施已重新打开为未完成,并已通知牵头单位`;
  },
});
