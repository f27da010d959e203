import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import {
  deadlineNotification,
  deadlineReminder,
  DUE_SOON_DAYS,
  OVERDUE_REPEAT_DAYS,
  reportCycleWindow,
  reportMissingNotification,
  reportReminderDue,
  reproofNotification,
  type ReportCycleWindow,
} from "@/lib/reminders";
import type { DB, Queryable } from "../client";
import { measureCoUnits, measures, notifications, problems, progressReports, rounds, units } from "../schema";
import { recordAudit } from "./audit";
import { escalate, sendLeaderDigests } from "./escalation";
import type { NotificationInput } from "@/lib/notification";
import { notifyUnitsInBulk, notifyUsersInBulk } from "./notifications";
import { clueKeeperIds, overdueClues } from "./clues";
import { clueOverdueNotification } from "@/lib/clues";
import { outer } from "./sql";
import { longTermMeasures } from "./reproofs";
import { activeAccountsOf } from "./users";

/**
 * Open, dated measures of rounds still in progress whose deadline falls on a reminder day
 * today: 7/3/1 days ahead, or overdue by 1, 8, 15 … days. The SQL only narrows the rows
 * (a province has ~100k open measures, and reading them all stalled the job for seconds);
 * deadlineReminder in lib/reminders.ts stays the rule that decides.
 */
function openDatedMeasures(q: Queryable, today: string) {
  const ahead = DUE_SOON_DAYS.map((days) => sql`date(${today}, ${`+${days} days`})`);
  const reminderDay = sql`(${measures.deadline} in (${sql.join(ahead, sql`, `)}) or (${measures.deadline} < ${today}
    and cast(julianday(${today}) - julianday(${measures.deadline}) as integer) % ${OVERDUE_REPEAT_DAYS} = 1))`;
  return q
    .select({
      id: measures.id,
      text: measures.text,
      deadline: measures.deadline,
      status: measures.status,
      leadUnitId: measures.leadUnitId,
      roundName: rounds.name,
      problemNumber: problems.number,
      coUnitIds: sql<string | null>`(select group_concat(${measureCoUnits.unitId}) from ${measureCoUnits} where ${measureCoUnits.measureId} = ${outer(measures.id)})`,
    })
    .from(measures)
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .where(and(isNull(rounds.archivedAt), ne(measures.status, "completed"), isNotNull(measures.deadline), reminderDay))
    .orderBy(asc(measures.id))
    .all();
}

/** Rounds in progress that ask for periodic reports. */
export function reportingRounds(q: Queryable) {
  return q
    .select({ id: rounds.id, name: rounds.name, reportCycle: rounds.reportCycle, reportWeekday: rounds.reportWeekday })
    .from(rounds)
    .where(and(isNull(rounds.archivedAt), ne(rounds.reportCycle, "none")))
    .orderBy(asc(rounds.id))
    .all();
}

export interface UnitReportingStatus {
  unitId: number;
  unitName: string;
  /** Open measures the unit leads in the round. */
  openMeasures: number;
  /** Of those, the ones with no progress report dated within the cycle. */
  unreported: number;
  /** The latest report date on any of those measures, or null if never reported. */
  lastReportDate: string | null;
  /** Active accounts of the unit: a unit without any cannot be reminded in the app. */
  accounts: number;
}

/**
 * Per lead unit of a round: its open measures and how many lack a report dated within the
 * cycle. Only units with at least one unreported measure are returned. Reporting is the
 * lead unit's duty, so co-responsible units are not listed; a report by anyone on the
 * measure counts, since offices accept a co-unit or the office entering it on their behalf.
 */
export function unitsMissingReports(q: Queryable, params: { roundId: number; window: Pick<ReportCycleWindow, "start" | "end"> }): UnitReportingStatus[] {
  const reportedInCycle = sql`exists (select 1 from ${progressReports} where ${progressReports.measureId} = ${outer(measures.id)} and ${progressReports.reportDate} between ${params.window.start} and ${params.window.end})`;
  const unreported = sql<number>`sum(case when ${reportedInCycle} then 0 else 1 end)`;
  return q
    .select({
      unitId: units.id,
      unitName: units.name,
      openMeasures: sql<number>`count(*)`,
      unreported,
      lastReportDate: sql<string | null>`max((select max(${progressReports.reportDate}) from ${progressReports} where ${progressReports.measureId} = ${outer(measures.id)}))`,
      accounts: activeAccountsOf(outer(units.id)),
    })
    .from(measures)
    .innerJoin(units, eq(units.id, measures.leadUnitId))
    .where(and(eq(measures.roundId, params.roundId), ne(measures.status, "completed")))
    .groupBy(units.id, units.name)
    .having(sql`${unreported} > 0`)
    .orderBy(asc(units.name))
    .all();
}

export interface ReminderCounts {
  today: string;
  dueSoon: number;
  overdue: number;
  reportMissing: number;
  /** Measures that climbed a step of the escalation ladder (预警升级). */
  escalated: number;
  /** Notifications the ladder sent (its steps and the office's new drafts). */
  escalationNotifications: number;
  /** 督办单 drafts the ladder opened for the office. */
  noticeDrafts: number;
  /** Leaders' weekly digests sent. */
  digests: number;
  /** Notifications to the clue register's keepers of items past their time limit. */
  clueOverdue: number;
  /** Notifications to lead units of 并长期坚持 measures whose re-proof is near or past. */
  reproofDue: number;
  /** Every notification the run created. */
  total: number;
}

/**
 * The daily reminder job: due-soon (7/3/1 days), overdue (weekly) and missing-report
 * notifications for `today`, the escalation ladder's steps and drafts, and the leaders'
 * weekly digest, and the overdue items of the clue register. Idempotent through the notifications' dedupe keys and the ladder's
 * unique steps, so it can run at every server start and from the command line without
 * sending anything twice. Counts are of rows actually created; one audit row records the run.
 */
export function runReminders(db: DB, params: { today: string }): ReminderCounts {
  const { today } = params;
  return db.transaction((tx) => {
    const counts = { dueSoon: 0, overdue: 0, reportMissing: 0 };
    const due: { kind: "due_soon" | "overdue"; unitIds: number[]; notification: NotificationInput }[] = [];
    for (const m of openDatedMeasures(tx, today)) {
      const reminder = deadlineReminder({ deadline: m.deadline, status: m.status, roundArchived: false, today });
      if (!reminder) continue;
      const unitIds = [m.leadUnitId, ...(m.coUnitIds ?? "").split(",").filter(Boolean).map(Number)].filter((id): id is number => id !== null);
      due.push({ kind: reminder.kind, unitIds, notification: deadlineNotification({ ...m, deadline: m.deadline! }, reminder) });
    }
    notifyUnitsInBulk(tx, due).forEach((created, i) => {
      if (due[i]!.kind === "due_soon") counts.dueSoon += created;
      else counts.overdue += created;
    });
    for (const round of reportingRounds(tx)) {
      const window = reportCycleWindow({ cycle: round.reportCycle, weekday: round.reportWeekday, today });
      if (!window || !reportReminderDue(window, today)) continue;
      counts.reportMissing += remindUnits(tx, { round, window }).notifications;
    }
    const ladder = escalate(tx, { today });
    const digests = sendLeaderDigests(tx, { today });
    const clueOverdue = remindOverdueClues(tx, { today });
    const reproofDue = remindReproofs(tx, { today });
    const total = counts.dueSoon + counts.overdue + counts.reportMissing + ladder.escalationNotifications + digests + clueOverdue + reproofDue;
    const result = { today, ...counts, ...ladder, digests, clueOverdue, reproofDue, total };
    recordAudit(tx, { actorId: null, action: "reminders.run", entity: "reminders", entityId: today, after: result });
    return result;
  });
}

/** Each overdue 信访件、问题线索 reaches the register's keepers once (per due date). */
function remindOverdueClues(tx: Queryable, params: { today: string }): number {
  const overdue = overdueClues(tx, params);
  if (overdue.length === 0) return 0;
  const keepers = clueKeeperIds(tx);
  return notifyUsersInBulk(
    tx,
    overdue.map((clue) => ({ userIds: keepers, notification: clueOverdueNotification(clue) })),
  ).reduce((sum, n) => sum + n, 0);
}

/** A long-term measure's lead unit hears of its re-proof on the deadline reminders' days. */
function remindReproofs(tx: Queryable, params: { today: string }): number {
  const due = longTermMeasures(tx, { today: params.today, unitIds: null }).flatMap((m) => {
    const reminder = deadlineReminder({ deadline: m.nextDue, status: "incomplete", roundArchived: false, today: params.today });
    if (!reminder || m.leadUnitId === null || m.nextDue === null) return [];
    return [{ unitIds: [m.leadUnitId], notification: reproofNotification({ ...m, nextDue: m.nextDue }, reminder) }];
  });
  return notifyUnitsInBulk(tx, due).reduce((sum, n) => sum + n, 0);
}

function remindUnits(
  tx: Queryable,
  params: { round: { id: number; name: string }; window: ReportCycleWindow; unitIds?: readonly number[] },
): { units: number; notifications: number; alreadyReminded: number; noAccount: number } {
  const outcome = { units: 0, notifications: 0, alreadyReminded: 0, noAccount: 0 };
  const reminders: { unitIds: number[]; notification: NotificationInput }[] = [];
  for (const unit of unitsMissingReports(tx, { roundId: params.round.id, window: params.window })) {
    if (params.unitIds && !params.unitIds.includes(unit.unitId)) continue;
    if (unit.accounts === 0) {
      outcome.noAccount += 1;
      continue;
    }
    const notification = reportMissingNotification({
      roundId: params.round.id,
      roundName: params.round.name,
      unitId: unit.unitId,
      unreported: unit.unreported,
      window: params.window,
    });
    reminders.push({ unitIds: [unit.unitId], notification });
  }
  for (const created of notifyUnitsInBulk(tx, reminders)) {
    if (created > 0) outcome.units += 1;
    else outcome.alreadyReminded += 1;
    outcome.notifications += created;
  }
  return outcome;
}

export interface RemindOutcome {
  cycle: string;
  /** Units that received a new reminder. */
  units: number;
  notifications: number;
  /** Units skipped because they were already reminded this cycle. */
  alreadyReminded: number;
  /** Units skipped because they have no active account to notify. */
  noAccount: number;
  /** The round's lead units, so "nothing to remind" can say why. */
  leadUnits: { assigned: number; open: number };
}

/**
 * The office's one-click reminder: report_missing notifications, now, to the round's units
 * that have not reported this cycle (all of them, or those listed). Shares the job's
 * dedupe key, so a unit is reminded at most once per cycle whoever sends it.
 */
export function remindMissingReports(
  db: DB,
  params: { actorId: string; roundId: number; unitIds?: readonly number[]; today: string },
): RemindOutcome | null {
  return db.transaction((tx) => {
    // A unit that does not exist is refused, not reported as "nothing to remind".
    if (params.unitIds?.length) {
      const known = tx.select({ id: units.id }).from(units).where(inArray(units.id, [...params.unitIds])).all();
      if (known.length !== new Set(params.unitIds).size) throw new AppError("VALIDATION", "所选单位不存在,请刷新后重试");
    }
    const round = reportingRounds(tx).find((r) => r.id === params.roundId);
    const window = round && reportCycleWindow({ cycle: round.reportCycle, weekday: round.reportWeekday, today: params.today });
    if (!round || !window) return null;
    const outcome = { cycle: window.key, ...remindUnits(tx, { round, window, unitIds: params.unitIds }) };
    recordAudit(tx, {
      actorId: params.actorId,
      action: "reporting.remind",
      entity: "round",
      entityId: round.id,
      after: { ...outcome, unitIds: params.unitIds ?? "all" },
    });
    // The counts say why nothing was sent; they are read, not written, so not audited.
    return { ...outcome, leadUnits: leadUnitCounts(tx, round.id) };
  });
}

/**
 * When each unit of a round was first reminded this cycle (by the job or the office), read
 * back from the dedupe keys that reportMissingNotification writes.
 */
function remindedThisCycle(q: Queryable, params: { roundId: number; cycleKey: string }): Map<number, Date> {
  const prefix = `report_missing:round:${params.roundId}:unit:`;
  const rows = q
    .select({ dedupeKey: notifications.dedupeKey, createdAt: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.kind, "report_missing"), sql`${notifications.dedupeKey} glob ${`${prefix}*:cycle:${params.cycleKey}:user:*`}`))
    .all();
  const reminded = new Map<number, Date>();
  for (const row of rows) {
    const unitId = Number(row.dedupeKey.slice(prefix.length).split(":")[0]);
    const seen = reminded.get(unitId);
    if (!seen || row.createdAt < seen) reminded.set(unitId, row.createdAt);
  }
  return reminded;
}

/**
 * How many lead units a round has at all, and how many still lead an open measure: with
 * none missing, "all reported" is only true when there was someone to report.
 */
function leadUnitCounts(q: Queryable, roundId: number) {
  return q
    .select({
      assigned: sql<number>`count(distinct ${measures.leadUnitId})`,
      open: sql<number>`count(distinct case when ${measures.status} != 'completed' then ${measures.leadUnitId} end)`,
    })
    .from(measures)
    .where(eq(measures.roundId, roundId))
    .get() ?? { assigned: 0, open: 0 };
}

/** The office's overview: per reporting round, this cycle's window and the units behind. */
export function reportingOverview(q: Queryable, params: { today: string }) {
  return reportingRounds(q).flatMap((round) => {
    const window = reportCycleWindow({ cycle: round.reportCycle, weekday: round.reportWeekday, today: params.today });
    if (!window) return [];
    const reminded = remindedThisCycle(q, { roundId: round.id, cycleKey: window.key });
    const missing = unitsMissingReports(q, { roundId: round.id, window }).map((u) => ({ ...u, remindedAt: reminded.get(u.unitId) ?? null }));
    return [{ round, window, units: missing, leadUnits: leadUnitCounts(q, round.id) }];
  });
}

/** Rounds in progress that ask for no periodic reports: listed so the office sees why. */
export function roundsWithoutReporting(q: Queryable) {
  return q
    .select({ id: rounds.id, name: rounds.name })
    .from(rounds)
    .where(and(isNull(rounds.archivedAt), eq(rounds.reportCycle, "none")))
    .orderBy(asc(rounds.id))
    .all();
}

export type ReportingOverview = ReturnType<typeof reportingOverview>;
