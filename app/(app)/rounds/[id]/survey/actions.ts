"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { addPaperBatch, correctPaperBatch, removePaperBatch } from "@/server/survey-paper";
import { createSurvey, setSurveyState } from "@/server/surveys";
import { createSurveySchema, surveyStateSchema } from "@/lib/validations/survey";
import { createPaperBatchSchema, deletePaperBatchSchema, updatePaperBatchSchema } from "@/lib/validations/survey-paper";

// The office's writes of 群众满意度测评: create a round's survey, open it, close it, and
// enter, correct or delete its tallied 纸质问卷 batches. The public's answers come through
// app/survey/[token]/responses, not here.

function touched(roundId: number) {
  revalidatePath(`/rounds/${roundId}/survey`);
  revalidatePath("/dashboard");
}

export const createSurveyAction = defineAction({
  permission: "survey.manage",
  schema: createSurveySchema,
  run: ({ actor, input }) => {
    createSurvey(actor, input);
    touched(input.roundId);
    return "已创建满意度测评,开放后群众即可通过链接或二维码填写";
  },
});

export const openSurveyAction = defineAction({
  permission: "survey.manage",
  schema: surveyStateSchema,
  run: ({ actor, input }) => {
    const survey = setSurveyState(actor, { surveyId: input.surveyId, state: "open" });
    touched(survey.roundId);
    return "测评已开放,群众可以填写";
  },
});

export const closeSurveyAction = defineAction({
  permission: "survey.manage",
  schema: surveyStateSchema,
  run: ({ actor, input }) => {
    const survey = setSurveyState(actor, { surveyId: input.surveyId, state: "closed" });
    touched(survey.roundId);
    return "测评已关闭,不再接受新的答卷";
  },
});

export const addPaperBatchAction = defineAction({
  permission: "survey.manage",
  schema: createPaperBatchSchema,
  run: ({ actor, input }) => {
    const batch = addPaperBatch(actor, input);
    touched(batch.roundId);
    return `已录入纸质问卷“${input.label}”${input.forms} 份,已计入测评结果`;
  },
});

export const updatePaperBatchAction = defineAction({
  permission: "survey.manage",
  schema: updatePaperBatchSchema,
  run: ({ actor, input }) => {
    const batch = correctPaperBatch(actor, input);
    touched(batch.roundId);
    return `已更正纸质问卷“${input.label}”,测评结果已按更正后的份数计算`;
  },
});

export const deletePaperBatchAction = defineAction({
  permission: "survey.manage",
  schema: deletePaperBatchSchema,
  run: ({ actor, input }) => {
    const batch = removePaperBatch(actor, input);
    touched(batch.roundId);
    return "已删除该纸质问卷批次,测评结果已相应扣除";
  },
});
