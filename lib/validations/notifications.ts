import { z } from "zod";
import { id } from "./common";

// Shared by the notification centre's forms and the JSON API.

/** The "标为已读" button of one notification. */
export const markReadFormSchema = z.object({ notificationId: id("通知") });

/**
 * POST /api/v1/notifications/read: either some ids or everything. An object with optional
 * fields rather than a union, so that a bad id is reported on `ids` itself.
 */
export const markReadBodySchema = z
  .object({
    ids: z
      .array(z.number({ error: "通知编号应为数字" }).int("通知编号应为整数").positive("通知编号应为正整数"), { error: "ids 应为通知编号的数组" })
      .min(1, "请至少指定一条通知")
      .max(500, "一次最多标记 500 条通知")
      .optional(),
    all: z.literal(true, { error: "all 只能为 true" }).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: '请提供 {"ids": [通知编号…]} 或 {"all": true},二者选一',
  })
  .transform((body) => (body.all ? ({ all: true } as const) : { ids: body.ids! }));

/** GET /api/v1/notifications query string. */
export const listNotificationsQuerySchema = z.object({
  limit: z.coerce.number({ error: "limit 应为数字" }).int("limit 应为整数").min(1, "limit 至少为 1").max(200, "limit 不能超过 200").default(50),
  before: z.preprocess((v) => (v === "" ? undefined : v), id("起始通知").optional()),
  unread: z.enum(["0", "1", "true", "false"], { error: "unread 应为 1 或 0" }).optional().transform((v) => v === "1" || v === "true"),
});
