import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { importLedgerFile, previewLedgerFile } from "@/server/ledger-transfer";
import { readMultipartForm, requiredFile } from "@/server/multipart";
import { MAX_FILE_BYTES } from "@/lib/ledger-import/read-file";
import { roundFromParams } from "../round-param";

/**
 * POST /api/v1/rounds/:id/import — multipart form with `file` (xlsx or csv). With
 * `dryRun=1` it answers the preview (the parsed plan, per-row errors and warnings, units
 * that would be created) and writes nothing; without it, it imports all or nothing.
 */
export const POST = apiRoute({
  permission: "plan.manage",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params);
    const form = await readMultipartForm(request);
    const { name: fileName, data } = await requiredFile(form, { maxBytes: MAX_FILE_BYTES, missing: "请选择要导入的台账文件", tooLarge: "请拆分后导入" });
    if (form.get("dryRun") === "1") {
      return previewLedgerFile({ data, fileName, round });
    }
    const result = await importLedgerFile({
      data,
      fileName,
      roundId: round.id,
      feedbackDate: round.feedbackDate,
      actorId: actor.id,
      authorId: actor.id,
      today: todayISO(),
    });
    return { roundId: result.roundId, problems: result.problems, measures: result.measures, createdUnits: result.createdUnits };
  },
});
