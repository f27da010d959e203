import { db } from "@/db";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { onlyVisibleRounds } from "@/lib/permissions";
import { apiRoute } from "@/server/api";

// GET /api/v1/rounds — every round the caller may see (a reviewer: its own), with its problem and measure counts per status.
export const GET = apiRoute({
  permission: "round.read",
  handle: ({ actor }) => ({
    rounds: onlyVisibleRounds(actor, "round.read", listRoundsWithCountsWhileUnchanged(db)).map((r) => ({
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
