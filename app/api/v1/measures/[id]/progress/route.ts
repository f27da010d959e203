import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { fieldsAndFiles, readMultipartForm } from "@/server/multipart";
import { submitProgress } from "@/server/progress";
import { parseId } from "@/lib/validations/common";

/**
 * POST /api/v1/measures/:id/progress — multipart form: reportDate, text, percent?,
 * milestone?, claimedStatus (incomplete | basically_completed | completed) and any number of
 * `files` (佐证材料). A claim of 基本完成/已完成 needs at least one file.
 */
export const POST = apiRoute({
  permission: "progress.report",
  handle: async ({ actor, params, request }) => {
    const measureId = parseId(typeof params.id === "string" ? params.id : undefined);
    if (!measureId) throw new AppError("NOT_FOUND", "未找到该整改措施");
    const { fields, files } = await fieldsAndFiles(await readMultipartForm(request, "提交"), "files");
    const report = await submitProgress({ actor, measureId, fields, files });
    return { report: { id: report.id, isClaim: report.isClaim, reviewState: report.reviewState, claimedStatus: report.claimedStatus } };
  },
});
