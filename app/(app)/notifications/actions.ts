"use server";

import { z } from "zod";
import { db } from "@/db";
import { markNotificationsRead } from "@/db/queries/notifications";
import { defineAction } from "@/server/action";
import { markReadFormSchema } from "@/lib/validations/notifications";

// Marking read is the user's own bookkeeping, but like every write it leaves one audit row
// (written by markNotificationsRead in the same transaction). The query filters by the
// signed-in user, so another user's notification id simply matches nothing.

export const markNotificationRead = defineAction({
  permission: "notification.read",
  schema: markReadFormSchema,
  revalidate: ["/notifications"],
  run: ({ actor, input }) => {
    db.transaction((tx) => markNotificationsRead(tx, { userId: actor.id, target: { ids: [input.notificationId] } }));
    return "已标为已读";
  },
});

export const markAllNotificationsRead = defineAction({
  permission: "notification.read",
  schema: z.object({}),
  revalidate: ["/notifications"],
  run: ({ actor }) => {
    const updated = db.transaction((tx) => markNotificationsRead(tx, { userId: actor.id, target: { all: true } }));
    return updated > 0 ? `已将 ${updated} 条通知标为已读` : "没有未读的通知";
  },
});
