import "server-only";
import { db } from "@/db";
import * as recurrenceQueries from "@/db/queries/recurrence";
import { similarEarlierProblems } from "@/db/queries/recurrence";
import { can, visibleRoundIds, type Actor } from "@/lib/permissions";
import type { ImportRecurrence } from "@/lib/recurrence";

// 反弹回潮: the office marks a problem as a repeat of an earlier round's problem, or removes
// the mark; each in one transaction with its audit row. The 回头看 of the earlier measures
// is proposed on the page, never scheduled here: the office confirms each one.

export function markRecurrence(actor: Actor, input: { problemId: number; earlierProblemId: number }) {
  return db.transaction((tx) => recurrenceQueries.markRecurrence(tx, { actorId: actor.id, ...input }));
}

export function unmarkRecurrence(actor: Actor, input: { problemId: number }) {
  return db.transaction((tx) => recurrenceQueries.unmarkRecurrence(tx, { actorId: actor.id, ...input }));
}

/**
 * The import previews' 反弹回潮 check: for each problem of the file, the earlier rounds'
 * problems it resembles (empty for an actor who may not read other rounds' findings).
 */
export function recurrencesForImport(actor: Actor, roundId: number, problems: readonly { number: number; title: string }[]): ImportRecurrence[] {
  if (!can(actor, "recurrence.read")) return [];
  const found = similarEarlierProblems(db, {
    roundId,
    titles: problems.map((p, index) => ({ key: index, title: p.title })),
    visibleRoundIds: visibleRoundIds(actor, "recurrence.read"),
  });
  return [...found].sort(([a], [b]) => a - b).map(([index, matches]) => ({ number: problems[index]!.number, title: problems[index]!.title, matches }));
}
