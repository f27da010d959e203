import { apiRoute, fileResponse, XLSX_TYPE } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { exportLedger } from "@/server/ledger-transfer";
import { parseListFilter } from "@/lib/validations/list-filter";
import { roundFromParams } from "../round-param";

// GET /api/v1/rounds/:id/export — the ledger as xlsx; takes the list filters as query
// parameters, so "export what I see" is the same URL query as the page.
export const GET = apiRoute({
  permission: "ledger.read",
  handle: async ({ actor, params, request }) => {
    const round = roundFromParams(params, actor, "ledger.read");
    const filter = parseListFilter(Object.fromEntries(new URL(request.url).searchParams));
    const { buffer, fileName } = await exportLedger({ roundId: round.id, filter: { ...filter, page: undefined }, today: todayISO() });
    return fileResponse(buffer, fileName, XLSX_TYPE);
  },
});
