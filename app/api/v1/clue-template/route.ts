import { apiRoute, fileResponse, XLSX_TYPE } from "@/server/api";
import { CLUE_TEMPLATE_FILE_NAME, writeClueTemplate } from "@/lib/clue-import";

// GET /api/v1/clue-template — the register's import template: for its keepers only.
export const GET = apiRoute({
  permission: "clue.manage",
  handle: async () => fileResponse(await writeClueTemplate(), CLUE_TEMPLATE_FILE_NAME, XLSX_TYPE),
});
