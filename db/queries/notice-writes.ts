import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { noticeNumber } from "@/lib/notice";
import type { IssueNoticeInput } from "@/lib/validations/notice";
import type { Queryable } from "../client";
import { measures, rounds, supervisionNoticeMeasures, supervisionNotices, type SupervisionNotice } from "../schema";
import { recordAudit } from "./audit";
import { measureOfUnit } from "./measure-filter";
import { nextNoticeSequence } from "./notices";
import { notifyUnit, notifyUsers } from "./notifications";

// The writes of a 督办单: issue (office) → reply (unit) → close (office). Each runs in the
// caller's transaction and leaves exactly one audit row and its notifications there, so a
// notice never exists without its trace or its recipients being told.

const invalid = (field: string, message: string) => new AppError("VALIDATION", "提交的内容有误,请按提示修改", { [field]: [message] });

/**
 * Issues a notice. The round, the unit and each measure are checked again here: the form
 * only offers valid choices, but an API caller may send anything. A notice the escalation
 * ladder drafted names its draft, and its one audit row says it was a draft confirmed.
 * Run it in an IMMEDIATE transaction: the sequence is read and used under the write lock.
 */
export function issueNotice(tx: Queryable, params: { actorId: string; input: IssueNoticeInput; today: string; draftId?: number }): SupervisionNotice {
  const { input } = params;
  const round = tx.select({ id: rounds.id, archivedAt: rounds.archivedAt }).from(rounds).where(eq(rounds.id, input.roundId)).get();
  if (!round) throw invalid("roundId", "所选轮次不存在");
  if (round.archivedAt) throw invalid("roundId", "该轮次已归档,不能再发督办单");
  const inRound = and(eq(measures.roundId, input.roundId), measureOfUnit(input.unitId));
  const unitAnswers = tx.select({ n: sql<number>`count(*)` }).from(measures).where(inRound).get()!.n > 0;
  if (!unitAnswers) throw invalid("unitId", "该单位在所选轮次中没有整改任务");
  const found = tx
    .select({ id: measures.id })
    .from(measures)
    .where(and(inRound, inArray(measures.id, input.measureIds)))
    .all();
  if (found.length !== input.measureIds.length) throw invalid("measureIds", "所选整改措施不属于该单位在本轮次的任务,请刷新后重选");

  const year = Number(params.today.slice(0, 4));
  const notice = tx
    .insert(supervisionNotices)
    .values({
      roundId: input.roundId,
      unitId: input.unitId,
      year,
      sequence: nextNoticeSequence(tx, { year }),
      level: input.level,
      request: input.request,
      replyDeadline: input.replyDeadline,
      issuedById: params.actorId,
    })
    .returning()
    .get();
  tx.insert(supervisionNoticeMeasures)
    .values(input.measureIds.map((measureId) => ({ noticeId: notice.id, measureId })))
    .run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.draftId ? "notice.issue_draft" : "notice.issue",
    entity: "notice",
    entityId: notice.id,
    after: params.draftId ? { ...notice, measureIds: input.measureIds, draftId: params.draftId } : { ...notice, measureIds: input.measureIds },
  });
  notifyUnit(tx, {
    unitId: notice.unitId,
    notification: {
      kind: "notice_received",
      title: `收到${noticeNumber(notice)},请于 ${notice.replyDeadline} 前回复`,
      body: notice.request.slice(0, 200),
      link: `/notices/${notice.id}`,
      dedupeKey: `notice:${notice.id}:received`,
    },
  });
  return notice;
}

/** A notice inside the reader's units, or 404 — also for an id that does not exist. */
function noticeWithin(tx: Queryable, noticeId: number, unitIds: readonly number[] | null): SupervisionNotice {
  const notice = tx.select().from(supervisionNotices).where(eq(supervisionNotices.id, noticeId)).get();
  if (!notice || (unitIds !== null && !unitIds.includes(notice.unitId))) {
    throw new AppError("NOT_FOUND", "未找到该督办单");
  }
  return notice;
}

/** The unit answers. Only an open notice takes a reply; a second reply would overwrite the first. */
export function replyNotice(
  tx: Queryable,
  params: { actorId: string; unitIds: readonly number[] | null; noticeId: number; reply: string },
): SupervisionNotice {
  const before = noticeWithin(tx, params.noticeId, params.unitIds);
  if (before.state !== "open") {
    throw new AppError("CONFLICT", before.state === "replied" ? "该督办单已回复,无需重复回复" : "该督办单已办结,不能再回复");
  }
  const now = new Date();
  const after = tx
    .update(supervisionNotices)
    .set({ state: "replied", reply: params.reply, repliedById: params.actorId, repliedAt: now })
    // The state in the WHERE makes a concurrent second reply update nothing instead of overwriting.
    .where(and(eq(supervisionNotices.id, before.id), eq(supervisionNotices.state, "open")))
    .returning()
    .get();
  if (!after) throw new AppError("CONFLICT", "该督办单已被他人处理,请刷新后查看");
  recordAudit(tx, {
    actorId: params.actorId,
    action: "notice.reply",
    entity: "notice",
    entityId: after.id,
    before: { state: before.state },
    after: { state: after.state, reply: after.reply },
  });
  notifyUsers(tx, {
    userIds: [after.issuedById],
    notification: {
      kind: "notice_replied",
      title: `${noticeNumber(after)}已回复`,
      body: after.reply?.slice(0, 200),
      link: `/notices/${after.id}`,
      dedupeKey: `notice:${after.id}:replied`,
    },
  });
  return after;
}

/** The office closes a notice, replied or (after confirming in the UI) still open. */
export function closeNotice(tx: Queryable, params: { actorId: string; noticeId: number }): SupervisionNotice {
  const before = noticeWithin(tx, params.noticeId, null);
  if (before.state === "closed") throw new AppError("CONFLICT", "该督办单已办结");
  const after = tx
    .update(supervisionNotices)
    .set({ state: "closed", closedById: params.actorId, closedAt: new Date() })
    .where(and(eq(supervisionNotices.id, before.id), ne(supervisionNotices.state, "closed")))
    .returning()
    .get();
  if (!after) throw new AppError("CONFLICT", "该督办单已办结");
  recordAudit(tx, {
    actorId: params.actorId,
    action: "notice.close",
    entity: "notice",
    entityId: after.id,
    before: { state: before.state },
    after: { state: after.state },
  });
  return after;
}
