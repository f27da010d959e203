import { db } from "@/db";
import { listNotifications, unreadCount } from "@/db/queries/notifications";
import { fieldErrorsOf } from "@/server/action";
import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { listNotificationsQuerySchema } from "@/lib/validations/notifications";

// GET /api/v1/notifications?limit=50&before=<id>&unread=1 — the caller's own notifications,
// newest first. There is no way to name another user: the list is always the caller's.
export const GET = apiRoute({
  permission: "notification.read",
  handle: ({ actor, request }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = listNotificationsQuerySchema.safeParse(query);
    if (!parsed.success) throw new AppError("VALIDATION", "查询参数有误", fieldErrorsOf(parsed.error));
    const { limit, before, unread } = parsed.data;
    const items = listNotifications(db, { userId: actor.id, limit, before: before ?? null, unreadOnly: unread });
    return {
      unread: unreadCount(db, { userId: actor.id }),
      notifications: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
      // Pass as `before` for the next page; null when this page is the last.
      nextBefore: items.length === limit ? items.at(-1)!.id : null,
    };
  },
});
