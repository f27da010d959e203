import { z } from "zod";
import { TEMPLATE_LIMITS, templateIssues } from "@/lib/evaluation-template";
import { id, text } from "./common";

// 评估指标模板: the editor sends the whole template as one JSON field, `content` (areas,
// indicators and grades are lists the office adds to, removes from and reorders), so that a
// save is all or nothing. Errors come back at the path of the field ("areas.0.indicators.2.weight").

/** Beyond this the body is not a template someone typed: refused before it is parsed. */
const CONTENT_MAX_CHARS = 400_000;

/** `content` parsed and spread into the form's other fields (those win: an id cannot ride in the JSON). */
function unpackContent(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const { content, ...rest } = value as Record<string, unknown>;
  if (typeof content !== "string" || content.length > CONTENT_MAX_CHARS) return { ...rest, content: "unreadable" };
  try {
    const parsed: unknown = JSON.parse(content);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { ...rest, content: "unreadable" };
    return { ...(parsed as Record<string, unknown>), ...rest };
  } catch {
    return { ...rest, content: "unreadable" };
  }
}

/** A figure typed in the editor (a string) or sent as a JSON number: at most `places` decimals, within [min, max]. */
const figure = (label: string, { min, max, places, above }: { min: number; max: number; places: number; above?: boolean }) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number({ error: `请填写${label}` })
      .refine(Number.isFinite, `${label}应为数字`)
      .refine((n) => (above ? n > min : n >= min) && n <= max, above ? `${label}应大于 ${min} 且不超过 ${max}` : `${label}应在 ${min} 到 ${max} 之间`)
      .refine((n) => Math.abs(Math.round(n * 10 ** places) - n * 10 ** places) < 1e-6, places === 0 ? `${label}应为整数` : `${label}最多保留 ${places} 位小数`),
  );

const indicator = z.object({
  name: text("指标名称", TEMPLATE_LIMITS.indicatorName),
  description: z
    .string({ error: "评分要点应为文字" })
    .trim()
    .max(TEMPLATE_LIMITS.description, `评分要点不能超过 ${TEMPLATE_LIMITS.description} 个字符`)
    .optional()
    .transform((v) => v ?? ""),
  weight: figure("分值", { min: 0, max: 100, places: 1, above: true }),
});

const area = z.object({
  name: text("方面名称", TEMPLATE_LIMITS.areaName),
  indicators: z.array(indicator, { error: "请为该方面添加指标" }).min(1, "每个方面至少有一项指标").max(TEMPLATE_LIMITS.indicators, `评估指标不能超过 ${TEMPLATE_LIMITS.indicators} 项`),
});

const grade = z.object({
  name: text("等次名称", TEMPLATE_LIMITS.gradeName),
  factor: figure("得分系数", { min: 0, max: 1, places: 2 }),
});

const templateFields = {
  content: z.undefined({ error: "模板内容无法读取,请刷新页面后重新填写" }).optional(),
  name: text("模板名称", TEMPLATE_LIMITS.name),
  monthsAfterFeedback: figure("评估时间(反馈后月数)", { min: TEMPLATE_LIMITS.minMonths, max: TEMPLATE_LIMITS.maxMonths, places: 0 }),
  areas: z
    .array(area, { error: "请至少添加一个方面和一项指标" })
    .min(1, "请至少添加一个方面和一项指标")
    .max(TEMPLATE_LIMITS.areas, `方面不能超过 ${TEMPLATE_LIMITS.areas} 个`),
  grades: z
    .array(grade, { error: `请设置至少 ${TEMPLATE_LIMITS.minGrades} 个评价等次` })
    .min(TEMPLATE_LIMITS.minGrades, `请设置至少 ${TEMPLATE_LIMITS.minGrades} 个评价等次`)
    .max(TEMPLATE_LIMITS.grades, `评价等次不能超过 ${TEMPLATE_LIMITS.grades} 个`),
};

function crossFieldRules(value: { areas: Parameters<typeof templateIssues>[0]["areas"]; grades: Parameters<typeof templateIssues>[0]["grades"] }, ctx: z.RefinementCtx) {
  for (const issue of templateIssues(value)) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
}

/** `content` was only there to carry its own error: once parsed, it is not part of the input. */
function withoutContent<T extends { content?: unknown }>(value: T): Omit<T, "content"> {
  const rest = { ...value };
  delete rest.content;
  return rest;
}

export const createEvaluationTemplateSchema = z.preprocess(unpackContent, z.object(templateFields).superRefine(crossFieldRules).transform(withoutContent));

export const updateEvaluationTemplateSchema = z.preprocess(
  unpackContent,
  z
    .object({ templateId: id("评估指标模板"), ...templateFields })
    .superRefine(crossFieldRules)
    .transform(withoutContent),
);

export const deleteEvaluationTemplateSchema = z.object({ templateId: id("评估指标模板") });

export type EvaluationTemplateInput = z.infer<typeof createEvaluationTemplateSchema>;
