import "server-only";
import { cookies } from "next/headers";
import { db } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { can, canOpenRound, visibleRoundIds, type Actor } from "@/lib/permissions";
import { parseRememberedRound, REMEMBERED_ROUND_COOKIE, type RememberedRound } from "@/lib/remembered-round";

/**
 * The round this user last chose (see lib/remembered-round.ts), if it still exists, is not
 * archived and the user may read rounds; else null, and the caller opens its default. The
 * cookie lives in the browser: on a shared computer another user's choice is honoured only
 * when these checks pass for the one signed in now.
 */
export async function rememberedRound(actor: Actor): Promise<RememberedRound | null> {
  const remembered = parseRememberedRound((await cookies()).get(REMEMBERED_ROUND_COOKIE)?.value);
  if (remembered === null || !can(actor, "round.read")) return null;
  if (remembered === "all") return visibleRoundIds(actor, "round.read") === null ? "all" : null;
  const round = getRound(db, { id: remembered });
  return round && !round.archivedAt && canOpenRound(actor, "round.read", round.id) ? round.id : null;
}
