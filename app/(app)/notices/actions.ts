"use server";

import { defineAction } from "@/server/action";
import { closeNotice, issueNotice, replyNotice } from "@/server/notices";
import { noticeNumber } from "@/lib/notice";
import { closeNoticeSchema, issueNoticeSchema, replyNoticeSchema } from "@/lib/validations/notice";

export const issueNoticeAction = defineAction({
  permission: "notice.issue",
  schema: issueNoticeSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => ({ redirectTo: `/notices/${issueNotice(actor, input).id}` }),
});

export const replyNoticeAction = defineAction({
  permission: "notice.reply",
  schema: replyNoticeSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => `已回复${noticeNumber(replyNotice(actor, input))}`,
});

export const closeNoticeAction = defineAction({
  permission: "notice.issue",
  schema: closeNoticeSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => `${noticeNumber(closeNotice(actor, input.noticeId))}已办结`,
});
