import { apiRoute, fileResponse } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { reportFile } from "@/server/bulletin-files";
import { roundFromParams } from "../round-param";

// GET /api/v1/rounds/:id/report.docx — the 整改进展情况通报 as Word, numbers computed now.
export const GET = apiRoute({
  permission: "ledger.read",
  handle: async ({ actor, params }) => {
    const round = roundFromParams(params, actor, "ledger.read");
    const file = await reportFile({ roundId: round.id, today: todayISO(), format: "docx" });
    return fileResponse(file.buffer, file.fileName, file.contentType);
  },
});
