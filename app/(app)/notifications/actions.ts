"use server";

import { z } from "zod";
import { defineAction } from "@/server/action";
import { markNotificationsRead } from "@/server/notifications";
import { markReadFormSchema } from "@/lib/validations/notifications";

// Marking read is the user's own bookkeeping; server/notifications.ts says how it is kept.

export const markNotificationRead = defineAction({
  permission: "notification.read",
  schema: markReadFormSchema,
  revalidate: ["/notifications"],
  run: ({ actor, input }) => {
    markNotificationsRead(actor, { ids: [input.notificationId] });
    return "已标为已读";
  },
});

export const markAllNotificationsRead = defineAction({
  permission: "notification.read",
  schema: z.object({}),
  revalidate: ["/notifications"],
  run: ({ actor }) => {
    const updated = markNotificationsRead(actor, { all: true });
    return updated > 0 ? `已将 ${updated} 条通知标为已读` : "没有未读的通知";
  },
});
