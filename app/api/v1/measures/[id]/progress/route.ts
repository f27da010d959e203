import { NextResponse } from "next/server";
import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { fieldsAndFiles, readMultipartForm } from "@/server/multipart";
import { submitProgress } from "@/server/progress";
import { parseId } from "@/lib/validations/common";

/**
 * POST /api/v1/measures/:id/progress — multipart form: reportDate, text, percent?,
 * milestone?, claimedStatus (incomplete | basically_completed | completed) and any number of
 * `files` (佐证材料). A claim of 基本完成/已完成 needs at least one file.
 *
 * An `Idempotency-Key` header (or `idempotencyKey` field) makes a retry safe: a repeat with
 * the same key gets the first answer again and stores nothing; the same key with different
 * content is refused (409).
 */
export const POST = apiRoute({
  permission: "progress.report",
  handle: async ({ actor, params, request }) => {
    const measureId = parseId(typeof params.id === "string" ? params.id : undefined);
    if (!measureId) throw new AppError("NOT_FOUND", "未找到该整改措施");
    const { fields, files } = await fieldsAndFiles(await readMultipartForm(request, "提交"), "files");
    const { idempotencyKey: fieldKey, ...reportFields } = fields;
    const headerKey = request.headers.get("idempotency-key") ?? undefined;
    if (headerKey !== undefined && fieldKey !== undefined && headerKey !== fieldKey) {
      throw new AppError("VALIDATION", "请求标识的 Idempotency-Key 头与 idempotencyKey 字段不一致,请只用一个", { idempotencyKey: ["两处不一致"] });
    }
    const answer = await submitProgress({ actor, measureId, fields: reportFields, files, idempotencyKey: headerKey ?? fieldKey });
    const { replayed, ...report } = answer;
    // The body is the first answer's, byte for byte; the header only says it is a repeat.
    return NextResponse.json({ report }, { headers: replayed ? { "idempotent-replayed": "true" } : undefined });
  },
});
