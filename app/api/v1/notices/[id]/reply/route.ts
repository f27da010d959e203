import { db } from "@/db";
import { getNotice } from "@/db/queries/notices";
import { apiRoute } from "@/server/api";
import { replyNotice } from "@/server/notices";
import { todayISO } from "@/lib/deadline-state";
import { replyBodySchema } from "@/lib/validations/notice";
import { noticeDetailJson, visibleNotice } from "../../notice-json";

// POST /api/v1/notices/:id/reply {"reply"} — the unit answers an open notice (409 once answered).
export const POST = apiRoute({
  permission: "notice.reply",
  body: replyBodySchema,
  handle: ({ actor, params, body }) => {
    const { notice } = visibleNotice(actor, params);
    // The use case checks the unit again inside the transaction.
    replyNotice(actor, { noticeId: notice.id, reply: body.reply });
    return { notice: noticeDetailJson(getNotice(db, { id: notice.id })!, todayISO()) };
  },
});
