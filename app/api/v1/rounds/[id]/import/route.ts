import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { importLedgerFile, previewLedgerFile } from "@/server/ledger-transfer";
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
    const form = await readForm(request);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "请选择要导入的台账文件", { file: ["请选择文件"] });
    if (file.size > MAX_FILE_BYTES) throw new AppError("VALIDATION", `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB,请拆分后导入`);
    const data = new Uint8Array(await file.arrayBuffer());
    if (form.get("dryRun") === "1") {
      return previewLedgerFile({ data, fileName: file.name, round });
    }
    const result = await importLedgerFile({
      data,
      fileName: file.name,
      roundId: round.id,
      feedbackDate: round.feedbackDate,
      actorId: actor.id,
      authorId: actor.id,
      today: todayISO(),
    });
    return { roundId: result.roundId, problems: result.problems, measures: result.measures, createdUnits: result.createdUnits };
  },
});

async function readForm(request: Request): Promise<FormData> {
  if (!request.headers.get("content-type")?.includes("multipart/form-data")) {
    throw new AppError("VALIDATION", "请以 multipart/form-data 上传文件");
  }
  try {
    return await request.formData();
  } catch {
    throw new AppError("VALIDATION", "上传的内容不完整,请重试");
  }
}
