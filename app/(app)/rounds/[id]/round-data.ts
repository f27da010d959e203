import "server-only";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { whileUnchanged } from "@/db/queries/data-version";
import { ledgerPage } from "@/db/queries/ledger";
import { listAspects, unitsInRound } from "@/db/queries/plan";
import { getRound } from "@/db/queries/rounds";
import type { Round } from "@/db/schema/rounds";
import { canOpenRound, type Actor, type Permission } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { todayISO } from "@/lib/deadline-state";
import { PAGE_SIZE, parseListFilter } from "@/lib/validations/list-filter";
import { parseId } from "@/lib/validations/common";

/**
 * The round of a /rounds/[id]/… page for an actor who holds `permission`, else the
 * sign-in, 403 or 404 page. Every page and the layout call this themselves: a client
 * navigation between sibling pages renders only the page segment, never the layout, so
 * a check made only in the layout does not run.
 */
export async function roundFor(params: Promise<{ id: string }>, permission: Permission): Promise<{ actor: Actor; round: Round }> {
  const actor = await requirePermission(permission);
  const round = await loadRound(params);
  // A superior office's reviewer opens only the rounds assigned to it.
  if (!canOpenRound(actor, permission, round.id)) forbidden();
  return { actor, round };
}

// Read once per request, shared by the layout and the page.
const loadRound = cache(async (params: Promise<{ id: string }>) => {
  const round = getRound(db, { id: parseId((await params).id) ?? 0 });
  if (!round) notFound();
  return round;
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What every measure-level list of a round needs: the filter, its options, one page. */
export async function measureList(round: { id: number }, searchParams: SearchParams, pageSize = PAGE_SIZE) {
  const filter = parseListFilter(await searchParams);
  const today = todayISO();
  const page = ledgerPage(db, { roundId: round.id, filter, today, pageSize });
  return {
    filter,
    today,
    ...page,
    // The filter's options change only with the plan: read again only after a write.
    aspects: whileUnchanged(db, `round-aspects:${round.id}`, () => listAspects(db, { roundId: round.id })),
    units: whileUnchanged(db, `round-units:${round.id}`, () => unitsInRound(db, { roundId: round.id })),
  };
}
