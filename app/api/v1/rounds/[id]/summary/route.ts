import { db } from "@/db";
import { roundSummaryWhileUnchanged } from "@/db/queries/summary";
import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { roundFromParams } from "../round-param";

// GET /api/v1/rounds/:id/summary — the same figures as `npm run cli -- summary`.
export const GET = apiRoute({
  permission: "round.read",
  handle: ({ actor, params }) => roundSummaryWhileUnchanged(db, { roundId: roundFromParams(params, actor, "round.read").id, today: todayISO() }),
});
