// Which main navigation item a page belongs to. Mostly the item whose path the page is
// under; but 台账 opens /rounds/<id>/ledger, which is also under 轮次, and the two must not
// both light up: a round's ledger (and its pages like the measure list filtered from it)
// belongs to 台账 when the menu has it.

const ROUND_LEDGER = /^\/rounds\/[^/]+\/ledger(?:\/|$)/;

/** The href of the current item among `hrefs`, or null. */
export function currentNavHref(pathname: string, hrefs: readonly string[]): string | null {
  if (ROUND_LEDGER.test(pathname) && hrefs.includes("/ledger")) return "/ledger";
  const under = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));
  return under.sort((a, b) => b.length - a.length)[0] ?? null;
}
