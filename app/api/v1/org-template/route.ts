import { apiRoute, fileResponse, XLSX_TYPE } from "@/server/api";
import { ORG_TEMPLATE_FILE_NAME, writeOrgTemplate } from "@/lib/org-import/workbooks";

// GET /api/v1/org-template — the organisation file template, with examples and instructions.
export const GET = apiRoute({
  permission: "admin.manage",
  handle: async () => fileResponse(await writeOrgTemplate(), ORG_TEMPLATE_FILE_NAME, XLSX_TYPE),
});
