import { db } from "@/db";
import { getNotice } from "@/db/queries/notices";
import { apiRoute } from "@/server/api";
import { closeNotice } from "@/server/notices";
import { todayISO } from "@/lib/deadline-state";
import { noticeDetailJson, visibleNotice } from "../../notice-json";

// POST /api/v1/notices/:id/close — the office closes a notice, answered or not (409 if closed).
export const POST = apiRoute({
  permission: "notice.issue",
  handle: ({ actor, params }) => {
    const { notice } = visibleNotice(actor, params);
    closeNotice(actor, notice.id);
    return { notice: noticeDetailJson(getNotice(db, { id: notice.id })!, todayISO()) };
  },
});
