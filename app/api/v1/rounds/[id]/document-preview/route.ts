import { apiRoute } from "@/server/api";
import { MAX_DOCUMENT_BYTES } from "@/lib/document-import/limits";
import { previewDocumentFile } from "@/server/document-transfer";
import { readMultipartForm, requiredFile } from "@/server/multipart";
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
    const form = await readMultipartForm(request);
    const file = await requiredFile(form, { maxBytes: MAX_DOCUMENT_BYTES, missing: "请选择要导入的文档", tooLarge: "无法导入" });
    const parsed = await previewDocumentFile({ data: file.data, fileName: file.name });
    return { fileName: file.name, ...parsed };
  },
});
