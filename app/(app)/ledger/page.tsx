import { redirect } from "next/navigation";
import { db } from "@/db";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { requirePermission } from "@/server/session";

// 台账 in the navigation opens the ledger of the current round (the newest not archived).
export default async function LedgerPage() {
  await requirePermission("ledger.read");
  const rounds = listRoundsWithCountsWhileUnchanged(db);
  const current = rounds.find((r) => !r.archivedAt) ?? rounds[0];
  redirect(current ? `/rounds/${current.id}/ledger` : "/rounds");
}
