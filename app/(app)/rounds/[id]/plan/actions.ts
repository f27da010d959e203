"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
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
} from "@/server/plan";
import {
  aspectRefSchema,
  createAspectSchema,
  createMeasureSchema,
  createProblemSchema,
  deleteProblemSchema,
  measureRefSchema,
  moveAspectProblemsSchema,
  moveAspectSchema,
  moveMeasureSchema,
  renameAspectSchema,
  updateMeasureSchema,
  updateProblemSchema,
} from "@/lib/validations/plan";

// The plan editor's writes. Each is built with defineAction (permission "plan.manage") and
// calls one use case of server/plan.ts.

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
    const aspect = createAspect(actor, roundId, { input });
    touched(roundId);
    return `已新增方面“${aspect.name}”`;
  },
});

export const renameAspectAction = defineAction({
  permission: "plan.manage",
  schema: renameAspectSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId, ...input } }) => {
    renameAspect(actor, roundId, { aspectId, input });
    touched(roundId);
    return { redirectTo: planPath(roundId, `aspect-${aspectId}`) };
  },
});

export const moveAspectAction = defineAction({
  permission: "plan.manage",
  schema: moveAspectSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId, direction } }) => {
    const moved = moveAspect(actor, roundId, { aspectId, direction });
    touched(roundId);
    return moved ? "已调整方面顺序" : direction === "up" ? "已在最前" : "已在最后";
  },
});

export const deleteAspectAction = defineAction({
  permission: "plan.manage",
  schema: aspectRefSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId } }) => {
    const aspect = deleteAspect(actor, roundId, { aspectId });
    touched(roundId);
    return `已删除方面“${aspect.name}”`;
  },
});

export const moveAspectProblemsAction = defineAction({
  permission: "plan.manage",
  schema: moveAspectProblemsSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, aspectId, targetAspectId } }) => {
    const n = moveAspectProblems(actor, roundId, { aspectId, targetAspectId });
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
    const problem = createProblem(actor, roundId, { input });
    touched(roundId);
    return `已新增第 ${problem.number} 号问题“${problem.title}”`;
  },
});

export const updateProblemAction = defineAction({
  permission: "plan.manage",
  schema: updateProblemSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, problemId, ...input } }) => {
    updateProblem(actor, roundId, { problemId, input });
    touched(roundId);
    return { redirectTo: planPath(roundId, `problem-${problemId}`) };
  },
});

export const deleteProblemAction = defineAction({
  permission: "plan.manage",
  schema: deleteProblemSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, problemId, confirmCascade, measureCount } }) => {
    const problem = deleteProblem(actor, roundId, { problemId, confirmCascade, measureCount });
    touched(roundId);
    const cascade = problem.measures.length > 0 ? `及其 ${problem.measures.length} 项整改措施` : "";
    return `已删除第 ${problem.number} 号问题${cascade}`;
  },
});

// ── measures ────────────────────────────────────────────────────────────

export const createMeasureAction = defineAction({
  permission: "plan.manage",
  schema: createMeasureSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, problemId, ...input } }) => {
    const measure = createMeasure(actor, roundId, { problemId, input });
    touched(roundId);
    return { redirectTo: planPath(roundId, `measure-${measure.id}`) };
  },
});

export const updateMeasureAction = defineAction({
  permission: "plan.manage",
  schema: updateMeasureSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, measureId, version, ...input } }) => {
    updateMeasure(actor, roundId, { measureId, version, input });
    touched(roundId);
    return { redirectTo: planPath(roundId, `measure-${measureId}`) };
  },
});

export const deleteMeasureAction = defineAction({
  permission: "plan.manage",
  schema: measureRefSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, measureId } }) => {
    deleteMeasure(actor, roundId, { measureId });
    touched(roundId);
    return "已删除该整改措施";
  },
});

export const moveMeasureAction = defineAction({
  permission: "plan.manage",
  schema: moveMeasureSchema,
  revalidate: OTHER_VIEWS,
  run: ({ actor, input: { roundId, measureId, direction } }) => {
    const moved = moveMeasure(actor, roundId, { measureId, direction });
    touched(roundId);
    return moved ? "已调整整改措施顺序" : direction === "up" ? "已在最前" : "已在最后";
  },
});
