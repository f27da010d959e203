"use server";

import { db } from "@/db";
import { closeNotice, issueNotice, replyNotice } from "@/db/queries/notice-writes";
import { defineAction } from "@/server/action";
import { todayISO } from "@/lib/deadline-state";
import { noticeNumber } from "@/lib/notice";
import { scopeOf } from "@/lib/permissions";
import { closeNoticeSchema, issueNoticeSchema, replyNoticeSchema } from "@/lib/validations/notice";

export const issueNoticeAction = defineAction({
  permission: "notice.issue",
  schema: issueNoticeSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => {
    // IMMEDIATE takes the write lock before the year's last number is read, so two offices
    // issuing at once get consecutive numbers instead of a unique-index failure.
    const notice = db.transaction((tx) => issueNotice(tx, { actorId: actor.id, input, today: todayISO() }), {
      behavior: "immediate",
    });
    return { redirectTo: `/notices/${notice.id}` };
  },
});

export const replyNoticeAction = defineAction({
  permission: "notice.reply",
  schema: replyNoticeSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => {
    // The query refuses a notice outside the actor's units, as if it did not exist.
    const unitIds = scopeOf(actor, "notice.reply") === "own" ? actor.unitScope : null;
    const notice = db.transaction((tx) =>
      replyNotice(tx, { actorId: actor.id, unitIds, noticeId: input.noticeId, reply: input.reply }),
    );
    return `已回复${noticeNumber(notice)}`;
  },
});

export const closeNoticeAction = defineAction({
  permission: "notice.issue",
  schema: closeNoticeSchema,
  revalidate: ["/notices"],
  run: ({ actor, input }) => {
    const notice = db.transaction((tx) => closeNotice(tx, { actorId: actor.id, noticeId: input.noticeId }));
    return `${noticeNumber(notice)}已办结`;
  },
});
