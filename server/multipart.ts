import "server-only";
import { AppError } from "@/lib/errors";

// Uploads to the JSON API (progress with evidence, ledger import, document preview) arrive
// as multipart forms. One reader, so each refuses a wrong or truncated body the same way.

/**
 * The request's multipart form, or a Chinese 422 for another content type or a broken
 * body. `verb` completes "请以 multipart/form-data …" as each route has always said it.
 */
export async function readMultipartForm(request: Request, verb: "提交" | "上传文件" = "上传文件"): Promise<FormData> {
  if (!request.headers.get("content-type")?.includes("multipart/form-data")) {
    throw new AppError("VALIDATION", `请以 multipart/form-data ${verb}`);
  }
  try {
    return await request.formData();
  } catch {
    throw new AppError("VALIDATION", "上传的内容不完整,请重试");
  }
}

/** The one file a form must carry in `field`, not empty and at most `maxBytes`, as bytes. */
export async function requiredFile(
  form: FormData,
  params: { field?: string; maxBytes: number; missing: string; tooLarge: string },
): Promise<{ name: string; data: Uint8Array }> {
  const field = params.field ?? "file";
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", params.missing, { [field]: ["请选择文件"] });
  if (file.size > params.maxBytes) throw new AppError("VALIDATION", `文件超过 ${params.maxBytes / 1024 / 1024} MB,${params.tooLarge}`);
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * Text fields and the files sent under `filesField`. One value per text field: a field
 * sent twice is ambiguous, not "the last one wins".
 */
export async function fieldsAndFiles(form: FormData, filesField: string) {
  const fields: Record<string, unknown> = {};
  const files: { name: string; data: Uint8Array }[] = [];
  for (const [key, value] of form.entries()) {
    if (key === filesField && value instanceof File) {
      if (value.size > 0 || value.name) files.push({ name: value.name, data: new Uint8Array(await value.arrayBuffer()) });
    } else if (typeof value === "string") {
      if (key in fields) throw new AppError("VALIDATION", `字段“${key.slice(0, 40)}”重复提交,请只提交一次`, { [key]: ["重复提交"] });
      fields[key] = value;
    }
  }
  return { fields, files };
}
