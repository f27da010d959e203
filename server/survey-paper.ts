import "server-only";
import { db } from "@/db";
import * as paperQueries from "@/db/queries/survey-paper";
import { AppError } from "@/lib/errors";
import { can, refusalMessage, type Actor } from "@/lib/permissions";
import type { PaperBatchInput } from "@/lib/validations/survey-paper";

// 纸质问卷批次: the office enters, corrects and deletes its tallies of paper forms. Each use
// case opens its transaction; db/queries/survey-paper.ts checks the batch and the questions
// belong to the survey and writes the audit row.

function allowed(actor: Actor): void {
  if (!can(actor, "survey.manage")) throw new AppError("FORBIDDEN", refusalMessage(actor));
}

export function addPaperBatch(actor: Actor, input: PaperBatchInput) {
  allowed(actor);
  return db.transaction((tx) => paperQueries.createPaperBatch(tx, { actorId: actor.id, input }));
}

export function correctPaperBatch(actor: Actor, input: PaperBatchInput & { batchId: number }) {
  allowed(actor);
  return db.transaction((tx) => paperQueries.updatePaperBatch(tx, { actorId: actor.id, input }));
}

export function removePaperBatch(actor: Actor, input: { surveyId: number; batchId: number }) {
  allowed(actor);
  return db.transaction((tx) => paperQueries.deletePaperBatch(tx, { actorId: actor.id, ...input }));
}
