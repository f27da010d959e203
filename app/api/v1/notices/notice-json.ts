import "server-only";
import { db } from "@/db";
import { getNotice, type NoticeDetail, type NoticeListRow } from "@/db/queries/notices";
import { isReplyOverdue, noticeNumber } from "@/lib/notice";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { parseId } from "@/lib/validations/common";

// The API's shape of a 督办单, kept in one place so the list, the detail and the writes agree.

export function noticeSummaryJson(n: NoticeListRow, today: string) {
  return {
    id: n.id,
    number: noticeNumber(n),
    year: n.year,
    sequence: n.sequence,
    level: n.level,
    state: n.state,
    overdue: isReplyOverdue(n, today),
    replyDeadline: n.replyDeadline,
    request: n.request,
    unit: { id: n.unitId, name: n.unitName },
    round: { id: n.roundId, name: n.roundName },
    measureCount: n.measureCount,
    issuedAt: n.createdAt.toISOString(),
    repliedAt: n.repliedAt?.toISOString() ?? null,
    closedAt: n.closedAt?.toISOString() ?? null,
  };
}

export function noticeDetailJson(detail: NoticeDetail, today: string) {
  const { notice } = detail;
  return {
    id: notice.id,
    number: noticeNumber(notice),
    year: notice.year,
    sequence: notice.sequence,
    level: notice.level,
    state: notice.state,
    overdue: isReplyOverdue(notice, today),
    replyDeadline: notice.replyDeadline,
    request: notice.request,
    unit: { id: notice.unitId, name: detail.unitName },
    round: { id: notice.roundId, name: detail.roundName },
    measures: detail.measures.map((m) => ({ id: m.id, text: m.text, problemNumber: m.problemNumber, status: m.status, deadline: m.deadline })),
    issuedBy: detail.issuedByName,
    issuedAt: notice.createdAt.toISOString(),
    reply: notice.reply,
    repliedBy: detail.repliedByName,
    repliedAt: notice.repliedAt?.toISOString() ?? null,
    closedBy: detail.closedByName,
    closedAt: notice.closedAt?.toISOString() ?? null,
  };
}

/** The notice named in the URL, if the actor may read it; otherwise 404 whether or not it exists. */
export function visibleNotice(actor: Actor, params: Record<string, string | string[]>): NoticeDetail {
  const id = parseId(typeof params.id === "string" ? params.id : undefined);
  const detail = id ? getNotice(db, { id }) : undefined;
  if (!detail || !can(actor, "notice.read", detail.ownership)) throw new AppError("NOT_FOUND", "未找到该督办单");
  return detail;
}
