import { apiRoute, fileResponse, XLSX_TYPE } from "@/server/api";
import { AppError } from "@/lib/errors";
import { canOpenRound } from "@/lib/permissions";
import { snapshotFile } from "@/server/bulletin-files";
import { parseId } from "@/lib/validations/common";

// GET /api/v1/snapshots/:id — a frozen ledger as xlsx, written from the rows it stored.
export const GET = apiRoute({
  permission: "ledger.read",
  handle: async ({ actor, params }) => {
    const id = parseId(typeof params.id === "string" ? params.id : undefined);
    if (!id) throw new AppError("NOT_FOUND", "未找到该台账快照");
    const { snapshot, buffer, fileName } = await snapshotFile({ id });
    // A reviewer downloads only its rounds' snapshots.
    if (!canOpenRound(actor, "ledger.read", snapshot.roundId)) throw new AppError("NOT_FOUND", "未找到该台账快照");
    return fileResponse(buffer, fileName, XLSX_TYPE);
  },
});
