import type { NoticeState } from "./domain";

// Rules of the 督办单 that need no database: its number and when a reply is late.

/** 督办〔2026〕3号 — numbered per calendar year. */
export function noticeNumber(notice: { year: number; sequence: number }): string {
  return `督办〔${notice.year}〕${notice.sequence}号`;
}

/** An open notice past its reply day is 逾期未回复; once the unit replies it no longer is. */
export function isReplyOverdue(notice: { state: NoticeState; replyDeadline: string }, today: string): boolean {
  return notice.state === "open" && notice.replyDeadline < today;
}
