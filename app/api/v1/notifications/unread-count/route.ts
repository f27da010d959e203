import { db } from "@/db";
import { unreadCount } from "@/db/queries/notifications";
import { apiRoute } from "@/server/api";

// GET /api/v1/notifications/unread-count — polled by the header's bell every 30 s.
export const GET = apiRoute({
  permission: "notification.read",
  handle: ({ actor }) => ({ unread: unreadCount(db, { userId: actor.id }) }),
});
