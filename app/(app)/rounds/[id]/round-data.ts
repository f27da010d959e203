import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { ledgerPage } from "@/db/queries/ledger";
import { listAspects, unitsInRound } from "@/db/queries/plan";
import { getRound } from "@/db/queries/rounds";
import { todayISO } from "@/lib/deadline-state";
import { PAGE_SIZE, parseListFilter } from "@/lib/validations/list-filter";
import { parseId } from "@/lib/validations/common";

/** The round of a /rounds/[id]/… page, read once per request, or the 404 page. */
export const roundOf = cache(async (params: Promise<{ id: string }>) => {
  const round = getRound(db, { id: parseId((await params).id) ?? 0 });
  if (!round) notFound();
  return round;
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What every measure-level list of a round needs: the filter, its options, one page. */
export async function measureList(round: { id: number }, searchParams: SearchParams) {
  const filter = parseListFilter(await searchParams);
  const today = todayISO();
  const page = ledgerPage(db, { roundId: round.id, filter, today, pageSize: PAGE_SIZE });
  return {
    filter,
    today,
    ...page,
    aspects: listAspects(db, { roundId: round.id }),
    units: unitsInRound(db, { roundId: round.id }),
  };
}
