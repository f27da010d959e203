import { db } from "@/db";
import { listArchivePackages } from "@/db/queries/archives";
import { apiRoute } from "@/server/api";
import { archiveProgress, startArchivePackage } from "@/server/archive-jobs";
import { roundFromParams } from "../round-param";

/**
 * GET /api/v1/rounds/:id/archives — the round's archive packages, newest first, each with
 * its progress while it is being built (polled by the page). Office only.
 */
export const GET = apiRoute({
  permission: "archive.manage",
  handle: ({ actor, params }) => {
    const round = roundFromParams(params, actor, "archive.manage");
    const packages = listArchivePackages(db, { roundId: round.id }).map((p) => ({
      ...p,
      progress: p.state === "building" ? (archiveProgress(p.id) ?? { done: 0, total: 0 }) : null,
    }));
    return { roundId: round.id, archived: round.archivedAt !== null, packages };
  },
});

/**
 * POST /api/v1/rounds/:id/archives — starts building the package of an archived round and
 * answers at once with `{id, state: "building"}`; 409 in Chinese if the round is not archived
 * or a package of it is already being built.
 */
export const POST = apiRoute({
  permission: "archive.manage",
  handle: ({ actor, params }) => {
    const round = roundFromParams(params, actor, "archive.manage");
    const started = startArchivePackage(actor, round.id);
    return { id: started.package.id, state: started.package.state, fileName: started.package.fileName };
  },
});
