import "server-only";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import * as roundQueries from "@/db/queries/rounds";
import { getUnit } from "@/db/queries/units";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { RoundInput } from "@/lib/validations/round";

// Rounds (巡视/巡察轮次): create, edit, archive and restore.

/** A round's name is unique and its inspected unit, if named, exists; read under the write lock. */
function assertRoundFields(tx: Tx, input: RoundInput, roundId?: number) {
  const existing = roundQueries.findRoundByName(tx, { name: input.name });
  if (existing && existing.id !== roundId) {
    throw new AppError("CONFLICT", "已有同名轮次", { name: ["已有同名轮次,请换一个名称"] });
  }
  if (input.inspectedUnitId !== null && !getUnit(tx, { id: input.inspectedUnitId })) {
    throw new AppError("VALIDATION", "所选单位不存在", { inspectedUnitId: ["所选单位不存在,请刷新后重新选择"] });
  }
}

export function createRound(actor: Actor, input: RoundInput) {
  return db.transaction((tx) => {
    assertRoundFields(tx, input);
    return roundQueries.createRound(tx, { actorId: actor.id, input });
  });
}

export function updateRound(actor: Actor, roundId: number, input: RoundInput) {
  const round = db.transaction((tx) => {
    assertRoundFields(tx, input, roundId);
    return roundQueries.updateRound(tx, { actorId: actor.id, roundId, input });
  });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  return round;
}

/** Archiving hides a finished round from units' to-do lists and the dashboard; nothing is deleted. */
export function setRoundArchived(actor: Actor, roundId: number, archived: boolean) {
  const round = db.transaction((tx) => roundQueries.setRoundArchived(tx, { actorId: actor.id, roundId, archived }));
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  return round;
}

/** The round a write names, or a 404 in Chinese. */
export function existingRound(roundId: number) {
  const round = roundQueries.getRound(db, { id: roundId });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  return round;
}
