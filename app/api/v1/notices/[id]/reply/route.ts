import { db } from "@/db";
import { replyNotice } from "@/db/queries/notice-writes";
import { getNotice } from "@/db/queries/notices";
import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { scopeOf } from "@/lib/permissions";
import { replyBodySchema } from "@/lib/validations/notice";
import { noticeDetailJson, visibleNotice } from "../../notice-json";

// POST /api/v1/notices/:id/reply {"reply"} — the unit answers an open notice (409 once answered).
export const POST = apiRoute({
  permission: "notice.reply",
  body: replyBodySchema,
  handle: ({ actor, params, body }) => {
    const { notice } = visibleNotice(actor, params);
    // The query checks the unit again inside the transaction.
    const unitIds = scopeOf(actor, "notice.reply") === "own" ? actor.unitScope : null;
    db.transaction((tx) => replyNotice(tx, { actorId: actor.id, unitIds, noticeId: notice.id, reply: body.reply }));
    return { notice: noticeDetailJson(getNotice(db, { id: notice.id })!, todayISO()) };
  },
});
