import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
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
    if (!request.headers.get("content-type")?.includes("multipart/form-data")) {
      throw new AppError("VALIDATION", "请以 multipart/form-data 提交");
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("VALIDATION", "上传的内容不完整,请重试");
    }
    const fields: Record<string, unknown> = {};
    const files: { name: string; data: Uint8Array }[] = [];
    for (const [key, value] of form.entries()) {
      if (key === "files" && value instanceof File) {
        if (value.size > 0 || value.name) files.push({ name: value.name, data: new Uint8Array(await value.arrayBuffer()) });
      } else if (typeof value === "string") {
        // One value per field: a field sent twice is ambiguous, not "the last one wins".
        if (key in fields) throw new AppError("VALIDATION", `字段“${key.slice(0, 40)}”重复提交,请只提交一次`, { [key]: ["重复提交"] });
        fields[key] = value;
      }
    }
    const report = await submitProgress({ actor, measureId, fields, files });
    return { report: { id: report.id, isClaim: report.isClaim, reviewState: report.reviewState, claimedStatus: report.claimedStatus } };
  },
});
