import "server-only";
import { and, asc, between, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { ESCALATION_STEPS, type EscalationStep } from "@/lib/domain";
import {
  DEFAULT_ESCALATION_THRESHOLDS,
  escalationDue,
  leaderNamesOf,
  MAX_ESCALATION_DAYS,
  notifiedUserIds,
  stepRecipients,
  type EscalationRecipient,
} from "@/lib/escalation";
import { digestNotification, digestWeek, draftsNotification, escalationNotification, type DigestItem } from "@/lib/escalation-messages";
import type { NotificationInput } from "@/lib/notification";
import type { Queryable } from "../client";
import { escalationRecipients, escalationSteps, escalationThresholds, measures, problems, rounds, units, users } from "../schema";
import { addToPendingDraft } from "./notice-drafts";
import { activeAccountsOfUnits, notifyUsersInBulk } from "./notifications";
import { outer } from "./sql";
import { headsOfUnits } from "./unit-heads";

// The escalation ladder's part of the daily reminder job (预警升级): which measures climb
// a step today, whom each step reaches, the 督办单 drafted at the top, and the leaders'
// weekly digest. lib/escalation.ts decides; this reads the rows and stores the outcome.
// Idempotent: escalation_steps is unique per measure, deadline and step, and every
// notification has its dedupe key.

const threshold = <K extends keyof typeof DEFAULT_ESCALATION_THRESHOLDS>(column: (typeof escalationThresholds)[K], key: K) =>
  sql<number>`coalesce(${column}, ${DEFAULT_ESCALATION_THRESHOLDS[key]})`;

const sentSteps = sql<string | null>`(select group_concat(${escalationSteps.step}) from ${escalationSteps}
  where ${escalationSteps.measureId} = ${outer(measures.id)} and ${escalationSteps.deadline} = ${outer(measures.deadline)})`;

/**
 * Open, dated measures of rounds in progress that are inside their round's ladder (within
 * the liaison days of the deadline, or past it) and have not yet reached its top for this
 * deadline. The SQL only narrows; escalationDue is the rule.
 */
function ladderCandidates(q: Queryable, today: string) {
  const liaisonDays = threshold(escalationThresholds.liaisonDays, "liaisonDays");
  const topReached = sql`exists (select 1 from ${escalationSteps} where ${escalationSteps.measureId} = ${outer(measures.id)}
    and ${escalationSteps.deadline} = ${outer(measures.deadline)} and ${escalationSteps.step} = 'lead_leader')`;
  return q
    .select({
      id: measures.id,
      text: measures.text,
      deadline: measures.deadline,
      deadlineKind: measures.deadlineKind,
      status: measures.status,
      leadUnitId: measures.leadUnitId,
      leadUnitName: units.name,
      roundId: measures.roundId,
      roundName: rounds.name,
      problemNumber: problems.number,
      leadLeader: problems.leadLeader,
      liaisonDays,
      deputyDays: threshold(escalationThresholds.deputyDays, "deputyDays"),
      principalDays: threshold(escalationThresholds.principalDays, "principalDays"),
      leadLeaderOverdueDays: threshold(escalationThresholds.leadLeaderOverdueDays, "leadLeaderOverdueDays"),
      sent: sentSteps,
    })
    .from(measures)
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .leftJoin(escalationThresholds, eq(escalationThresholds.roundId, measures.roundId))
    .where(
      and(
        isNull(rounds.archivedAt),
        ne(measures.status, "completed"),
        isNotNull(measures.deadline),
        // A constant bound first, so the deadline index narrows; then the round's own.
        sql`${measures.deadline} <= date(${today}, ${`+${MAX_ESCALATION_DAYS} days`})`,
        sql`${measures.deadline} <= date(${today}, '+' || ${liaisonDays} || ' days')`,
        sql`not ${topReached}`,
      ),
    )
    .orderBy(asc(measures.id))
    .all();
}

/** Active leader accounts bearing one of these names (the 牵头领导 is a name on the problem). */
function leaderAccountsNamed(q: Queryable, names: readonly string[]) {
  if (names.length === 0) return [];
  return q
    .select({ userId: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "leader"), eq(users.disabled, false), inArray(users.name, [...new Set(names)])))
    .all();
}

export interface EscalationCounts {
  /** Measures that climbed a step today. */
  escalated: number;
  /** In-app notifications the steps (and new drafts) sent. */
  escalationNotifications: number;
  /** 督办单 drafts opened for the office today. */
  noticeDrafts: number;
}

/**
 * Runs the ladder for `today` inside the reminder job's transaction. Each measure climbs at
 * most one step a day (the highest it has reached); the step, whom it reached and how, its
 * notifications and, at the top, the measure's place on its unit's pending 督办单 draft are
 * written together.
 */
export function escalate(tx: Queryable, params: { today: string }): EscalationCounts {
  const due = ladderCandidates(tx, params.today).flatMap((m) => {
    const decided = escalationDue({
      deadline: m.deadline,
      deadlineKind: m.deadlineKind,
      status: m.status,
      roundArchived: false,
      today: params.today,
      thresholds: m,
      sent: (m.sent?.split(",") ?? []) as EscalationStep[],
    });
    return decided ? [{ measure: { ...m, deadline: m.deadline! }, ...decided }] : [];
  });
  if (due.length === 0) return { escalated: 0, escalationNotifications: 0, noticeDrafts: 0 };

  const unitIds = due.flatMap((d) => (d.measure.leadUnitId === null ? [] : [d.measure.leadUnitId]));
  const liaisons = activeAccountsOfUnits(tx, unitIds);
  const heads = headsOfUnits(tx, { unitIds });
  const namesOf = new Map(due.map((d) => [d.measure.id, d.step === "lead_leader" ? leaderNamesOf(d.measure.leadLeader) : []]));
  const leaderAccounts = leaderAccountsNamed(tx, [...namesOf.values()].flat());

  const reached = due.map((d) => {
    const unitId = d.measure.leadUnitId;
    const unitHeads = unitId === null ? undefined : heads.get(unitId);
    const recipients = stepRecipients(d.step, {
      liaisons: unitId === null ? [] : (liaisons.get(unitId) ?? []),
      principal: unitHeads?.principal ?? null,
      deputy: unitHeads?.deputy ?? null,
      leadLeaderNames: namesOf.get(d.measure.id) ?? [],
      leaderAccounts,
    });
    return { ...d, recipients };
  });
  const stepIds = insertSteps(tx, params.today, reached);

  const notices: { userIds: readonly string[]; notification: NotificationInput }[] = reached.map((r) => ({
    userIds: notifiedUserIds(r.recipients),
    notification: escalationNotification(r.measure, r.step, r.daysLeft),
  }));
  const drafted: { id: number; unitName: string; roundName: string }[] = [];
  for (const r of reached) {
    if (r.step !== "lead_leader" || r.measure.leadUnitId === null || !stepIds.has(r.measure.id)) continue;
    const { draftId, created } = addToPendingDraft(tx, { roundId: r.measure.roundId, unitId: r.measure.leadUnitId, measureId: r.measure.id });
    if (created) drafted.push({ id: draftId, unitName: r.measure.leadUnitName ?? "", roundName: r.measure.roundName });
  }
  if (drafted.length > 0) notices.push({ userIds: officeAccounts(tx), notification: draftsNotification(drafted) });
  const sent = notifyUsersInBulk(tx, notices).reduce((sum, n) => sum + n, 0);
  return { escalated: stepIds.size, escalationNotifications: sent, noticeDrafts: drafted.length };
}

/**
 * Writes each step and its recipients; returns the new steps' ids by measure. A step that is
 * already there (a second job racing this one) is skipped with its recipients.
 */
function insertSteps(
  tx: Queryable,
  today: string,
  reached: readonly { measure: { id: number; deadline: string }; step: EscalationStep; daysLeft: number; recipients: EscalationRecipient[] }[],
): Map<number, number> {
  const ids = new Map<number, number>();
  const CHUNK = 400;
  for (let i = 0; i < reached.length; i += CHUNK) {
    const rows = reached.slice(i, i + CHUNK).map((r) => ({ measureId: r.measure.id, deadline: r.measure.deadline, step: r.step, reachedOn: today, daysLeft: r.daysLeft }));
    for (const row of tx.insert(escalationSteps).values(rows).onConflictDoNothing().returning({ id: escalationSteps.id, measureId: escalationSteps.measureId }).all()) {
      ids.set(row.measureId, row.id);
    }
  }
  const recipientRows = reached.flatMap((r) => {
    const stepId = ids.get(r.measure.id);
    return stepId === undefined ? [] : r.recipients.map((p) => ({ stepId, rung: p.rung, reach: p.reach, userId: p.userId, name: p.name, phone: p.phone }));
  });
  for (let i = 0; i < recipientRows.length; i += CHUNK) tx.insert(escalationRecipients).values(recipientRows.slice(i, i + CHUNK)).run();
  return ids;
}

function officeAccounts(q: Queryable): string[] {
  return q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "office"), eq(users.disabled, false)))
    .all()
    .map((u) => u.id);
}

/**
 * The leaders' weekly digest: every account that a step above the liaison reached last week
 * gets one notification listing those measures. Sent by the job's first run of the week;
 * the dedupe key holds the week, so later runs send nothing. Returns how many were sent.
 */
export function sendLeaderDigests(tx: Queryable, params: { today: string }): number {
  const week = digestWeek(params.today);
  const rows = tx
    .selectDistinct({
      userId: escalationRecipients.userId,
      role: users.role,
      stepId: escalationSteps.id,
      step: escalationSteps.step,
      daysLeft: escalationSteps.daysLeft,
      measureId: measures.id,
      text: measures.text,
      problemNumber: problems.number,
      roundName: rounds.name,
      leadUnitName: units.name,
    })
    .from(escalationRecipients)
    .innerJoin(escalationSteps, eq(escalationSteps.id, escalationRecipients.stepId))
    .innerJoin(users, eq(users.id, escalationRecipients.userId))
    .innerJoin(measures, eq(measures.id, escalationSteps.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(
      and(
        between(escalationSteps.reachedOn, week.start, week.end),
        eq(escalationRecipients.reach, "notified"),
        ne(escalationRecipients.rung, "liaison"),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(escalationRecipients.userId), asc(escalationSteps.reachedOn), asc(escalationSteps.id))
    .all();
  const byUser = new Map<string, { role: (typeof rows)[number]["role"]; items: DigestItem[]; steps: Set<number> }>();
  for (const row of rows) {
    const entry = byUser.get(row.userId!) ?? { role: row.role, items: [], steps: new Set<number>() };
    // One line per step, even when the user holds two rungs of it.
    if (!entry.steps.has(row.stepId)) {
      entry.steps.add(row.stepId);
      entry.items.push({ ...row, step: row.step });
    }
    byUser.set(row.userId!, entry);
  }
  const items = [...byUser].map(([userId, { role, items: lines }]) => ({
    userIds: [userId],
    notification: digestNotification({ role, week, items: lines }),
  }));
  return notifyUsersInBulk(tx, items).reduce((sum, n) => sum + n, 0);
}

/** Every step a measure reached, oldest first, with whom it reached (the measure's timeline). */
export function escalationHistory(q: Queryable, params: { measureId: number }) {
  const steps = q
    .select()
    .from(escalationSteps)
    .where(eq(escalationSteps.measureId, params.measureId))
    .orderBy(asc(escalationSteps.createdAt), asc(escalationSteps.id))
    .all();
  if (steps.length === 0) return [];
  const recipients = q
    .select()
    .from(escalationRecipients)
    .where(inArray(escalationRecipients.stepId, steps.map((s) => s.id)))
    .orderBy(asc(escalationRecipients.id))
    .all();
  const rungOrder = (rung: EscalationStep) => ESCALATION_STEPS.indexOf(rung);
  return steps.map((step) => ({
    ...step,
    recipients: recipients.filter((r) => r.stepId === step.id).sort((a, b) => rungOrder(a.rung) - rungOrder(b.rung)),
  }));
}

export type EscalationHistoryEntry = ReturnType<typeof escalationHistory>[number];
