import { db } from "@/db";
import { closeNotice } from "@/db/queries/notice-writes";
import { getNotice } from "@/db/queries/notices";
import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { noticeDetailJson, visibleNotice } from "../../notice-json";

// POST /api/v1/notices/:id/close — the office closes a notice, answered or not (409 if closed).
export const POST = apiRoute({
  permission: "notice.issue",
  handle: ({ actor, params }) => {
    const { notice } = visibleNotice(actor, params);
    db.transaction((tx) => closeNotice(tx, { actorId: actor.id, noticeId: notice.id }));
    return { notice: noticeDetailJson(getNotice(db, { id: notice.id })!, todayISO()) };
  },
});
