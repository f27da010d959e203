import { db } from "@/db";
import { listSnapshots } from "@/db/queries/snapshots";
import { apiRoute } from "@/server/api";
import { freezeLedger } from "@/server/bulletin-drafts";
import { snapshotInputSchema } from "@/lib/validations/report";
import { roundFromParams } from "../round-param";

// GET  /api/v1/rounds/:id/snapshots — the round's frozen ledgers, newest date first.
// POST /api/v1/rounds/:id/snapshots {asOf?, label?} — freeze the ledger now (office).
export const GET = apiRoute({
  permission: "ledger.read",
  handle: ({ actor, params }) => ({
    snapshots: listSnapshots(db, { roundId: roundFromParams(params, actor, "ledger.read").id }).map((s) => ({
      ...s,
      xlsx: `/api/v1/snapshots/${s.id}`,
    })),
  }),
});

export const POST = apiRoute({
  permission: "report.manage",
  body: snapshotInputSchema,
  handle: ({ actor, params, body }) => {
    const snapshot = freezeLedger(actor, { roundId: roundFromParams(params, actor, "report.manage").id, ...body });
    return { snapshot: { ...snapshot, xlsx: `/api/v1/snapshots/${snapshot.id}` } };
  },
});
