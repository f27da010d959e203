import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validations/common";
import { apiRoute, fileResponse } from "@/server/api";
import { reportVersionFile } from "@/server/bulletin-files";
import { roundFromParams } from "../../round-param";

const formatSchema = z.enum(["docx", "html", "xlsx"], { error: "format 应为 docx、html 或 xlsx" });

// GET /api/v1/rounds/:id/report-versions/:version?format=docx|html|xlsx — a submitted or
// published 通报 as it was frozen: Word, print-ready HTML, or the ledger it was read from.
export const GET = apiRoute({
  permission: "review.read",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params, actor, "review.read");
    const version = parseId(typeof params.version === "string" ? params.version : undefined);
    if (!version) throw new AppError("NOT_FOUND", "未找到该版本的通报");
    const format = formatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "docx");
    if (!format.success) throw new AppError("VALIDATION", "format 应为 docx、html 或 xlsx");
    const file = await reportVersionFile({ roundId: round.id, roundName: round.name, version, format: format.data });
    return fileResponse(file.buffer, file.fileName, file.contentType);
  },
});
