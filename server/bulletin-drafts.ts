import "server-only";
import { db } from "@/db";
import { saveReportDraft } from "@/db/queries/reports";
import { createSnapshot } from "@/db/queries/snapshots";
import { todayISO } from "@/lib/deadline-state";
import type { Actor } from "@/lib/permissions";
import type { ReportTexts } from "@/lib/validations/report";
import { existingRound } from "./rounds";

// The office's writes on the way to the published 通报: its edited texts, and the ledger
// frozen as of a date (a snapshot the report and the superior office can rely on).

export function saveBulletinTexts(actor: Actor, input: { roundId: number; texts: ReportTexts }) {
  const round = existingRound(input.roundId);
  db.transaction((tx) => saveReportDraft(tx, { actorId: actor.id, roundId: round.id, texts: input.texts }));
  return round;
}

export function freezeLedger(actor: Actor, input: { roundId: number; asOf?: string | null; label: string }) {
  const round = existingRound(input.roundId);
  const today = todayISO();
  return db.transaction((tx) => createSnapshot(tx, { actorId: actor.id, roundId: round.id, asOf: input.asOf ?? today, label: input.label, today }))!;
}
