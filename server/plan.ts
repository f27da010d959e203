import "server-only";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import * as planEdit from "@/db/queries/plan-edit";
import type { Actor } from "@/lib/permissions";
import { DEFAULT_REPROOF_INTERVAL } from "@/lib/reproof";
import { measureDeadline, measureIndicator, type MeasureInput } from "@/lib/validations/plan";
import { existingRound } from "./rounds";

// 录入方案: the office edits a round's plan by hand — aspects, problems, measures. Each edit
// is one query in one transaction; the query checks the item belongs to the round and
// writes the audit row.

type RoundEdit = (tx: Tx, params: never) => unknown;
type EditParams<Q extends RoundEdit> = Omit<Parameters<Q>[1], "actorId" | "roundId">;

function edit<Q extends RoundEdit>(query: Q) {
  return (actor: Actor, roundId: number, params: EditParams<Q>): ReturnType<Q> =>
    db.transaction((tx) => query(tx, { ...params, actorId: actor.id, roundId } as Parameters<Q>[1]) as ReturnType<Q>);
}

export const createAspect = edit(planEdit.createAspect);
export const renameAspect = edit(planEdit.renameAspect);
export const moveAspect = edit(planEdit.moveAspect);
export const deleteAspect = edit(planEdit.deleteAspect);
export const moveAspectProblems = edit(planEdit.moveAspectProblems);

export const createProblem = edit(planEdit.createProblem);
export const updateProblem = edit(planEdit.updateProblem);
export const deleteProblem = edit(planEdit.deleteProblem);

export const deleteMeasure = edit(planEdit.deleteMeasure);
export const moveMeasure = edit(planEdit.moveMeasure);

/** A measure's fields as stored: the deadline phrase read against the round's feedback date. */
function measureValues(roundId: number, input: MeasureInput) {
  const round = existingRound(roundId);
  const { text, goal, leadUnitId, coUnitIds } = input;
  return {
    text,
    goal,
    leadUnitId,
    coUnitIds,
    reproofInterval: input.reproofInterval ?? DEFAULT_REPROOF_INTERVAL,
    indicator: measureIndicator(input),
    ...measureDeadline(input, { feedbackDate: round.feedbackDate }),
  };
}

export function createMeasure(actor: Actor, roundId: number, params: { problemId: number; input: MeasureInput }) {
  const input = measureValues(roundId, params.input);
  return edit(planEdit.createMeasure)(actor, roundId, { problemId: params.problemId, input });
}

export function updateMeasure(actor: Actor, roundId: number, params: { measureId: number; version: number; input: MeasureInput }) {
  const input = measureValues(roundId, params.input);
  return edit(planEdit.updateMeasure)(actor, roundId, { measureId: params.measureId, version: params.version, input });
}
