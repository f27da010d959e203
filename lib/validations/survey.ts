import { z } from "zod";
import { SURVEY_CHOICES } from "@/lib/domain";
import { SURVEY_COMMENT_MAX, SURVEY_INTRO_MAX, SURVEY_QUESTIONS_MAX, SURVEY_TITLE_MAX } from "@/lib/survey";
import { id, optionalText, text } from "./common";

// 群众满意度测评: the office's form (create, open, close) and the public answer (JSON). The
// rules that need the database (the ids belong to the round; the answers cover exactly the
// survey's questions; one answer per device) are db/queries/surveys.ts's.

/** A checkbox list arrives as one string, several strings, or (after an error) "1,2". */
function idList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  const parts = Array.isArray(value) ? value : String(value).split(",");
  return parts.map((p) => (typeof p === "string" ? p.trim() : p)).filter((p) => p !== "");
}

const ids = (label: string) =>
  z.preprocess(
    idList,
    z
      .array(id(label))
      .max(SURVEY_QUESTIONS_MAX, `最多选择 ${SURVEY_QUESTIONS_MAX} 个${label}`)
      .transform((list) => [...new Set(list)]),
  );

export const createSurveySchema = z
  .object({
    roundId: id("轮次"),
    title: text("测评标题", SURVEY_TITLE_MAX),
    intro: optionalText("填写说明", SURVEY_INTRO_MAX),
    aspectIds: ids("方面"),
    problemIds: ids("问题"),
  })
  .refine((v) => v.aspectIds.length + v.problemIds.length > 0, { message: "请至少选择一个方面或问题作为测评题目", path: ["aspectIds"] })
  .refine((v) => v.aspectIds.length + v.problemIds.length <= SURVEY_QUESTIONS_MAX, {
    message: `一份问卷最多 ${SURVEY_QUESTIONS_MAX} 道题,请减少所选的方面或问题`,
    path: ["problemIds"],
  });

export type CreateSurveyInput = z.infer<typeof createSurveySchema>;

export const surveyStateSchema = z.object({ surveyId: id("满意度测评") });

const choice = z.enum(SURVEY_CHOICES, { error: "请为每道题选择满意、基本满意、不满意或不了解" });

export const surveyAnswerSchema = z.object({
  answers: z
    .array(z.strictObject({ questionId: id("题目"), choice }), { error: "请作答后再提交" })
    .min(1, "请作答后再提交")
    .max(SURVEY_QUESTIONS_MAX, "提交的题目多于问卷的题目"),
  comment: optionalText("意见建议", SURVEY_COMMENT_MAX),
});

export type SurveyAnswerInput = z.infer<typeof surveyAnswerSchema>;
