import { z } from "zod";
import { REPORT_CYCLES, ROUND_KINDS } from "@/lib/domain";
import { DEFAULT_ESCALATION_THRESHOLDS, MAX_ESCALATION_DAYS, type EscalationThresholds } from "@/lib/escalation";
import { emptyToNull, id, optionalId, optionalIsoDate, text } from "./common";

/** A whole number of days for one rung of the ladder; an empty field takes the default. */
const ladderDays = (label: string, min: number, fallback: number) => {
  const message = `${label}应为 ${min} 至 ${MAX_ESCALATION_DAYS} 的整数`;
  return z.preprocess(
    (v) => emptyToNull(v) ?? undefined,
    z.coerce.number({ error: message }).int(message).min(min, message).max(MAX_ESCALATION_DAYS, message).default(fallback),
  );
};

export const roundSchema = z
  .object({
    name: text("轮次名称", 100),
    kind: z.enum(ROUND_KINDS, { error: "请选择类型" }),
    inspectingBody: text("巡视(察)组", 60),
    inspectedBody: text("被巡视(察)单位", 60),
    inspectedUnitId: optionalId("被巡视(察)单位"),
    inspectionStart: optionalIsoDate("进驻日期"),
    inspectionEnd: optionalIsoDate("结束日期"),
    feedbackDate: optionalIsoDate("反馈日期"),
    deadline: optionalIsoDate("整改时限"),
    dueSoonDays: z.coerce
      .number({ error: "临期天数应为数字" })
      .int("临期天数应为整数")
      .min(0, "临期天数不能为负")
      .max(90, "临期天数不能超过 90")
      .default(7),
    // Said on the form, not assumed: a round that asks for no periodic reports is never chased.
    reportCycle: z.enum(REPORT_CYCLES, { error: "请选择报送周期" }).default("weekly"),
    // 1 = Monday … 7 = Sunday. Kept for a round without periodic reports, so that turning
    // them on again restores the office's usual day.
    reportWeekday: z.preprocess(
      (v) => emptyToNull(v) ?? undefined,
      z.coerce.number({ error: "报送日应为周一至周日之一" }).int("报送日应为周一至周日之一").min(1, "报送日应为周一至周日之一").max(7, "报送日应为周一至周日之一").default(5),
    ),
    // 预警升级 (lib/escalation.ts): days before the deadline for the first three rungs, days
    // after it for the 牵头领导.
    escalationLiaisonDays: ladderDays("提醒联络员的提前天数", 0, DEFAULT_ESCALATION_THRESHOLDS.liaisonDays),
    escalationDeputyDays: ladderDays("告知分管领导的提前天数", 0, DEFAULT_ESCALATION_THRESHOLDS.deputyDays),
    escalationPrincipalDays: ladderDays("告知主要负责人的提前天数", 0, DEFAULT_ESCALATION_THRESHOLDS.principalDays),
    escalationLeadLeaderDays: ladderDays("告知牵头领导的逾期天数", 1, DEFAULT_ESCALATION_THRESHOLDS.leadLeaderOverdueDays),
  })
  .refine((r) => !r.inspectionStart || !r.inspectionEnd || r.inspectionStart <= r.inspectionEnd, {
    path: ["inspectionEnd"],
    message: "结束日期不能早于进驻日期",
  })
  .refine((r) => !r.inspectionEnd || !r.feedbackDate || r.inspectionEnd <= r.feedbackDate, {
    path: ["feedbackDate"],
    message: "反馈日期不能早于巡视(察)结束日期",
  })
  .refine((r) => !r.feedbackDate || !r.deadline || r.feedbackDate <= r.deadline, {
    path: ["deadline"],
    message: "整改时限不能早于反馈日期",
  })
  // The ladder climbs: each rung is reached on or after the one below it.
  .refine((r) => r.escalationDeputyDays <= r.escalationLiaisonDays, {
    path: ["escalationDeputyDays"],
    message: "告知分管领导不能早于提醒联络员:提前天数不能大于联络员的提前天数",
  })
  .refine((r) => r.escalationPrincipalDays <= r.escalationDeputyDays, {
    path: ["escalationPrincipalDays"],
    message: "告知主要负责人不能早于告知分管领导:提前天数不能大于分管领导的提前天数",
  });

type ParsedRound = z.infer<typeof roundSchema>;
type LadderField = "escalationLiaisonDays" | "escalationDeputyDays" | "escalationPrincipalDays" | "escalationLeadLeaderDays";
type OptionalField = "reportCycle" | "reportWeekday" | LadderField;
/**
 * The form always sends the reporting cycle and the ladder; other writers (command line,
 * tests) may leave the table's defaults, and an update without the ladder keeps the round's.
 */
export type RoundInput = Omit<ParsedRound, OptionalField> & Partial<Pick<ParsedRound, OptionalField>>;

export type RoundColumns = Omit<RoundInput, LadderField>;

/** The round's own columns, and its ladder when the input carries one. */
export function splitRoundInput(input: RoundInput): { round: RoundColumns; escalation: EscalationThresholds | null } {
  const { escalationLiaisonDays, escalationDeputyDays, escalationPrincipalDays, escalationLeadLeaderDays, ...round } = input;
  const given = [escalationLiaisonDays, escalationDeputyDays, escalationPrincipalDays, escalationLeadLeaderDays];
  if (given.some((v) => v === undefined)) return { round, escalation: null };
  return {
    round,
    escalation: {
      liaisonDays: escalationLiaisonDays!,
      deputyDays: escalationDeputyDays!,
      principalDays: escalationPrincipalDays!,
      leadLeaderOverdueDays: escalationLeadLeaderDays!,
    },
  };
}

export const roundIdSchema = z.object({ roundId: id("轮次") });
export const updateRoundSchema = roundSchema.and(z.object({ roundId: id("轮次") }));
