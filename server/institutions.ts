import "server-only";
import { db } from "@/db";
import * as institutionQueries from "@/db/queries/institutions";
import type { Actor } from "@/lib/permissions";
import type { InstitutionEditInput } from "@/lib/validations/institution";

// 建章立制: the office sets a registered rule's 复查日期 and the problems it answers, in one
// transaction with its audit row.

export function updateInstitution(actor: Actor, input: InstitutionEditInput) {
  return db.transaction((tx) => institutionQueries.updateInstitution(tx, { actorId: actor.id, input }));
}
