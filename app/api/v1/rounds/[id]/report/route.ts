import { apiRoute, fileResponse } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { reportFile } from "@/server/bulletin-files";
import { roundFromParams } from "../round-param";

// GET /api/v1/rounds/:id/report?format=docx|html — the 整改进展情况通报, numbers computed now.
// Leaders may read it (same audience as the ledger); only the office edits its texts.
export const GET = apiRoute({
  permission: "ledger.read",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params, actor, "ledger.read");
    const format = new URL(request.url).searchParams.get("format") ?? "docx";
    if (format !== "docx" && format !== "html") throw new AppError("VALIDATION", "format 只能是 docx 或 html");
    const file = await reportFile({ roundId: round.id, today: todayISO(), format });
    return fileResponse(file.buffer, file.fileName, file.contentType);
  },
});
