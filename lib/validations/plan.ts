import { z } from "zod";
import { parseDeadline } from "@/lib/deadline-parse";
import { DEADLINE_KINDS, MEASURE_CATEGORIES, type DeadlineKind, type MeasureCategory } from "@/lib/domain";
import { impliedDirection, INDICATOR_DIRECTIONS, type IndicatorDirection } from "@/lib/indicators";
import { REPROOF_INTERVALS } from "@/lib/reproof";
import { emptyToNull, id, isoDate, indicatorValue, optionalText, text } from "./common";

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
  /** 并长期坚持's re-proof interval; null = the default (quarterly). Ignored for other measures. */
  reproofInterval: nullable(z.enum(REPROOF_INTERVALS, { error: "请选择复证周期" })),
  // 量化指标 (optional): a blank name means the measure has none.
  indicatorName: optionalText("指标名称", 100),
  indicatorUnit: optionalText("计量单位", 20),
  /** null = read from baseline and target (a lower target means lower is better). */
  indicatorDirection: nullable(z.enum(INDICATOR_DIRECTIONS, { error: "请选择指标方向" })),
  indicatorBaseline: indicatorValue("基线值"),
  indicatorTarget: indicatorValue("目标值"),
});

type MeasureFields = z.infer<typeof measureFields>;

/** A named indicator needs its baseline and target, and a direction they do not contradict. */
function indicatorComplete(m: MeasureFields, ctx: z.RefinementCtx) {
  const issue = (path: keyof MeasureFields, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!m.indicatorName) {
    if (m.indicatorBaseline !== null || m.indicatorTarget !== null || m.indicatorUnit) issue("indicatorName", "填写了基线值、目标值或单位时,请填写指标名称");
    return;
  }
  if (m.indicatorBaseline === null) issue("indicatorBaseline", "请填写基线值");
  if (m.indicatorTarget === null) issue("indicatorTarget", "请填写目标值");
  if (m.indicatorBaseline === null || m.indicatorTarget === null) return;
  const implied = impliedDirection(m.indicatorBaseline, m.indicatorTarget);
  if (!m.indicatorDirection && !implied) issue("indicatorDirection", "目标值与基线值相同时,请选择指标方向");
  if (m.indicatorDirection && implied && m.indicatorDirection !== implied) {
    issue("indicatorTarget", m.indicatorDirection === "lower" ? "越低越好的指标,目标值不应高于基线值" : "越高越好的指标,目标值不应低于基线值");
  }
}

function measureRules(m: MeasureFields, ctx: z.RefinementCtx) {
  deadlineUnderstood(m, ctx);
  indicatorComplete(m, ctx);
}

function deadlineUnderstood(m: MeasureFields, ctx: z.RefinementCtx) {
  if (m.deadlineDate || m.deadlineText === "" || parseDeadline(m.deadlineText).recognized) return;
  ctx.addIssue({
    code: "custom",
    path: ["deadlineText"],
    message: "未能识别完成时限中的日期,请改写(如“2021年12月底”)或在“完成日期”中选择日期",
  });
}

export const measureSchema = measureFields.superRefine(measureRules);
export type MeasureInput = z.infer<typeof measureSchema>;

export const createMeasureSchema = measureFields.extend({ roundId, problemId: id("问题") }).superRefine(measureRules);
export const updateMeasureSchema = measureFields
  .extend({ roundId, measureId: id("整改措施"), version: z.coerce.number({ error: STALE_FORM }).int(STALE_FORM).positive(STALE_FORM) })
  .superRefine(measureRules);
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

// ── 量化指标 ─────────────────────────────────────────────────────────────

export interface MeasureIndicatorValues {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: number;
  target: number;
}

/** What is stored for the measure's indicator; null when it has none (the schema made it complete). */
export function measureIndicator(input: MeasureInput): MeasureIndicatorValues | null {
  const { indicatorName: name, indicatorUnit: unit, indicatorBaseline: baseline, indicatorTarget: target } = input;
  if (!name || baseline === null || target === null) return null;
  const direction = input.indicatorDirection ?? impliedDirection(baseline, target) ?? "lower";
  return { name, unit, direction, baseline, target };
}

/** The edit form's indicator fields; the direction shows as chosen only when baseline and target do not imply it. */
export function indicatorFormDefaults(stored: MeasureIndicatorValues | null) {
  if (!stored) return { indicatorName: "", indicatorUnit: "", indicatorDirection: "", indicatorBaseline: "", indicatorTarget: "" };
  const implied = impliedDirection(stored.baseline, stored.target);
  return {
    indicatorName: stored.name,
    indicatorUnit: stored.unit,
    indicatorDirection: implied === stored.direction ? "" : stored.direction,
    indicatorBaseline: String(stored.baseline),
    indicatorTarget: String(stored.target),
  };
}
