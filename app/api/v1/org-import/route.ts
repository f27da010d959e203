import { apiRoute, fileResponse, XLSX_TYPE } from "@/server/api";
import { publicUrl } from "@/lib/config";
import { MAX_FILE_BYTES } from "@/lib/ledger-import/read-file";
import { readMultipartForm, requiredFile } from "@/server/multipart";
import { importOrgFile, previewOrgFile } from "@/server/org-import";

/**
 * POST /api/v1/org-import — multipart form with `file` (xlsx or csv, UTF-8 or GBK). With
 * `dryRun=1` it answers the preview (units and accounts to create, those that exist,
 * per-row errors) and writes nothing. Without it, it imports all or nothing and answers
 * with the 账号分发单 itself (xlsx; counts in X-Rectify-Units / X-Rectify-Users): the one
 * and only copy of the one-time passwords.
 */
export const POST = apiRoute({
  permission: "admin.manage",
  handle: async ({ actor, request }) => {
    const form = await readMultipartForm(request);
    const { name: fileName, data } = await requiredFile(form, { maxBytes: MAX_FILE_BYTES, missing: "请选择组织机构文件", tooLarge: "请拆分后导入" });
    if (form.get("dryRun") === "1") return previewOrgFile({ data, fileName });
    const now = new Date();
    const result = await importOrgFile({ data, fileName, actorId: actor.id, now, signInUrl: `${publicUrl()}/sign-in` });
    const response = fileResponse(result.distributionSheet, `账号分发单-${now.toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
    response.headers.set("x-rectify-units", String(result.units));
    response.headers.set("x-rectify-users", String(result.users));
    return response;
  },
});
