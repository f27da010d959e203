import "server-only";
import { desc, eq } from "drizzle-orm";
import type { LedgerRow } from "./ledger";
import type { Queryable } from "../client";
import { ledgerSnapshots, rounds } from "../schema";
import { recordAudit } from "./audit";
import { ledgerRows } from "./ledger";
import { roundSummary, type RoundSummary } from "./summary";
import { parseListFilter } from "@/lib/validations/list-filter";

// 台账快照: the ledger frozen at a date (e.g. for a report to the inspecting body). Figures and
// rows are copied into the snapshot, so later sign-offs or edits never change what was sent.

/**
 * Freezes the round's ledger as it stands now, labelled with `asOf`. One audit row (the
 * figures, not the rows: the snapshot itself keeps those).
 */
export function createSnapshot(tx: Queryable, params: { actorId: string | null; roundId: number; asOf: string; label: string; today: string }) {
  const figures = roundSummary(tx, { roundId: params.roundId, today: params.today });
  if (!figures) return undefined;
  const rows = ledgerRows(tx, { roundId: params.roundId, filter: parseListFilter({}), today: params.today });
  const created = tx
    .insert(ledgerSnapshots)
    .values({ roundId: params.roundId, asOf: params.asOf, label: params.label, figures, rows, createdById: params.actorId })
    .returning({ id: ledgerSnapshots.id, asOf: ledgerSnapshots.asOf, label: ledgerSnapshots.label })
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "ledger_snapshot.create",
    entity: "ledger_snapshot",
    entityId: created.id,
    after: { ...created, roundId: params.roundId, measures: rows.length, figures },
  });
  return created;
}

/** A round's snapshots, newest date first; without their rows (those can be large). */
export function listSnapshots(q: Queryable, params: { roundId: number }) {
  return q
    .select({
      id: ledgerSnapshots.id,
      asOf: ledgerSnapshots.asOf,
      label: ledgerSnapshots.label,
      figures: ledgerSnapshots.figures,
      createdAt: ledgerSnapshots.createdAt,
    })
    .from(ledgerSnapshots)
    .where(eq(ledgerSnapshots.roundId, params.roundId))
    .orderBy(desc(ledgerSnapshots.asOf), desc(ledgerSnapshots.id))
    .all()
    .map((s) => ({ ...s, figures: s.figures as RoundSummary }));
}

export function getSnapshot(q: Queryable, params: { id: number }) {
  const row = q
    .select({ snapshot: ledgerSnapshots, roundName: rounds.name })
    .from(ledgerSnapshots)
    .innerJoin(rounds, eq(rounds.id, ledgerSnapshots.roundId))
    .where(eq(ledgerSnapshots.id, params.id))
    .get();
  if (!row) return undefined;
  return { ...row.snapshot, roundName: row.roundName, figures: row.snapshot.figures as RoundSummary, rows: row.snapshot.rows as LedgerRow[] };
}
