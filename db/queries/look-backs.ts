import "server-only";
import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { INSTITUTION_APPLIED_LABELS, type LookBackResult } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { InstitutionCheckInput } from "@/lib/validations/institution";
import { lookBackRefusal, type LookBackView } from "@/lib/validations/look-back";
import type { Queryable } from "../client";
import { lookBackInstitutionChecks, lookBacks, measures, problems, rounds, units, users } from "../schema";
import { recordAudit } from "./audit";
import { institutionsForMeasure } from "./institutions";
import { setMeasureStatus } from "./measure-status";
import { notifyUnit } from "./notifications";
import { outer } from "./sql";

// 回头看 (DOMAIN.md §8): a re-check, on a scheduled day, that a finished measure has not
// slid back. A relapse reopens the measure through setMeasureStatus, the one door to a
// measure's official status.

/** Schedules a look-back; refuses measures that are neither completed nor 并长期坚持. */
export function scheduleLookBack(
  tx: Queryable,
  params: { actorId: string; measureId: number; scheduledDate: string; today: string },
) {
  const measure = tx
    .select({ id: measures.id, status: measures.status, deadlineKind: measures.deadlineKind })
    .from(measures)
    .where(eq(measures.id, params.measureId))
    .get();
  if (!measure) throw new AppError("NOT_FOUND", "未找到该整改措施");
  const refusal = lookBackRefusal(measure);
  if (refusal) throw new AppError("VALIDATION", refusal);
  if (params.scheduledDate < params.today) {
    throw new AppError("VALIDATION", "回头看日期不能早于今天", { scheduledDate: ["回头看日期不能早于今天"] });
  }
  // One open re-check at a time: two pending dates for one measure would leave the office
  // unsure which result counts.
  const pending = tx
    .select({ scheduledDate: lookBacks.scheduledDate })
    .from(lookBacks)
    .where(and(eq(lookBacks.measureId, measure.id), isNull(lookBacks.result)))
    .get();
  if (pending) {
    throw new AppError("CONFLICT", `该措施已安排 ${pending.scheduledDate} 的回头看,请先记录其结果再安排下一次`);
  }
  const created = tx
    .insert(lookBacks)
    .values({ measureId: measure.id, scheduledDate: params.scheduledDate })
    .returning()
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "look_back.schedule",
    entity: "look_back",
    entityId: created.id,
    after: { measureId: created.measureId, scheduledDate: created.scheduledDate },
  });
  return created;
}

/**
 * Records the result of a look-back. A relapse, in the same transaction, reopens the
 * measure (official status back to 未完成 with the note as reason, problem rolled up again)
 * and notifies the lead unit's users.
 */
export function recordLookBackResult(
  tx: Queryable,
  params: {
    actorId: string;
    lookBackId: number;
    result: LookBackResult;
    note: string;
    /** 是否执行到位 of every rule answering the measure's problem (institutionsForMeasure). */
    institutionChecks?: readonly InstitutionCheckInput[];
  },
) {
  const before = tx.select().from(lookBacks).where(eq(lookBacks.id, params.lookBackId)).get();
  if (!before) throw new AppError("NOT_FOUND", "未找到该回头看");
  const already = () => new AppError("CONFLICT", "该回头看已记录结果,不能重复记录");
  if (before.result) throw already();
  const checks = institutionAnswers(tx, { measureId: before.measureId, result: params.result, answers: params.institutionChecks ?? [] });
  const note = params.note.trim();
  // The `result is null` guard makes a second, concurrent recording a no-op, not an overwrite.
  const after = tx
    .update(lookBacks)
    .set({ result: params.result, note: note || null, checkedById: params.actorId, checkedAt: new Date() })
    .where(and(eq(lookBacks.id, before.id), isNull(lookBacks.result)))
    .returning()
    .get();
  if (!after) throw already();
  for (const check of checks) tx.insert(lookBackInstitutionChecks).values({ lookBackId: after.id, ...check }).run();
  const audited = checks.length > 0 ? { institutionChecks: checks } : {};
  // One audit row per user action: a relapse is recorded by the measure's reopen row,
  // which names this look-back; a "holds" result by a look-back row.
  if (params.result === "holds") {
    recordAudit(tx, {
      actorId: params.actorId,
      action: "look_back.record",
      entity: "look_back",
      entityId: after.id,
      before: { measureId: before.measureId, result: null },
      after: { measureId: after.measureId, result: after.result, note: after.note, ...audited },
    });
  }
  if (params.result === "relapsed") {
    const measure = setMeasureStatus(tx, {
      actorId: params.actorId,
      measureId: after.measureId,
      status: "incomplete",
      action: "measure.reopen",
      reason: note,
      lookBackId: after.id,
      institutionChecks: checks.length > 0 ? checks : undefined,
    });
    if (measure?.leadUnitId) {
      notifyUnit(tx, {
        unitId: measure.leadUnitId,
        notification: {
          kind: "relapsed",
          title: `回头看发现反弹,整改措施已重新打开:${shorten(measure.text, 40)}`,
          body: note,
          link: `/measures/${measure.id}`,
          dedupeKey: `relapsed:look_back:${after.id}`,
        },
      });
    }
  }
  return after;
}

/**
 * The per-rule answers of a look-back, checked against the rules it asks about: every one
 * answered, none other. A rule found 未执行 does not let the look-back pass silently: the
 * result cannot be 巩固 while a rule the rectification rests on is not applied. We refuse
 * rather than turn it into a relapse on our own, because reopening the measure is the
 * office's decision and needs its reason (the note); the message says what to do instead.
 */
function institutionAnswers(
  tx: Queryable,
  params: { measureId: number; result: LookBackResult; answers: readonly InstitutionCheckInput[] },
) {
  const asked = institutionsForMeasure(tx, { measureId: params.measureId });
  const askedIds = new Set(asked.map((i) => i.id));
  const byId = new Map(params.answers.map((a) => [a.institutionId, a]));
  if (params.answers.some((a) => !askedIds.has(a.institutionId)) || byId.size !== params.answers.length) {
    throw new AppError("VALIDATION", "所答制度不是该整改措施所针对问题的制度,请刷新页面后重新填写");
  }
  const missing = asked.filter((i) => !byId.has(i.id));
  if (missing.length > 0) {
    throw new AppError(
      "VALIDATION",
      `请逐项回答制度是否执行到位(尚缺:${missing.map((i) => `《${i.title}》`).join("、")})`,
      Object.fromEntries(missing.map((i) => [`applied.${i.id}`, ["请选择该制度是否执行到位"]])),
    );
  }
  const notApplied = asked.filter((i) => byId.get(i.id)!.applied === "not_applied");
  if (params.result === "holds" && notApplied.length > 0) {
    const names = notApplied.map((i) => `《${i.title}》`).join("、");
    const message = `${names}${INSTITUTION_APPLIED_LABELS.not_applied},回头看结果不能记为“巩固”:请督促执行后再记录,或记为“反弹”并说明情况`;
    throw new AppError("VALIDATION", message, { result: [message] });
  }
  return asked.map((i) => {
    const answer = byId.get(i.id)!;
    return { institutionId: i.id, applied: answer.applied, note: answer.note.trim() || null };
  });
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

const checkers = alias(users, "checkers");

const rowColumns = {
  id: lookBacks.id,
  scheduledDate: lookBacks.scheduledDate,
  result: lookBacks.result,
  note: lookBacks.note,
  checkedAt: lookBacks.checkedAt,
  checkerName: checkers.name,
  measureId: measures.id,
  measureText: measures.text,
  measureStatus: measures.status,
  deadlineKind: measures.deadlineKind,
  problemNumber: problems.number,
  position: measures.position,
  roundId: rounds.id,
  roundName: rounds.name,
  leadUnitName: units.name,
};

/** Look-backs of one view (due / upcoming / checked), optionally of one round. */
export function listLookBacks(
  q: Queryable,
  params: { view: Exclude<LookBackView, "unscheduled">; today: string; roundId?: number; limit?: number },
) {
  const viewWhere: Record<typeof params.view, SQL | undefined> = {
    due: and(isNull(lookBacks.result), lte(lookBacks.scheduledDate, params.today)),
    upcoming: and(isNull(lookBacks.result), gt(lookBacks.scheduledDate, params.today)),
    checked: isNotNull(lookBacks.result),
  };
  const order =
    params.view === "checked"
      ? [desc(lookBacks.checkedAt), desc(lookBacks.id)]
      : [asc(lookBacks.scheduledDate), asc(problems.number), asc(measures.position)];
  return q
    .select(rowColumns)
    .from(lookBacks)
    .innerJoin(measures, eq(measures.id, lookBacks.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .leftJoin(checkers, eq(checkers.id, lookBacks.checkedById))
    .where(and(viewWhere[params.view], params.roundId ? eq(measures.roundId, params.roundId) : undefined))
    .orderBy(...order)
    .limit(params.limit ?? 500)
    .all();
}

export type LookBackRow = ReturnType<typeof listLookBacks>[number];

// Eligible (completed, or 并长期坚持) and with no look-back waiting for its result.
const awaitingWhere = (roundId?: number) =>
  and(
    or(eq(measures.status, "completed"), eq(measures.deadlineKind, "ongoing")),
    sql`not exists (select 1 from ${lookBacks} where ${lookBacks.measureId} = ${outer(measures.id)} and ${lookBacks.result} is null)`,
    roundId ? eq(measures.roundId, roundId) : undefined,
  );

/** Measures that may get a look-back and have none pending: the office's "待安排". */
export function listMeasuresAwaitingLookBack(q: Queryable, params: { roundId?: number; limit?: number }) {
  return q
    .select({
      measureId: measures.id,
      measureText: measures.text,
      measureStatus: measures.status,
      deadlineKind: measures.deadlineKind,
      deadline: measures.deadline,
      problemNumber: problems.number,
      position: measures.position,
      roundId: rounds.id,
      roundName: rounds.name,
      leadUnitName: units.name,
      lastChecked: sql<string | null>`(select max(${lookBacks.scheduledDate}) from ${lookBacks} where ${lookBacks.measureId} = ${outer(measures.id)})`,
    })
    .from(measures)
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(rounds, eq(rounds.id, measures.roundId))
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(awaitingWhere(params.roundId))
    .orderBy(asc(rounds.id), asc(problems.number), asc(measures.position))
    .limit(params.limit ?? 500)
    .all();
}

/** How many items each view holds, for the tabs of /look-backs. */
export function lookBackCounts(q: Queryable, params: { today: string; roundId?: number }): Record<LookBackView, number> {
  const row = q
    .select({
      due: sql<number>`coalesce(sum(${lookBacks.result} is null and ${lookBacks.scheduledDate} <= ${params.today}), 0)`,
      upcoming: sql<number>`coalesce(sum(${lookBacks.result} is null and ${lookBacks.scheduledDate} > ${params.today}), 0)`,
      checked: sql<number>`coalesce(sum(${lookBacks.result} is not null), 0)`,
    })
    .from(lookBacks)
    .innerJoin(measures, eq(measures.id, lookBacks.measureId))
    .where(params.roundId ? eq(measures.roundId, params.roundId) : undefined)
    .get();
  const unscheduled =
    q.select({ n: sql<number>`count(*)` }).from(measures).where(awaitingWhere(params.roundId)).get()?.n ?? 0;
  return { due: row?.due ?? 0, upcoming: row?.upcoming ?? 0, checked: row?.checked ?? 0, unscheduled };
}

/** One measure's look-backs, newest first, for its page. */
export function listMeasureLookBacks(q: Queryable, params: { measureId: number }) {
  return q
    .select({
      id: lookBacks.id,
      scheduledDate: lookBacks.scheduledDate,
      result: lookBacks.result,
      note: lookBacks.note,
      checkedAt: lookBacks.checkedAt,
      checkerName: checkers.name,
    })
    .from(lookBacks)
    .leftJoin(checkers, eq(checkers.id, lookBacks.checkedById))
    .where(eq(lookBacks.measureId, params.measureId))
    .orderBy(desc(lookBacks.scheduledDate), desc(lookBacks.id))
    .all();
}

/** One look-back row, for API answers. */
export function getLookBack(q: Queryable, params: { id: number }) {
  return q.select().from(lookBacks).where(eq(lookBacks.id, params.id)).get();
}
