import "server-only";
import { db } from "@/db";
import * as clueQueries from "@/db/queries/clues";
import { getRound } from "@/db/queries/rounds";
import { AppError } from "@/lib/errors";
import { can, refusalMessage, type Actor } from "@/lib/permissions";
import type { AdvanceClueInput, ClueFields, RegisterClueInput } from "@/lib/validations/clue";

// The 信访件、问题线索 register's writes: only its keepers (the office's administrator and
// the discipline staff, "clue.manage") write; each use case opens its transaction, and the
// queries check the stage order and write the history and the audit row.

function keeper(actor: Actor): void {
  if (!can(actor, "clue.manage")) throw new AppError("FORBIDDEN", refusalMessage(actor));
}

function openRound(roundId: number) {
  const round = getRound(db, { id: roundId });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  if (round.archivedAt) throw new AppError("CONFLICT", "该轮次已归档,不能再登记");
  return round;
}

export function registerClue(actor: Actor, input: RegisterClueInput) {
  keeper(actor);
  const { roundId, ...fields } = input;
  openRound(roundId);
  return db.transaction((tx) => clueQueries.registerClue(tx, { actorId: actor.id, roundId, fields }));
}

export function importClues(actor: Actor, input: { roundId: number; rows: readonly ClueFields[]; source: string }) {
  keeper(actor);
  openRound(input.roundId);
  if (input.rows.length === 0) throw new AppError("VALIDATION", "文件中没有可导入的件");
  return db.transaction((tx) => clueQueries.importClues(tx, { actorId: actor.id, ...input }));
}

export function advanceClue(actor: Actor, input: AdvanceClueInput) {
  keeper(actor);
  return db.transaction((tx) => clueQueries.advanceClue(tx, { actorId: actor.id, input }));
}
