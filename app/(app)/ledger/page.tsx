import { redirect } from "next/navigation";
import { db } from "@/db";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { onlyVisibleRounds } from "@/lib/permissions";
import { rememberedRound } from "@/server/remembered-round";
import { requirePermission } from "@/server/session";

// 台账 in the navigation opens the ledger of the round the user last chose, else the
// current round (the newest not archived).
export default async function LedgerPage() {
  const actor = await requirePermission("ledger.read");
  const remembered = await rememberedRound(actor);
  if (typeof remembered === "number") redirect(`/rounds/${remembered}/ledger`);
  const rounds = onlyVisibleRounds(actor, "ledger.read", listRoundsWithCountsWhileUnchanged(db));
  const current = rounds.find((r) => !r.archivedAt) ?? rounds[0];
  redirect(current ? `/rounds/${current.id}/ledger` : "/rounds");
}
