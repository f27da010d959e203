import { addDays, formatISO, getISOWeek, getISOWeekYear, parseISO, startOfISOWeek } from "date-fns";
import { ESCALATION_RUNG_LABELS, ESCALATION_STEP_LABELS, NOTICE_LEVELS, type EscalationStep, type NoticeLevel, type Role } from "./domain";
import { rungsOf } from "./escalation";
import type { NotificationInput } from "./notification";

// What the escalation ladder says: each step's notification, the 督办单 it drafts for the
// office, and the leaders' weekly digest. Pure; db/queries/escalation.ts addresses them.

const iso = (date: Date) => formatISO(date, { representation: "date" });

/** "还有 10 天到期" / "今天到期" / "已逾期 30 天": how late, in words. */
export function lateness(daysLeft: number): string {
  if (daysLeft > 0) return `还有 ${daysLeft} 天到期`;
  if (daysLeft === 0) return "今天到期";
  return `已逾期 ${-daysLeft} 天`;
}

export interface EscalatedMeasure {
  id: number;
  text: string;
  deadline: string;
  roundName: string;
  problemNumber: number;
  leadUnitName: string | null;
}

/**
 * The in-app notification of one step. Keyed by step, measure and deadline: sent once per
 * person, and afresh only when the deadline moves (like the reminders' keys).
 */
export function escalationNotification(measure: EscalatedMeasure, step: EscalationStep, daysLeft: number): NotificationInput {
  const rungs = rungsOf(step).map((r) => ESCALATION_RUNG_LABELS[r]).join("、");
  const unit = measure.leadUnitName ? `牵头单位 ${measure.leadUnitName},` : "";
  return {
    kind: "escalation",
    title: `${ESCALATION_STEP_LABELS[step]}——整改措施${lateness(daysLeft)}`,
    body: `${measure.roundName} · 问题${measure.problemNumber}:${measure.text}(${unit}完成时限 ${measure.deadline})。本级预警告知:${rungs}。`,
    link: `/measures/${measure.id}`,
    dedupeKey: `escalation:${step}:measure:${measure.id}:${measure.deadline}`,
  };
}

/**
 * The office is told once per run of what the ladder drafted: at province scale one run
 * drafts thousands of 督办单, and one notification each would bury every office user's inbox.
 */
export function draftsNotification(drafts: readonly { id: number; unitName: string; roundName: string }[]): NotificationInput {
  const only = drafts.length === 1 ? drafts[0]! : null;
  return {
    kind: "notice_drafted",
    title: only ? `已起草给${only.unitName}的督办单,待确认发出` : `已起草 ${drafts.length} 份督办单,待确认发出`,
    body: only
      ? `${only.roundName}:${only.unitName}牵头的整改措施逾期已到牵头领导一级,督办单草稿待整改办确认。`
      : `整改措施逾期已到牵头领导一级,涉及 ${new Set(drafts.map((d) => d.unitName)).size} 个牵头单位,督办单草稿待整改办逐份确认。`,
    link: "/notices#drafts",
    // Keyed by the run's first new draft: a later run the same day that drafts more tells again.
    dedupeKey: `notice_drafts:${drafts[0]!.id}`,
  };
}

/** A drafted notice asks for a reply this many days after the office confirms it. */
export const DRAFT_REPLY_DAYS = 7;

export function draftReplyDeadline(confirmDay: string): string {
  return iso(addDays(parseISO(confirmDay), DRAFT_REPLY_DAYS));
}

/** The request a drafted 督办单 makes, in the words offices use. */
export function draftNoticeRequest(leadLeaderOverdueDays: number): string {
  return (
    `你单位牵头的下列整改措施逾期已达 ${leadLeaderOverdueDays} 天以上仍未完成,已报告牵头领导。` +
    "请于回复期限前书面说明未按期完成的原因、目前进展和下一步措施,并在整改动态中报送佐证材料。"
  );
}

/**
 * The level of a drafted notice: one above the highest earlier notice on any of its measures
 * (三明: blue, orange, red, each when the previous one was ignored), 督办 when there was none
 * and 通报 at most.
 */
export function draftNoticeLevel(earlierLevels: readonly NoticeLevel[]): NoticeLevel {
  const highest = Math.max(-1, ...earlierLevels.map((l) => NOTICE_LEVELS.indexOf(l)));
  if (highest < 0) return "supervise";
  return NOTICE_LEVELS[Math.min(highest + 1, NOTICE_LEVELS.length - 1)]!;
}

export interface DigestWeek {
  /** "2026-W47": part of the dedupe key, so each week's digest is sent once. */
  key: string;
  label: string;
  start: string;
  end: string;
}

/**
 * The week a digest sent on `today` covers: the ISO week before today's, complete. The job's
 * first run of a week sends it (a Monday normally; later if the server was down).
 */
export function digestWeek(today: string): DigestWeek {
  const start = addDays(startOfISOWeek(parseISO(today)), -7);
  const week = getISOWeek(start);
  const year = getISOWeekYear(start);
  return { key: `${year}-W${String(week).padStart(2, "0")}`, label: `${year}年第${week}周`, start: iso(start), end: iso(addDays(start, 6)) };
}

export interface DigestItem {
  measureId: number;
  text: string;
  problemNumber: number;
  roundName: string;
  leadUnitName: string | null;
  step: EscalationStep;
  daysLeft: number;
}

/** Lines listed in the body; the rest are counted. */
export const DIGEST_LINES = 20;

/** One leader's digest of the steps that reached them in the week. */
export function digestNotification(params: { role: Role; week: DigestWeek; items: readonly DigestItem[] }): NotificationInput {
  const { week, items } = params;
  const lines = items.slice(0, DIGEST_LINES).map((item) => {
    const unit = item.leadUnitName ? `(${item.leadUnitName})` : "";
    return `· ${item.roundName} 问题${item.problemNumber}:${item.text}${unit}——${ESCALATION_STEP_LABELS[item.step]},${lateness(item.daysLeft)}`;
  });
  if (items.length > DIGEST_LINES) lines.push(`……另有 ${items.length - DIGEST_LINES} 项`);
  return {
    kind: "escalation_digest",
    title: `${week.label}预警升级周报:${items.length} 项整改措施报到您这里`,
    body: `${week.start} 至 ${week.end}:\n${lines.join("\n")}`,
    // A unit's head works from its task list; leaders and the office from the ledger.
    link: params.role === "unit" ? "/my-tasks" : "/ledger",
    dedupeKey: `escalation_digest:${week.key}`,
  };
}

/** How a step reached one person, as the measure's timeline says it. */
export function recipientLine(r: { rung: EscalationStep; reach: "notified" | "contact" | "unassigned"; name: string; phone: string | null }): string {
  const rung = ESCALATION_RUNG_LABELS[r.rung];
  if (r.reach === "unassigned") return r.rung === "liaison" ? `${rung}:牵头单位没有可用账号` : `${rung}:未登记`;
  if (r.reach === "notified") return `${rung} ${r.name}:已站内通知`;
  return `${rung} ${r.name}:没有可用账号,需电话告知${r.phone ? `(${r.phone})` : ""}`;
}
