import { db } from "@/db";
import { reviewQueue } from "@/db/queries/progress";
import { apiRoute } from "@/server/api";
import { parseId } from "@/lib/validations/common";

// GET /api/v1/review-queue?round=&unit= — claims awaiting sign-off, oldest first.
export const GET = apiRoute({
  permission: "claim.review",
  handle: ({ request }) => {
    const search = new URL(request.url).searchParams;
    const roundId = parseId(search.get("round") ?? undefined) ?? undefined;
    const unitId = parseId(search.get("unit") ?? undefined) ?? undefined;
    return { claims: reviewQueue(db, { roundId, unitId }) };
  },
});
