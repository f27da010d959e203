import { db } from "@/db";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { apiRoute } from "@/server/api";

// GET /api/v1/rounds — every round with its problem and measure counts per status.
export const GET = apiRoute({
  permission: "round.read",
  handle: () => ({
    rounds: listRoundsWithCountsWhileUnchanged(db).map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      inspectingBody: r.inspectingBody,
      inspectedBody: r.inspectedBody,
      feedbackDate: r.feedbackDate,
      deadline: r.deadline,
      archived: r.archivedAt !== null,
      problems: r.problemCounts,
      measures: r.measureCounts,
    })),
  }),
});
