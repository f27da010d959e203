import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { importLedgerFile, previewLedgerFile } from "@/server/ledger-transfer";
import { readMultipartForm, requiredFile } from "@/server/multipart";
import { MAX_FILE_BYTES } from "@/lib/ledger-import/read-file";
import { roundFromParams } from "../round-param";

/**
 * POST /api/v1/rounds/:id/import — multipart form with `file` (xlsx or csv). With
 * `dryRun=1` it answers the preview (the parsed plan, per-row errors and warnings, units
 * that would be created, the measure count with and without the split) and writes
 * nothing; without it, it imports all or nothing. `splitMeasures=1` (both steps) makes a
 * 整改措施 cell holding several measures (一是…二是…, 1.…2.…, ；) into several.
 */
export const POST = apiRoute({
  permission: "plan.manage",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params);
    const form = await readMultipartForm(request);
    const splitMeasures = readSplitMeasures(form);
    const { name: fileName, data } = await requiredFile(form, { maxBytes: MAX_FILE_BYTES, missing: "请选择要导入的台账文件", tooLarge: "请拆分后导入" });
    if (form.get("dryRun") === "1") {
      return previewLedgerFile({ data, fileName, round, splitMeasures });
    }
    const result = await importLedgerFile({
      data,
      fileName,
      roundId: round.id,
      feedbackDate: round.feedbackDate,
      actorId: actor.id,
      authorId: actor.id,
      today: todayISO(),
      splitMeasures,
    });
    return { roundId: result.roundId, problems: result.problems, measures: result.measures, createdUnits: result.createdUnits };
  },
});

/** `splitMeasures` is "1" or absent: anything else is a client's mistake, not a silent "no". */
function readSplitMeasures(form: FormData): boolean {
  const values = form.getAll("splitMeasures");
  if (values.length === 0) return false;
  if (values.length === 1 && values[0] === "1") return true;
  throw new AppError("VALIDATION", "“拆分措施”选项只能为 1 或不提交", { splitMeasures: ["只能为 1 或不提交"] });
}
