import { apiRoute } from "@/server/api";
import type { SectionOverrides } from "@/lib/document-import/genre";
import { AppError } from "@/lib/errors";
import { sectionOverridesSchema } from "@/lib/validations/document-import";
import { MAX_DOCUMENT_BYTES } from "@/lib/document-import/limits";
import { previewDocumentFile } from "@/server/document-transfer";
import { recurrencesForImport } from "@/server/recurrence";
import { readMultipartForm, requiredFile } from "@/server/multipart";
import { roundFromParams } from "../round-param";

/**
 * POST /api/v1/rounds/:id/document-preview — multipart form with `file` (.docx or .txt):
 * a feedback document, draft plan or published progress report. Answers the parsed
 * outline `{aspects, unassigned, warnings}`, with `recurrences` (the same body's earlier
 * problems each parsed problem resembles: 反弹回潮), and writes nothing; the office corrects it in
 * the preview and confirms (a server action that re-checks the whole tree).
 */
export const POST = apiRoute({
  permission: "plan.manage",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params, actor, "plan.manage");
    const form = await readMultipartForm(request);
    const file = await requiredFile(form, { maxBytes: MAX_DOCUMENT_BYTES, missing: "请选择要导入的文档", tooLarge: "无法导入" });
    const parsed = await previewDocumentFile({ data: file.data, fileName: file.name, sections: readSections(form) });
    const problems = [...parsed.aspects.flatMap((a) => a.problems)];
    return { fileName: file.name, ...parsed, recurrences: recurrencesForImport(actor, round.id, problems) };
  },
});

/** The office's "这一节是问题 / 不是问题" choices, if sent: a JSON object in `sections`. */
function readSections(form: FormData): SectionOverrides | undefined {
  const values = form.getAll("sections");
  if (values.length === 0) return undefined;
  const parsed = values.length === 1 && typeof values[0] === "string" ? sectionOverridesSchema.safeParse(values[0]) : null;
  if (!parsed?.success) {
    const message = parsed?.error.issues[0]?.message ?? "章节设置只能提交一次";
    throw new AppError("VALIDATION", message, { sections: [message] });
  }
  return parsed.data;
}
