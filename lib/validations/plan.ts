import { z } from "zod";
import { parseDeadline } from "@/lib/deadline-parse";
import { DEADLINE_KINDS, MEASURE_CATEGORIES, type DeadlineKind, type MeasureCategory } from "@/lib/domain";
import { emptyToNull, id, isoDate, optionalText, text } from "./common";

// The plan as the office enters it by hand: aspects → numbered problems → measures.
// One set of schemas for the forms and the server actions.

/** An optional form value: absent or blank means null. */
const nullable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => emptyToNull(v) ?? null, schema.nullable());

const optionalId = (label: string) => nullable(id(label));

/** A checkbox list sends one value per ticked box (an array), or one comma-joined string. */
function idList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  const parts = Array.isArray(value) ? value : String(value).split(",");
  return parts.map((p) => (typeof p === "string" ? p.trim() : p)).filter((p) => p !== "");
}

/** "1"/"true"/"on" from a hidden field or checkbox. */
const flag = z.preprocess((v) => v === true || v === "1" || v === "true" || v === "on", z.boolean());

export const DIRECTIONS = ["up", "down"] as const;
export type Direction = (typeof DIRECTIONS)[number];
const direction = z.enum(DIRECTIONS, { error: "移动方向有误" });

const roundId = id("轮次");

/** Hidden fields the page fills in; a bad one means the page is out of date or was tampered with. */
const STALE_FORM = "页面数据已过期,请刷新后重试";

// ── aspects ──────────────────────────────────────────────────────────────

export const aspectSchema = z.object({ name: text("方面名称", 200) });
export type AspectInput = z.infer<typeof aspectSchema>;

export const createAspectSchema = aspectSchema.extend({ roundId });
export const renameAspectSchema = aspectSchema.extend({ roundId, aspectId: id("方面") });
export const aspectRefSchema = z.object({ roundId, aspectId: id("方面") });
export const moveAspectSchema = aspectRefSchema.extend({ direction });
export const moveAspectProblemsSchema = aspectRefSchema.extend({ targetAspectId: optionalId("目标方面") });

// ── problems ─────────────────────────────────────────────────────────────

const NUMBER_MESSAGE = "问题序号应为 1 至 9999 的整数";

export const problemSchema = z.object({
  number: z.coerce.number({ error: NUMBER_MESSAGE }).int(NUMBER_MESSAGE).min(1, NUMBER_MESSAGE).max(9999, NUMBER_MESSAGE),
  title: text("问题标题", 300),
  description: optionalText("问题描述", 5000),
  leadLeader: optionalText("牵头领导", 100),
  leadUnitId: optionalId("牵头单位"),
  aspectId: optionalId("所属方面"),
});
export type ProblemInput = z.infer<typeof problemSchema>;

export const createProblemSchema = problemSchema.extend({ roundId });
export const updateProblemSchema = problemSchema.extend({ roundId, problemId: id("问题") });
export const deleteProblemSchema = z.object({
  roundId,
  problemId: id("问题"),
  confirmCascade: flag,
  /** How many measures the confirmation promised to delete; a different count is refused. */
  measureCount: z.coerce.number({ error: STALE_FORM }).int(STALE_FORM).min(0, STALE_FORM).default(0),
});

// ── measures ─────────────────────────────────────────────────────────────

const measureFields = z.object({
  text: text("整改措施", 2000),
  goal: optionalText("整改目标", 2000),
  leadUnitId: optionalId("牵头单位"),
  coUnitIds: z.preprocess(idList, z.array(id("配合单位")).max(200, "配合单位不能超过 200 个")),
  /** As the office writes it: "2021年12月底,并长期坚持", "按序时进度推进" … */
  deadlineText: optionalText("完成时限", 100),
  /** A picked day; wins over the date read from the text. */
  deadlineDate: nullable(isoDate("完成日期")),
  /** null = read from the text. */
  deadlineKind: nullable(z.enum(DEADLINE_KINDS, { error: "请选择时限类型" })),
  category: nullable(z.enum(MEASURE_CATEGORIES, { error: "请选择整改类别" })),
});

function deadlineUnderstood(m: z.infer<typeof measureFields>, ctx: z.RefinementCtx) {
  if (m.deadlineDate || m.deadlineText === "" || parseDeadline(m.deadlineText).recognized) return;
  ctx.addIssue({
    code: "custom",
    path: ["deadlineText"],
    message: "未能识别完成时限中的日期,请改写(如“2021年12月底”)或在“完成日期”中选择日期",
  });
}

export const measureSchema = measureFields.superRefine(deadlineUnderstood);
export type MeasureInput = z.infer<typeof measureSchema>;

export const createMeasureSchema = measureFields.extend({ roundId, problemId: id("问题") }).superRefine(deadlineUnderstood);
export const updateMeasureSchema = measureFields
  .extend({ roundId, measureId: id("整改措施"), version: z.coerce.number({ error: STALE_FORM }).int(STALE_FORM).positive(STALE_FORM) })
  .superRefine(deadlineUnderstood);
export const measureRefSchema = z.object({ roundId, measureId: id("整改措施") });
export const moveMeasureSchema = measureRefSchema.extend({ direction });

// ── deadline ─────────────────────────────────────────────────────────────

export interface MeasureDeadline {
  deadline: string | null;
  deadlineKind: DeadlineKind;
  deadlineText: string;
  category: MeasureCategory;
}

/**
 * What is stored for a measure's 完成时限: the office's words verbatim, the date read from
 * them unless one was picked, and the kind and category read from them unless chosen.
 */
export function measureDeadline(input: MeasureInput, options: { feedbackDate?: string | null } = {}): MeasureDeadline {
  const parsed = parseDeadline(input.deadlineText, options);
  return {
    deadline: input.deadlineDate ?? parsed.deadline,
    deadlineKind: input.deadlineKind ?? parsed.kind,
    deadlineText: input.deadlineText,
    category: input.category ?? parsed.category ?? "time_limited",
  };
}

/**
 * The edit form's starting values: a date, kind or category that merely repeats what the
 * text says is shown as "read from the text", so that editing the text updates them.
 */
export function deadlineFormDefaults(stored: MeasureDeadline, options: { feedbackDate?: string | null } = {}) {
  const parsed = parseDeadline(stored.deadlineText, options);
  const derived = parsed.recognized;
  return {
    deadlineText: stored.deadlineText,
    deadlineDate: derived && parsed.deadline === stored.deadline ? "" : (stored.deadline ?? ""),
    deadlineKind: derived && parsed.kind === stored.deadlineKind ? "" : stored.deadlineKind,
    category: derived && (parsed.category ?? "time_limited") === stored.category ? "" : stored.category,
  };
}
