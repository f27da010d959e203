"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import {
  createAspect,
  createMeasure,
  createProblem,
  deleteAspect,
  deleteMeasure,
  deleteProblem,
  moveAspect,
  moveAspectProblems,
  moveMeasure,
  renameAspect,
  updateMeasure,
  updateProblem,
} from "@/db/queries/plan-edit";
import { getRound } from "@/db/queries/rounds";
import { defineAction } from "@/server/action";
import { AppError } from "@/lib/errors";
import {
  aspectRefSchema,
  createAspectSchema,
  createMeasureSchema,
  createProblemSchema,
  deleteProblemSchema,
  measureDeadline,
  measureRefSchema,
  moveAspectProblemsSchema,
  moveAspectSchema,
  moveMeasureSchema,
  renameAspectSchema,
  updateMeasureSchema,
  updateProblemSchema,
  type MeasureInput,
} from "@/lib/validations/plan";

// The plan editor's writes. Each is built with defineAction (permission "plan.manage") and
// runs one query in one transaction; the query writes the audit row.

const OTHER_VIEWS = ["/rounds", "/ledger", "/dashboard", "/my-tasks"];

/** Everything under /rounds/[id] (the lists, the ledger, the editor) shows the plan. */
function touched(roundId: number) {
  revalidatePath(`/rounds/${roundId}`, "layout");
}

const planPath = (roundId: number, anchor?: string) => `/rounds/${roundId}/plan${anchor ? `#${anchor}` : ""}`;

// ── aspects ─────────────────────────────────────────────────────────────

export const createAspectAction = defineAction({
  permission: "plan.manage",
  schema: createAspectSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, ...input } }) => {
    const aspect = db.transaction((tx) => createAspect(tx, { actorId: actor.id, roundId, input }));
    touched(roundId);
    return `已新增方面“${aspect.name}”`;
  },
});

export const renameAspectAction = defineAction({
  permission: "plan.manage",
  schema: renameAspectSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId, ...input } }) => {
    db.transaction((tx) => renameAspect(tx, { actorId: actor.id, roundId, aspectId, input }));
    touched(roundId);
    return { redirectTo: planPath(roundId, `aspect-${aspectId}`) };
  },
});

export const moveAspectAction = defineAction({
  permission: "plan.manage",
  schema: moveAspectSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId, direction } }) => {
    const moved = db.transaction((tx) => moveAspect(tx, { actorId: actor.id, roundId, aspectId, direction }));
    touched(roundId);
    return moved ? "已调整方面顺序" : direction === "up" ? "已在最前" : "已在最后";
  },
});

export const deleteAspectAction = defineAction({
  permission: "plan.manage",
  schema: aspectRefSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId } }) => {
    const aspect = db.transaction((tx) => deleteAspect(tx, { actorId: actor.id, roundId, aspectId }));
    touched(roundId);
    return `已删除方面“${aspect.name}”`;
  },
});

export const moveAspectProblemsAction = defineAction({
  permission: "plan.manage",
  schema: moveAspectProblemsSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId, targetAspectId } }) => {
    const n = db.transaction((tx) => moveAspectProblems(tx, { actorId: actor.id, roundId, aspectId, targetAspectId }));
    touched(roundId);
    return n === 0 ? "该方面下没有问题,无需移动" : `已移动 ${n} 个问题`;
  },
});

// ── problems ────────────────────────────────────────────────────────────

export const createProblemAction = defineAction({
  permission: "plan.manage",
  schema: createProblemSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, ...input } }) => {
    const problem = db.transaction((tx) => createProblem(tx, { actorId: actor.id, roundId, input }));
    touched(roundId);
    return `已新增第 ${problem.number} 号问题“${problem.title}”`;
  },
});

export const updateProblemAction = defineAction({
  permission: "plan.manage",
  schema: updateProblemSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, problemId, ...input } }) => {
    db.transaction((tx) => updateProblem(tx, { actorId: actor.id, roundId, problemId, input }));
    touched(roundId);
    return { redirectTo: planPath(roundId, `problem-${problemId}`) };
  },
});

export const deleteProblemAction = defineAction({
  permission: "plan.manage",
  schema: deleteProblemSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, problemId, confirmCascade, measureCount } }) => {
    const problem = db.transaction((tx) =>
      deleteProblem(tx, { actorId: actor.id, roundId, problemId, confirmCascade, measureCount }),
    );
    touched(roundId);
    const cascade = problem.measures.length > 0 ? `及其 ${problem.measures.length} 项整改措施` : "";
    return `已删除第 ${problem.number} 号问题${cascade}`;
  },
});

// ── measures ────────────────────────────────────────────────────────────

function measureValues(roundId: number, input: MeasureInput) {
  const round = getRound(db, { id: roundId });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  const { text, goal, leadUnitId, coUnitIds } = input;
  return { text, goal, leadUnitId, coUnitIds, ...measureDeadline(input, { feedbackDate: round.feedbackDate }) };
}

export const createMeasureAction = defineAction({
  permission: "plan.manage",
  schema: createMeasureSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, problemId, ...input } }) => {
    const values = measureValues(roundId, input);
    const measure = db.transaction((tx) => createMeasure(tx, { actorId: actor.id, roundId, problemId, input: values }));
    touched(roundId);
    return { redirectTo: planPath(roundId, `measure-${measure.id}`) };
  },
});

export const updateMeasureAction = defineAction({
  permission: "plan.manage",
  schema: updateMeasureSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, measureId, version, ...input } }) => {
    const values = measureValues(roundId, input);
    db.transaction((tx) => updateMeasure(tx, { actorId: actor.id, roundId, measureId, version, input: values }));
    touched(roundId);
    return { redirectTo: planPath(roundId, `measure-${measureId}`) };
  },
});

export const deleteMeasureAction = defineAction({
  permission: "plan.manage",
  schema: measureRefSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, measureId } }) => {
    db.transaction((tx) => deleteMeasure(tx, { actorId: actor.id, roundId, measureId }));
    touched(roundId);
    return "已删除该整改措施";
  },
});

export const moveMeasureAction = defineAction({
  permission: "plan.manage",
  schema: moveMeasureSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, measureId, direction } }) => {
    const moved = db.transaction((tx) => moveMeasure(tx, { actorId: actor.id, roundId, measureId, direction }));
    touched(roundId);
    return moved ? "已调整整改措施顺序" : direction === "up" ? "已在最前" : "已在最后";
  },
});
