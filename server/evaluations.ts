import "server-only";
import { db } from "@/db";
import * as queries from "@/db/queries/evaluations";
import { todayISO } from "@/lib/deadline-state";
import type { Actor } from "@/lib/permissions";
import type { RedCardInput, ScoreUnitInput } from "@/lib/validations/evaluation";

// 整改成效评估: each use case is one transaction; the query writes the audit row.

export function scheduleEvaluation(actor: Actor, input: { roundId: number; templateId: number | "standard"; scheduledDate: string }) {
  return db.transaction((tx) => queries.scheduleEvaluation(tx, { actorId: actor.id, ...input }));
}

export function scoreUnit(actor: Actor, input: ScoreUnitInput) {
  return db.transaction((tx) => queries.scoreUnit(tx, { actorId: actor.id, today: todayISO(), ...input }));
}

export function issueRedCard(actor: Actor, input: Omit<RedCardInput, "confirmReopen">) {
  return db.transaction((tx) => queries.issueRedCard(tx, { actorId: actor.id, today: todayISO(), ...input }));
}
