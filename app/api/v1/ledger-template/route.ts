import { apiRoute, fileResponse, XLSX_TYPE } from "@/server/api";
import { LEDGER_TEMPLATE_FILE_NAME, writeLedgerTemplate } from "@/lib/ledger-export";

// GET /api/v1/ledger-template — the empty import template with its filling instructions.
export const GET = apiRoute({
  permission: "plan.manage",
  handle: async () => fileResponse(await writeLedgerTemplate(), LEDGER_TEMPLATE_FILE_NAME, XLSX_TYPE),
});
