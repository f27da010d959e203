// The round a user last chose, so 驾驶舱 and 台账 open on the round they work on rather
// than the one with the latest feedback date. components/remember-round.tsx notes it in a
// cookie when a round's pages or the dashboard's selector show a round;
// server/remembered-round.ts reads it back and checks it against the database and the
// user's permissions, because a cookie is whatever the browser sends.

export const REMEMBERED_ROUND_COOKIE = "rectify_round";

export type RememberedRound = number | "all";

const ID = /^[1-9]\d{0,9}$/;

/** The cookie's value read back, or null for anything that is not one. */
export function parseRememberedRound(value: string | undefined): RememberedRound | null {
  if (value === "all") return "all";
  return value !== undefined && ID.test(value) ? Number(value) : null;
}
