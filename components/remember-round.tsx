"use client";

import { useEffect } from "react";
import { REMEMBERED_ROUND_COOKIE, type RememberedRound } from "@/lib/remembered-round";

const HALF_A_YEAR = 180 * 24 * 60 * 60;

/**
 * Notes the round on screen as the user's choice (lib/remembered-round.ts). It runs in the
 * browser because most round pages are reached by a Link, which renders on the client and
 * never passes a server component that could set a cookie. The value is only a hint: the
 * server checks it on every read (server/remembered-round.ts).
 */
export function RememberRound({ round }: { round: RememberedRound }) {
  useEffect(() => {
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${REMEMBERED_ROUND_COOKIE}=${round}; path=/; max-age=${HALF_A_YEAR}; samesite=lax${secure}`;
  }, [round]);
  return null;
}
