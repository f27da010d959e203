// The round a user last chose, so 驾驶舱 and 台账 open on the round they work on rather
// than the one with the latest feedback date. The proxy notes it in a cookie when a round
// page is loaded or the dashboard's selector is used (page loads only: see proxy.ts);
// server/remembered-round.ts reads it back and checks it against the database and the
// user's permissions, because a cookie is whatever the browser sends.

export const REMEMBERED_ROUND_COOKIE = "rectify_round";

export type RememberedRound = number | "all";

const ID = /^[1-9]\d{0,9}$/;

/** The round a request chooses: /rounds/<id>/… or /dashboard?round=<id|all>; else null. */
export function chosenRound(pathname: string, search: URLSearchParams): RememberedRound | null {
  const roundPage = /^\/rounds\/([^/]+)(?:\/|$)/.exec(pathname);
  if (roundPage) return ID.test(roundPage[1]!) ? Number(roundPage[1]) : null;
  if (pathname === "/dashboard") {
    const round = search.get("round");
    if (round === "all") return "all";
    return round !== null && ID.test(round) ? Number(round) : null;
  }
  return null;
}

/** The cookie's value read back, or null for anything that is not one. */
export function parseRememberedRound(value: string | undefined): RememberedRound | null {
  if (value === "all") return "all";
  return value !== undefined && ID.test(value) ? Number(value) : null;
}
