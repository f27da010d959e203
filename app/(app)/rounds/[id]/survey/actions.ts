"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { createSurvey, setSurveyState } from "@/server/surveys";
import { createSurveySchema, surveyStateSchema } from "@/lib/validations/survey";

// The office's writes of 群众满意度测评: create a round's survey, open it, close it. The
// public's answers come through app/survey/[token]/responses, not here.

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
