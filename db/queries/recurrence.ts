import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DeadlineKind } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { SimilarityIndex, SIMILAR_LIMIT, type SimilarProblem } from "@/lib/recurrence";
import type { Queryable } from "../client";
import { lookBacks, measures, problemRecurrences, problems, rounds } from "../schema";
import { recordAudit } from "./audit";

// 反弹回潮 across rounds. Candidates are the problems of the SAME inspected body's EARLIER
// rounds: a problem coming back is a repeat at the body that had it (the same problem at
// another body is a 共性问题, another question). That bound is also what keeps the query
// fast: in the province database a body has at most 8 rounds, so at most a few thousand
// titles are scored in memory, never the 60,000 of every round.

/** When a round happened, for "earlier": its feedback date, else the day it was created. */
const roundDay = (r: { feedbackDate: SQLWrapper; createdAt: SQLWrapper }) =>
  sql<string>`coalesce(${r.feedbackDate}, date(${r.createdAt} / 1000, 'unixepoch'))`;

/**
 * The rounds before `roundId` at the same inspected body (same text, or the same unit
 * standing for it), most recent first, among `visibleRoundIds` (null: all).
 */
export function earlierRoundsOf(q: Queryable, params: { roundId: number; visibleRoundIds?: readonly number[] | null }) {
  const current = alias(rounds, "current_round");
  const conditions: SQL[] = [
    eq(current.id, params.roundId),
    sql`${rounds.id} <> ${current.id}`,
    or(
      eq(rounds.inspectedBody, current.inspectedBody),
      and(sql`${rounds.inspectedUnitId} is not null`, eq(rounds.inspectedUnitId, current.inspectedUnitId)),
    )!,
    // Same day: the older record counts as the earlier round.
    sql`(${roundDay(rounds)} < ${roundDay(current)} or (${roundDay(rounds)} = ${roundDay(current)} and ${rounds.id} < ${current.id}))`,
  ];
  if (params.visibleRoundIds) {
    if (params.visibleRoundIds.length === 0) return [];
    conditions.push(inArray(rounds.id, [...params.visibleRoundIds]));
  }
  return q
    .select({ id: rounds.id, name: rounds.name, day: roundDay(rounds) })
    .from(rounds)
    .innerJoin(current, sql`1`)
    .where(and(...conditions))
    .orderBy(desc(roundDay(rounds)), desc(rounds.id))
    .all();
}

export type { SimilarProblem };

/**
 * For each of `titles` (the problems of `roundId`, or of a file about to be imported into
 * it), the earlier problems it resembles, best first, above the threshold.
 */
export function similarEarlierProblems<K>(
  q: Queryable,
  params: { roundId: number; titles: readonly { key: K; title: string }[]; visibleRoundIds?: readonly number[] | null; limit?: number },
): Map<K, SimilarProblem[]> {
  const found = new Map<K, SimilarProblem[]>();
  const earlier = earlierRoundsOf(q, params);
  if (earlier.length === 0 || params.titles.length === 0) return found;
  const roundName = new Map(earlier.map((r) => [r.id, r.name]));
  const order = new Map(earlier.map((r, i) => [r.id, i]));
  const candidates = q
    .select({ id: problems.id, roundId: problems.roundId, number: problems.number, title: problems.title, status: problems.status })
    .from(problems)
    .where(inArray(problems.roundId, earlier.map((r) => r.id)))
    .all()
    // Most recent round first, so an equal score lists the latest occurrence first.
    .sort((a, b) => order.get(a.roundId)! - order.get(b.roundId)! || a.number - b.number);
  const index = new SimilarityIndex(candidates);
  const matched = new Map<K, { candidate: (typeof candidates)[number]; score: number }[]>();
  for (const { key, title } of params.titles) {
    const similar = index.similarTo(title, { limit: params.limit ?? SIMILAR_LIMIT });
    if (similar.length > 0) matched.set(key, similar);
  }
  const problemIds = [...new Set([...matched.values()].flat().map((m) => m.candidate.id))];
  const promised = measuresOfProblems(q, { problemIds });
  for (const [key, similar] of matched) {
    found.set(
      key,
      similar.map(({ candidate, score }) => ({
        ...candidate,
        roundName: roundName.get(candidate.roundId)!,
        score,
        measures: promised.get(candidate.id) ?? [],
      })),
    );
  }
  return found;
}

type PromisedMeasure = SimilarProblem["measures"][number] & { deadlineKind: DeadlineKind };

function measuresOfProblems(q: Queryable, params: { problemIds: readonly number[] }) {
  const byProblem = new Map<number, PromisedMeasure[]>();
  if (params.problemIds.length === 0) return byProblem;
  const rows = q
    .select({ id: measures.id, problemId: measures.problemId, text: measures.text, status: measures.status, deadlineText: measures.deadlineText, deadlineKind: measures.deadlineKind })
    .from(measures)
    .where(inArray(measures.problemId, [...params.problemIds]))
    .orderBy(asc(measures.problemId), asc(measures.position))
    .all();
  for (const { problemId, ...measure } of rows) {
    const list = byProblem.get(problemId) ?? [];
    list.push(measure);
    byProblem.set(problemId, list);
  }
  return byProblem;
}

const linkedProblem = {
  id: problems.id,
  roundId: problems.roundId,
  roundName: rounds.name,
  number: problems.number,
  title: problems.title,
  status: problems.status,
};

/** The earlier problem `problemId` was marked as repeating, with its measures, or null. */
export function recurrenceOf(q: Queryable, params: { problemId: number }) {
  const row = q
    .select({ ...linkedProblem, markedAt: problemRecurrences.createdAt })
    .from(problemRecurrences)
    .innerJoin(problems, eq(problems.id, problemRecurrences.earlierProblemId))
    .innerJoin(rounds, eq(rounds.id, problems.roundId))
    .where(eq(problemRecurrences.problemId, params.problemId))
    .get();
  if (!row) return null;
  return { ...row, measures: measuresOfProblems(q, { problemIds: [row.id] }).get(row.id) ?? [] };
}

/** The pending (scheduled, not yet recorded) 回头看 of each of `measureIds`, by measure. */
export function pendingLookBacks(q: Queryable, params: { measureIds: readonly number[] }) {
  if (params.measureIds.length === 0) return new Map<number, string>();
  const rows = q
    .select({ measureId: lookBacks.measureId, scheduledDate: lookBacks.scheduledDate })
    .from(lookBacks)
    .where(and(inArray(lookBacks.measureId, [...params.measureIds]), isNull(lookBacks.result)))
    .all();
  return new Map(rows.map((r) => [r.measureId, r.scheduledDate]));
}

/** The later problems marked as repeats of `problemId`. */
export function laterRecurrences(q: Queryable, params: { problemId: number }) {
  return q
    .select(linkedProblem)
    .from(problemRecurrences)
    .innerJoin(problems, eq(problems.id, problemRecurrences.problemId))
    .innerJoin(rounds, eq(rounds.id, problems.roundId))
    .where(eq(problemRecurrences.earlierProblemId, params.problemId))
    .orderBy(asc(problems.id))
    .all();
}

/** The ledger export's column: for each problem of a round marked recurring, what it repeats. */
export function recurrencesInRound(q: Queryable, params: { roundId: number }) {
  const later = alias(problems, "later_problem");
  const rows = q
    .select({ problemId: problemRecurrences.problemId, roundName: rounds.name, number: problems.number, title: problems.title })
    .from(problemRecurrences)
    .innerJoin(later, eq(later.id, problemRecurrences.problemId))
    .innerJoin(problems, eq(problems.id, problemRecurrences.earlierProblemId))
    .innerJoin(rounds, eq(rounds.id, problems.roundId))
    .where(eq(later.roundId, params.roundId))
    .all();
  return new Map(rows.map(({ problemId, ...earlier }) => [problemId, earlier]));
}

/**
 * Marks `problemId` as a repeat of `earlierProblemId`. Refused (in Chinese, nothing written)
 * for an unknown problem, the problem itself, one of the same or a later round, or a problem
 * already marked.
 */
export function markRecurrence(tx: Queryable, params: { actorId: string; problemId: number; earlierProblemId: number }) {
  const problem = problemWithRound(tx, params.problemId);
  if (!problem) throw new AppError("NOT_FOUND", "未找到该问题");
  const earlier = problemWithRound(tx, params.earlierProblemId);
  if (!earlier) throw invalid("未找到所选的历史问题");
  if (earlier.id === problem.id) throw invalid("不能把问题标记为反弹自身");
  if (earlier.roundId === problem.roundId) throw invalid("所选问题与本问题属于同一轮次,反弹回潮只能关联此前轮次的问题");
  const isEarlier = earlier.day < problem.day || (earlier.day === problem.day && earlier.roundId < problem.roundId);
  if (!isEarlier) throw invalid(`所选问题所在轮次“${earlier.roundName}”不早于本轮次,反弹回潮只能关联此前轮次的问题`);
  const existing = tx.select().from(problemRecurrences).where(eq(problemRecurrences.problemId, problem.id)).get();
  if (existing) throw new AppError("CONFLICT", "该问题已标记为反弹回潮;如需改为关联其他问题,请先取消标记");
  const created = tx
    .insert(problemRecurrences)
    .values({ problemId: problem.id, earlierProblemId: earlier.id, markedById: params.actorId })
    .returning()
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "problem.mark_recurrence",
    entity: "problem",
    entityId: problem.id,
    after: { earlierProblemId: earlier.id, earlierRound: earlier.roundName, earlierNumber: earlier.number, earlierTitle: earlier.title },
  });
  return { ...created, problem, earlier };
}

/** Removes the mark; refused when the problem is not marked. */
export function unmarkRecurrence(tx: Queryable, params: { actorId: string; problemId: number }) {
  const problem = problemWithRound(tx, params.problemId);
  if (!problem) throw new AppError("NOT_FOUND", "未找到该问题");
  const existing = recurrenceOf(tx, { problemId: problem.id });
  if (!existing) throw new AppError("CONFLICT", "该问题未标记为反弹回潮");
  tx.delete(problemRecurrences).where(eq(problemRecurrences.problemId, problem.id)).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "problem.unmark_recurrence",
    entity: "problem",
    entityId: problem.id,
    before: { earlierProblemId: existing.id, earlierRound: existing.roundName, earlierNumber: existing.number, earlierTitle: existing.title },
  });
  return { problem, earlier: existing };
}

function problemWithRound(q: Queryable, id: number) {
  return q
    .select({ id: problems.id, roundId: problems.roundId, number: problems.number, title: problems.title, roundName: rounds.name, day: roundDay(rounds) })
    .from(problems)
    .innerJoin(rounds, eq(rounds.id, problems.roundId))
    .where(eq(problems.id, id))
    .get();
}

function invalid(message: string) {
  return new AppError("VALIDATION", message, { earlierProblemId: [message] });
}
