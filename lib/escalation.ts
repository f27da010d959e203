import { differenceInCalendarDays, parseISO } from "date-fns";
import { ESCALATION_STEPS, type DeadlineKind, type EscalationReach, type EscalationStep, type Status } from "./domain";

// 预警升级: the ladder a late measure climbs, free of SQL and clocks so it can be
// table-tested with a frozen "today". db/queries/escalation.ts feeds it rows and stores
// what it decides. Published practice: 江津's 三色预警 (20 days before the deadline the
// responsible person, at 10 days also the 分管领导, once due the unit's 主要负责人);
// 三明's blue/orange/red 督查单 (each sent when the previous one was ignored).

/**
 * A round's thresholds. The first three count days BEFORE the deadline (0 = the deadline
 * day itself), the last counts days AFTER it: reaching it puts the measure before the
 * problem's 牵头领导 and drafts a 督办单 for the office.
 */
export interface EscalationThresholds {
  liaisonDays: number;
  deputyDays: number;
  principalDays: number;
  leadLeaderOverdueDays: number;
}

export const DEFAULT_ESCALATION_THRESHOLDS: EscalationThresholds = {
  liaisonDays: 20,
  deputyDays: 10,
  principalDays: 0,
  leadLeaderOverdueDays: 30,
};

/** The widest window the form accepts: a year each way. */
export const MAX_ESCALATION_DAYS = 365;

const rank = (step: EscalationStep) => ESCALATION_STEPS.indexOf(step);

/** The highest step a measure `daysLeft` days from its deadline has reached, if any. */
export function reachedStep(daysLeft: number, t: EscalationThresholds): EscalationStep | null {
  if (daysLeft <= -t.leadLeaderOverdueDays) return "lead_leader";
  if (daysLeft <= t.principalDays) return "principal";
  if (daysLeft <= t.deputyDays) return "deputy";
  if (daysLeft <= t.liaisonDays) return "liaison";
  return null;
}

/**
 * The step to send for a measure on `today`, if any. `sent` are the steps already sent
 * towards the CURRENT deadline (a new deadline starts the ladder afresh, as the reminders'
 * dedupe keys do). Only the highest reached step is sent: a measure first seen 40 days late
 * goes straight to the 牵头领导 (whose step reaches every rung below), instead of four
 * notifications at once, and a lower step is never sent after a higher one.
 *
 * Nothing for completed measures, archived rounds or undated measures (按序时推进). A
 * "并长期坚持" measure signed off as 基本完成 has done its dated part and keeps going as
 * routine: its date no longer makes it late, whereas a time-limited 基本完成 still owes
 * its tail by the deadline.
 */
export function escalationDue(params: {
  deadline: string | null;
  deadlineKind: DeadlineKind;
  status: Status;
  roundArchived: boolean;
  today: string;
  thresholds: EscalationThresholds;
  sent: readonly EscalationStep[];
}): { step: EscalationStep; daysLeft: number } | null {
  if (params.status === "completed" || params.roundArchived || !params.deadline) return null;
  if (params.deadlineKind === "ongoing" && params.status === "basically_completed") return null;
  const daysLeft = differenceInCalendarDays(parseISO(params.deadline), parseISO(params.today));
  const step = reachedStep(daysLeft, params.thresholds);
  if (!step || params.sent.some((s) => rank(s) >= rank(step))) return null;
  return { step, daysLeft };
}

/** The rungs a step reaches: its own and every one below it. */
export function rungsOf(step: EscalationStep): EscalationStep[] {
  return ESCALATION_STEPS.slice(0, rank(step) + 1);
}

/**
 * The people named in a problem's 牵头领导 cell. Offices write a title and then the name
 * ("区委常委、区纪委书记 周某"), or names alone ("张三、李四"); several leaders are separated by
 * commas or semicolons. With a space the name is the last word (the 、 then separates
 * titles); without one, 、 separates names.
 */
export function leaderNamesOf(leadLeader: string): string[] {
  const names = leadLeader
    .split(/[,,;;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) => (/\s/.test(entry) ? [entry.split(/\s+/).at(-1)!] : entry.split("、")))
    .map((name) => name.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** A unit head as the unit records it: an account, or a contact (name and phone). */
export interface UnitHead {
  userId: string | null;
  name: string;
  phone: string | null;
  /** False for an account that has been disabled: it can no longer be notified in the app. */
  active: boolean;
}

export interface EscalationRecipient {
  rung: EscalationStep;
  reach: EscalationReach;
  userId: string | null;
  name: string;
  phone: string | null;
}

/**
 * Who a step reaches, rung by rung. The liaison rung is the lead unit's accounts other than
 * its recorded heads: a 分管领导 with an account of the unit is not told at the first step,
 * the ladder is there so that the heads hear of it later. A rung nobody recorded is kept as
 * "unassigned", so the timeline says who was missing; a head without a usable account is a
 * contact to phone. The
 * 牵头领导 is matched to a leader account by exact name, only when exactly one account has
 * that name (two accounts of one name cannot tell which is meant: the office phones).
 */
export function stepRecipients(
  step: EscalationStep,
  who: {
    liaisons: readonly { userId: string; name: string }[];
    principal: UnitHead | null;
    deputy: UnitHead | null;
    leadLeaderNames: readonly string[];
    leaderAccounts: readonly { userId: string; name: string }[];
  },
): EscalationRecipient[] {
  const nobody = (rung: EscalationStep): EscalationRecipient => ({ rung, reach: "unassigned", userId: null, name: "", phone: null });
  const head = (rung: EscalationStep, h: UnitHead | null): EscalationRecipient =>
    !h ? nobody(rung) : { rung, reach: h.userId && h.active ? "notified" : "contact", userId: h.userId, name: h.name, phone: h.phone };
  const headIds = new Set([who.principal?.userId, who.deputy?.userId].filter(Boolean));
  const liaisons = who.liaisons.filter((l) => !headIds.has(l.userId));
  return rungsOf(step).flatMap((rung): EscalationRecipient[] => {
    switch (rung) {
      case "liaison":
        return liaisons.length === 0 ? [nobody(rung)] : liaisons.map((l) => ({ rung, reach: "notified", userId: l.userId, name: l.name, phone: null }));
      case "deputy":
        return [head(rung, who.deputy)];
      case "principal":
        return [head(rung, who.principal)];
      case "lead_leader":
        if (who.leadLeaderNames.length === 0) return [nobody(rung)];
        return who.leadLeaderNames.map((name) => {
          const matches = who.leaderAccounts.filter((a) => a.name === name);
          return matches.length === 1
            ? { rung, reach: "notified", userId: matches[0]!.userId, name, phone: null }
            : { rung, reach: "contact", userId: null, name, phone: null };
        });
    }
  });
}

/** The accounts a step notifies in the app, once each however many rungs they hold. */
export function notifiedUserIds(recipients: readonly EscalationRecipient[]): string[] {
  return [...new Set(recipients.filter((r) => r.reach === "notified" && r.userId).map((r) => r.userId!))];
}
