import { z } from "zod";
import { RED_CARD_KINDS } from "@/lib/evaluation";
import { id, isoDate, optionalId, text } from "./common";

// 整改成效评估: scheduling, grading a unit, and the red card. One set of schemas for the
// forms and the server.

export const scheduleEvaluationSchema = z.object({
  roundId: id("轮次"),
  /** A stored template, or "standard" while none is stored yet. */
  templateId: z.union([z.literal("standard"), id("评估指标体系")], { error: "请选择评估指标体系" }),
  scheduledDate: isoDate("评估日期"),
});

/** The grading form sends one select per indicator, named "grade.<indicator id>"; blank = not graded. */
function collectGrades(value: unknown) {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const grades = entries.filter(([key]) => /^grade\.\d{1,15}$/.test(key)).map(([key, gradeId]) => ({ indicatorId: key.slice("grade.".length), gradeId }));
  return { ...value, grades };
}

export const scoreUnitSchema = z.preprocess(
  collectGrades,
  z.object({
    evaluationId: id("成效评估"),
    unitId: id("被评估单位"),
    grades: z
      .array(z.object({ indicatorId: id("评估指标"), gradeId: optionalId("评价等次") }))
      .min(1, "请为至少一项指标选择评价等次")
      .max(500, "评估指标不能超过 500 项"),
  }),
);
export type ScoreUnitInput = z.infer<typeof scoreUnitSchema>;

export const redCardSchema = z.object({
  evaluationId: id("成效评估"),
  measureId: id("整改措施"),
  kind: z.enum(RED_CARD_KINDS, { error: "请选择认定结果(敷衍整改或虚假整改)" }),
  reason: text("认定理由", 1000),
  // Reopening undoes a sign-off: the form asks for the office's explicit confirmation.
  confirmReopen: z.literal("on", { error: "请勾选确认:亮红牌将把该措施重新打开为未完成" }),
});
export type RedCardInput = z.infer<typeof redCardSchema>;
