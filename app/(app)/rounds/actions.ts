"use server";

import { db } from "@/db";
import { createRound, findRoundByName, setRoundArchived, updateRound } from "@/db/queries/rounds";
import { getUnit } from "@/db/queries/units";
import { defineAction } from "@/server/action";
import { AppError } from "@/lib/errors";
import { roundIdSchema, roundSchema, updateRoundSchema, type RoundInput } from "@/lib/validations/round";

function assertRoundFields(input: RoundInput, roundId?: number) {
  const existing = findRoundByName(db, { name: input.name });
  if (existing && existing.id !== roundId) {
    throw new AppError("CONFLICT", "已有同名轮次", { name: ["已有同名轮次,请换一个名称"] });
  }
  if (input.inspectedUnitId !== null && !getUnit(db, { id: input.inspectedUnitId })) {
    throw new AppError("VALIDATION", "所选单位不存在", { inspectedUnitId: ["所选单位不存在,请刷新后重新选择"] });
  }
}

export const createRoundAction = defineAction({
  permission: "plan.manage",
  schema: roundSchema,
  revalidate: ["/rounds"],
  run: ({ actor, input }) => {
    assertRoundFields(input);
    const round = db.transaction((tx) => createRound(tx, { actorId: actor.id, input }));
    return { redirectTo: `/rounds/${round.id}` };
  },
});

export const updateRoundAction = defineAction({
  permission: "plan.manage",
  schema: updateRoundSchema,
  revalidate: ["/rounds"],
  run: ({ actor, input }) => {
    const { roundId, ...fields } = input;
    assertRoundFields(fields, roundId);
    const round = db.transaction((tx) => updateRound(tx, { actorId: actor.id, roundId, input: fields }));
    if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
    return { redirectTo: `/rounds/${round.id}` };
  },
});

function archiveAction(archived: boolean) {
  return defineAction({
    permission: "plan.manage",
    schema: roundIdSchema,
    revalidate: ["/rounds"],
    run: ({ actor, input }) => {
      const round = db.transaction((tx) => setRoundArchived(tx, { actorId: actor.id, roundId: input.roundId, archived }));
      if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
      return archived ? `已归档“${round.name}”` : `已恢复“${round.name}”`;
    },
  });
}

export const archiveRoundAction = archiveAction(true);
export const unarchiveRoundAction = archiveAction(false);
