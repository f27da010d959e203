"use server";

import { revalidatePath } from "next/cache";
import { createEvaluationTemplateSchema, deleteEvaluationTemplateSchema, updateEvaluationTemplateSchema } from "@/lib/validations/evaluation-template";
import { defineAction } from "@/server/action";
import { createEvaluationTemplate, deleteEvaluationTemplate, updateEvaluationTemplate } from "@/server/evaluation-templates";

// 评估指标模板: the office's ("evaluation.manage"). The round's 成效评估 tab offers the
// templates when scheduling, so it is revalidated with the list.
const AFFECTED = ["/evaluation-templates"];

export const createEvaluationTemplateAction = defineAction({
  permission: "evaluation.manage",
  schema: createEvaluationTemplateSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    const template = createEvaluationTemplate(actor, input);
    revalidatePath("/rounds/[id]/evaluation", "page");
    return { redirectTo: `/evaluation-templates/${template.id}?saved=1` };
  },
});

export const updateEvaluationTemplateAction = defineAction({
  permission: "evaluation.manage",
  schema: updateEvaluationTemplateSchema,
  revalidate: AFFECTED,
  run: ({ actor, input: { templateId, ...content } }) => {
    const template = updateEvaluationTemplate(actor, templateId, content);
    revalidatePath(`/evaluation-templates/${template.id}`);
    revalidatePath("/rounds/[id]/evaluation", "page");
    return `已保存评估指标模板“${template.name}”`;
  },
});

export const deleteEvaluationTemplateAction = defineAction({
  permission: "evaluation.manage",
  schema: deleteEvaluationTemplateSchema,
  revalidate: AFFECTED,
  run: ({ actor, input }) => {
    deleteEvaluationTemplate(actor, input.templateId);
    revalidatePath("/rounds/[id]/evaluation", "page");
    return { redirectTo: "/evaluation-templates?deleted=1" };
  },
});
