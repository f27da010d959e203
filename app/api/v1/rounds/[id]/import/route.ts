import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { importLedgerFile, previewLedgerFile } from "@/server/ledger-transfer";
import { recurrencesForImport } from "@/server/recurrence";
import { applyLedgerUpdate, previewLedgerUpdate } from "@/server/ledger-update";
import { readMultipartForm, requiredFile } from "@/server/multipart";
import { MAX_FILE_BYTES } from "@/lib/ledger-import/read-file";
import { roundFromParams } from "../round-param";

/**
 * POST /api/v1/rounds/:id/import — multipart form with `file` (xlsx or csv). With
 * `dryRun=1` it answers the preview (the parsed plan, per-row errors and warnings, units
 * that would be created, the measure count with and without the split) and writes
 * nothing; without it, it imports all or nothing. `splitMeasures=1` (both steps) makes a
 * 整改措施 cell holding several measures (一是…二是…, 1.…2.…, ；) into several. The preview
 * also lists, per problem of the file, the same body's earlier problems it resembles
 * (`recurrences`: 反弹回潮, lib/recurrence.ts).
 *
 * `update=1` applies the file to a round that already has a plan, as its differences
 * (issue 13 item 5): with `dryRun=1` it answers `{diff, counts, errors, warnings, newUnits,
 * token}`; without, it applies them all or nothing and answers `{roundId, added, changed,
 * statusChanges, missing, createdUnits}`. `token` (from the preview) makes the apply refuse
 * differences other than the ones previewed.
 */
export const POST = apiRoute({
  permission: "plan.manage",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params, actor, "plan.manage");
    const form = await readMultipartForm(request);
    const splitMeasures = readFlag(form, "splitMeasures", "拆分措施");
    const update = readFlag(form, "update", "更新导入");
    const token = readToken(form);
    if (update && splitMeasures) {
      throw new AppError("VALIDATION", "更新导入按措施的先后对应,不能同时拆分措施", { splitMeasures: ["更新导入时不能拆分措施"] });
    }
    const { name: fileName, data } = await requiredFile(form, { maxBytes: MAX_FILE_BYTES, missing: "请选择要导入的台账文件", tooLarge: "请拆分后导入" });
    if (update) {
      if (form.get("dryRun") === "1") return previewLedgerUpdate({ data, fileName, round, today: todayISO() });
      return applyLedgerUpdate({ data, fileName, round, actorId: actor.id, authorId: actor.id, today: todayISO(), token });
    }
    if (form.get("dryRun") === "1") {
      const preview = await previewLedgerFile({ data, fileName, round, splitMeasures });
      return { ...preview, recurrences: recurrencesForImport(actor, round.id, preview.plan.problems) };
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

/** A checkbox: "1" or absent. Anything else is a client's mistake, not a silent "no". */
function readFlag(form: FormData, name: string, label: string): boolean {
  const values = form.getAll(name);
  if (values.length === 0) return false;
  if (values.length === 1 && values[0] === "1") return true;
  throw new AppError("VALIDATION", `“${label}”选项只能为 1 或不提交`, { [name]: ["只能为 1 或不提交"] });
}

/** The preview's token, if sent: 32 hex digits. */
function readToken(form: FormData): string | null {
  const values = form.getAll("token");
  if (values.length === 0) return null;
  if (values.length === 1 && typeof values[0] === "string" && /^[0-9a-f]{32}$/.test(values[0])) return values[0];
  throw new AppError("VALIDATION", "预览标识(token)无效,请重新上传预览", { token: ["应为预览返回的 token"] });
}
