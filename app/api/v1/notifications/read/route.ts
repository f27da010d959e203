import { db } from "@/db";
import { unreadCount } from "@/db/queries/notifications";
import { apiRoute } from "@/server/api";
import { markNotificationsRead } from "@/server/notifications";
import { markReadBodySchema } from "@/lib/validations/notifications";

// POST /api/v1/notifications/read {"ids":[…]} or {"all":true} — marks the caller's own
// notifications read. Ids of other users' notifications match nothing and are not
// reported as such, so they cannot be probed. One audit row per call.
export const POST = apiRoute({
  permission: "notification.read",
  body: markReadBodySchema,
  handle: ({ actor, body }) => {
    const updated = markNotificationsRead(actor, body);
    return { updated, unread: unreadCount(db, { userId: actor.id }) };
  },
});
