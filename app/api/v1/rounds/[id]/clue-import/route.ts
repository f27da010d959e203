import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES } from "@/lib/ledger-import/read-file";
import { importClueFile, previewClueFile } from "@/server/clue-import";
import { readMultipartForm, requiredFile } from "@/server/multipart";
import { roundFromParams } from "../round-param";

/**
 * POST /api/v1/rounds/:id/clue-import — multipart form with `file` (xlsx or csv) of the
 * 信访件、问题线索 handed over. With `dryRun=1` it answers `{rows, issues}` (each issue with
 * its Excel row and column) and writes nothing; without it, it registers every row or none
 * and answers `{roundId, added}`. Only the register's keepers may call it.
 */
export const POST = apiRoute({
  permission: "clue.manage",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params, actor, "clue.manage");
    if (round.archivedAt) throw new AppError("CONFLICT", "该轮次已归档,不能再登记");
    const form = await readMultipartForm(request);
    const dryRun = form.getAll("dryRun");
    if (dryRun.length > 1 || (dryRun.length === 1 && dryRun[0] !== "1")) {
      throw new AppError("VALIDATION", "“预览”选项只能为 1 或不提交", { dryRun: ["只能为 1 或不提交"] });
    }
    const { name: fileName, data } = await requiredFile(form, { maxBytes: MAX_FILE_BYTES, missing: "请选择要导入的文件", tooLarge: "请拆分后导入" });
    if (dryRun.length === 1) return previewClueFile({ data, fileName, roundId: round.id });
    return importClueFile(actor, { data, fileName, roundId: round.id });
  },
});
