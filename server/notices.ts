import "server-only";
import { db } from "@/db";
import * as draftWrites from "@/db/queries/notice-drafts";
import * as noticeWrites from "@/db/queries/notice-writes";
import { todayISO } from "@/lib/deadline-state";
import { visibleUnitIds, type Actor } from "@/lib/permissions";
import type { IssueNoticeInput } from "@/lib/validations/notice";

// 督办单: issue, reply, close — one use case each, shared by the forms and the JSON API.
// The queries write the audit row inside the transaction opened here.

export function issueNotice(actor: Actor, input: IssueNoticeInput) {
  // IMMEDIATE (the client's default) takes the write lock before the year's last number is
  // read, so two offices issuing at once get consecutive numbers, not a unique-index failure.
  return db.transaction((tx) => noticeWrites.issueNotice(tx, { actorId: actor.id, input, today: todayISO() }));
}

export function replyNotice(actor: Actor, input: { noticeId: number; reply: string }) {
  // The query refuses a notice outside the actor's units, as if it did not exist.
  const unitIds = visibleUnitIds(actor, "notice.reply");
  return db.transaction((tx) => noticeWrites.replyNotice(tx, { actorId: actor.id, unitIds, noticeId: input.noticeId, reply: input.reply }));
}

export function closeNotice(actor: Actor, noticeId: number) {
  return db.transaction((tx) => noticeWrites.closeNotice(tx, { actorId: actor.id, noticeId }));
}

/** The office issues a 督办单 the escalation ladder drafted, as drafted: one click. */
export function confirmNoticeDraft(actor: Actor, draftId: number) {
  // IMMEDIATE, as issuing any notice: its number is read and used under the write lock.
  return db.transaction((tx) => draftWrites.confirmDraft(tx, { actorId: actor.id, draftId, today: todayISO() }));
}

/** The office decides a drafted notice is not to be sent. */
export function dismissNoticeDraft(actor: Actor, draftId: number) {
  return db.transaction((tx) => draftWrites.dismissDraft(tx, { actorId: actor.id, draftId }));
}
