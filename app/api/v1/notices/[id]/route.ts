import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { noticeDetailJson, visibleNotice } from "../notice-json";

// GET /api/v1/notices/:id — one notice with its measures and reply. Another unit's is a 404.
export const GET = apiRoute({
  permission: "notice.read",
  handle: ({ actor, params }) => ({ notice: noticeDetailJson(visibleNotice(actor, params), todayISO()) }),
});
