import { db } from "@/db";
import { getEvidence } from "@/db/queries/progress";
import { apiRoute, fileResponse } from "@/server/api";
import { AppError } from "@/lib/errors";
import { readEvidence } from "@/server/evidence";
import { can } from "@/lib/permissions";
import { parseId } from "@/lib/validations/common";

// GET /api/v1/evidence/:id — a 佐证材料 file, only to those who may see its measure
// (another unit gets 404, as for the measure itself), always as a download.
export const GET = apiRoute({
  permission: "measure.read",
  handle: ({ actor, params }) => {
    const id = parseId(typeof params.id === "string" ? params.id : undefined);
    const file = id ? getEvidence(db, { id }) : undefined;
    if (!file || !can(actor, "measure.read", file.ownership)) throw new AppError("NOT_FOUND", "未找到该文件");
    return fileResponse(readEvidence(file.storedPath), file.fileName, file.mimeType);
  },
});
