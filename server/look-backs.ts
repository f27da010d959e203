import "server-only";
import { db } from "@/db";
import * as lookBackQueries from "@/db/queries/look-backs";
import type { LookBackResult } from "@/lib/domain";
import type { InstitutionCheckInput } from "@/lib/validations/institution";
import { todayISO } from "@/lib/deadline-state";
import type { Actor } from "@/lib/permissions";

// 回头看: the office schedules a re-check of a completed (or 并长期坚持) measure and records
// what it found; a relapse reopens the measure and notifies its lead unit (in the query).

export function scheduleLookBack(actor: Actor, input: { measureId: number; scheduledDate: string }) {
  return db.transaction((tx) =>
    lookBackQueries.scheduleLookBack(tx, { actorId: actor.id, measureId: input.measureId, scheduledDate: input.scheduledDate, today: todayISO() }),
  );
}

export function recordLookBackResult(
  actor: Actor,
  input: { lookBackId: number; result: LookBackResult; note: string; institutionChecks?: readonly InstitutionCheckInput[] },
) {
  return db.transaction((tx) =>
    lookBackQueries.recordLookBackResult(tx, {
      actorId: actor.id,
      lookBackId: input.lookBackId,
      result: input.result,
      note: input.note,
      institutionChecks: input.institutionChecks,
    }),
  );
}
