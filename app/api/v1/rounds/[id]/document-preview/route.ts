import { apiRoute } from "@/server/api";
import { MAX_DOCUMENT_BYTES } from "@/lib/document-import/limits";
import { previewDocumentFile } from "@/server/document-transfer";
import { AppError } from "@/lib/errors";
import { roundFromParams } from "../round-param";

/**
 * POST /api/v1/rounds/:id/document-preview — multipart form with `file` (.docx or .txt):
 * a feedback document, draft plan or published progress report. Answers the parsed
 * outline `{aspects, unassigned, warnings}` and writes nothing; the office corrects it in
 * the preview and confirms (a server action that re-checks the whole tree).
 */
export const POST = apiRoute({
  permission: "plan.manage",
  handle: async ({ params, request }) => {
    roundFromParams(params);
    if (!request.headers.get("content-type")?.includes("multipart/form-data")) {
      throw new AppError("VALIDATION", "请以 multipart/form-data 上传文件");
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("VALIDATION", "上传的内容不完整,请重试");
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "请选择要导入的文档", { file: ["请选择文件"] });
    if (file.size > MAX_DOCUMENT_BYTES) throw new AppError("VALIDATION", `文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB,无法导入`);
    const parsed = await previewDocumentFile({ data: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
    return { fileName: file.name, ...parsed };
  },
});
