"use server";

import { defineAction } from "@/server/action";
import { closeNotice, confirmNoticeDraft, dismissNoticeDraft, issueNotice, replyNotice } from "@/server/notices";
import { noticeNumber } from "@/lib/notice";
import { closeNoticeSchema, issueNoticeSchema, noticeDraftSchema, replyNoticeSchema } from "@/lib/validations/notice";

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

// Drafts of the escalation ladder (预警升级): confirmed in one click, it becomes a notice.
export const confirmNoticeDraftAction = defineAction({
  permission: "notice.issue",
  schema: noticeDraftSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => ({ redirectTo: `/notices/${confirmNoticeDraft(actor, input.draftId).id}` }),
});

export const dismissNoticeDraftAction = defineAction({
  permission: "notice.issue",
  schema: noticeDraftSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => {
    dismissNoticeDraft(actor, input.draftId);
    return "已将该督办单草稿设为不发出";
  },
});
