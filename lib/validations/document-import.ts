import { z } from "zod";
import { STATUSES } from "@/lib/domain";
import { id, optionalText, text } from "./common";

// The outline a document became, as the office edited it in the preview. The browser
// sends the whole tree back when the office confirms; the server trusts none of it and
// checks it all here, with the same limits as entering the plan by hand (validations/plan).

export const MAX_DOCUMENT_PROBLEMS = 2000;
export const MAX_DOCUMENT_MEASURES = 10_000;

/** The plan's field limits; the parser cuts a document's text to fit them (lib/document-import/fit.ts). */
export const DOCUMENT_LIMITS = { title: 300, description: 5000, deadlineText: 100, progressText: 5000, measure: 2000, measures: 300 } as const;

export const documentProblemSchema = z.object({
  title: text("问题标题", DOCUMENT_LIMITS.title),
  description: optionalText("问题描述", DOCUMENT_LIMITS.description),
  status: z.enum(STATUSES, { error: "整改状态有误" }).nullable(),
  deadlineText: optionalText("完成时限", DOCUMENT_LIMITS.deadlineText),
  progressText: optionalText("整改情况", DOCUMENT_LIMITS.progressText),
  measures: z
    .array(text("整改措施", DOCUMENT_LIMITS.measure))
    .max(DOCUMENT_LIMITS.measures, `一个问题的整改措施不能超过 ${DOCUMENT_LIMITS.measures} 项`),
  /** Names as the document wrote them; matched to units when the plan is created. */
  responsibility: z
    .object({
      leadLeader: optionalText("牵头领导", 100),
      leadUnit: optionalText("牵头单位", 100),
      coUnits: z.array(text("责任单位", 100)).max(30, "责任单位不能超过 30 个"),
    })
    .optional(),
});
export type DocumentProblem = z.infer<typeof documentProblemSchema>;

export const documentAspectSchema = z.object({
  /** "" = problems without an aspect. */
  name: optionalText("方面名称", 200),
  problems: z.array(documentProblemSchema).max(MAX_DOCUMENT_PROBLEMS, `问题不能超过 ${MAX_DOCUMENT_PROBLEMS} 个`),
});

export const documentPlanSchema = z
  .object({ aspects: z.array(documentAspectSchema).max(100, "方面不能超过 100 个") })
  .superRefine((plan, ctx) => {
    const problems = plan.aspects.flatMap((a) => a.problems);
    if (problems.length === 0) ctx.addIssue({ code: "custom", message: "没有可导入的问题", path: ["aspects"] });
    if (problems.length > MAX_DOCUMENT_PROBLEMS) {
      ctx.addIssue({ code: "custom", message: `问题不能超过 ${MAX_DOCUMENT_PROBLEMS} 个`, path: ["aspects"] });
    }
    if (problems.reduce((n, p) => n + p.measures.length, 0) > MAX_DOCUMENT_MEASURES) {
      ctx.addIssue({ code: "custom", message: `整改措施不能超过 ${MAX_DOCUMENT_MEASURES} 项`, path: ["aspects"] });
    }
    plan.aspects.forEach((aspect, index) => {
      if (aspect.name === "" && plan.aspects.findIndex((a) => a.name === "") !== index) {
        ctx.addIssue({ code: "custom", message: "“未分方面”只能有一组", path: ["aspects", index, "name"] });
      }
    });
  });
export type DocumentPlan = z.infer<typeof documentPlanSchema>;

const figure = z.number().int("数字须为整数").min(0, "数字不能为负").max(1_000_000, "数字过大").nullable();
const aspectFiguresSchema = z.object({ problems: figure, completed: figure, basicallyCompleted: figure, incomplete: figure });
export const statedFiguresSchema = z.object({
  problems: figure,
  completed: figure,
  basicallyCompleted: figure,
  incomplete: figure,
  measures: figure,
  /** Per aspect, in order, where the document states them. */
  aspects: z.array(aspectFiguresSchema.nullable()).max(100, "方面不能超过 100 个").optional(),
});

/** Unit name as the document wrote it → the unit the office chose for it, or "new" to create one of that name. */
export const unitMapSchema = z
  .record(
    z.string().min(1, "单位名称不能为空").max(60, "单位名称不能超过 60 个字符"),
    z.union([z.literal("new"), z.number({ error: "请选择单位" }).int("请选择单位").positive("请选择单位")]),
  )
  .refine((map) => Object.keys(map).length <= 200, "单位对应关系不能超过 200 项");
export type UnitMap = z.infer<typeof unitMapSchema>;

/** The form the preview posts: the round, the file's name (for the audit log) and the tree as JSON. */
export const confirmDocumentImportSchema = z.object({
  roundId: id("轮次"),
  source: optionalText("文件名", 200),
  plan: z
    .string({ error: "缺少导入内容,请重新上传文件" })
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "导入内容不完整,请重新上传文件" });
        return z.NEVER;
      }
    })
    .pipe(documentPlanSchema),
  /** The figures the document stated (from the preview), to check the confirmed plan against. */
  stated: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "文档所述数字格式不正确,请重新上传文件" });
        return z.NEVER;
      }
    })
    .pipe(statedFiguresSchema.nullable()),
  /** For unit names the document gives that match no unit: another unit's id, or "new" to create it. */
  unitMap: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return {};
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "单位对应关系格式不正确,请重新选择" });
        return z.NEVER;
      }
    })
    .pipe(unitMapSchema),
  /** "我已核对,按识别结果导入": required when the plan does not match the stated figures. */
  acknowledgeMismatch: z.enum(["1"], { error: "核对确认的取值不正确" }).optional(),
});

/**
 * Where an issue is, in the office's words: "第 3 个问题的第 2 项整改措施:整改措施不能超过 2000 个字符".
 * Problems are counted as they will be numbered, across aspects.
 */
export function planIssueMessage(plan: { aspects: { problems: unknown[] }[] }, issue: { path: PropertyKey[]; message: string }): string {
  const [, aspect, , problem, field, measure] = issue.path;
  if (typeof aspect !== "number") return issue.message;
  if (typeof problem !== "number") return `第 ${aspect + 1} 个方面:${issue.message}`;
  const number = plan.aspects.slice(0, aspect).reduce((n, a) => n + a.problems.length, 0) + problem + 1;
  const where = field === "measures" && typeof measure === "number" ? `的第 ${measure + 1} 项整改措施` : "";
  return `第 ${number} 个问题${where}:${issue.message}`;
}

/**
 * The preview's "这一节是问题 / 这一节不是问题", sent back with the file to parse again:
 * section heading → its role. Sent as JSON in one form field.
 */
export const sectionOverridesSchema = z
  .string()
  .max(200_000, "章节设置过长")
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "章节设置格式不正确" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .record(z.string().max(2000, "章节标题过长"), z.enum(["problems", "prose"], { error: "章节只能设为“是问题”或“不是问题”" }))
      .refine((record) => Object.keys(record).length <= 200, "章节设置不能超过 200 项"),
  );
