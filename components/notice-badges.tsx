import { NOTICE_LEVEL_LABELS, NOTICE_STATE_LABELS, type NoticeLevel, type NoticeState } from "@/lib/domain";

// 提醒 blue / 督办 yellow / 通报 red, always with the word so colour is never the only signal.
const LEVEL_STYLES: Record<NoticeLevel, string> = {
  reminder: "bg-blue-100 text-blue-800 ring-blue-300",
  supervise: "bg-amber-100 text-amber-900 ring-amber-300",
  criticize: "bg-red-100 text-red-800 ring-red-300",
};

export function NoticeLevelBadge({ level }: { level: NoticeLevel }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${LEVEL_STYLES[level]}`}>
      {NOTICE_LEVEL_LABELS[level]}
    </span>
  );
}

const STATE_STYLES: Record<NoticeState, string> = {
  open: "bg-gray-100 text-gray-800",
  replied: "bg-green-100 text-green-800",
  closed: "bg-gray-50 text-gray-500",
};

/** The notice's state; an open one past its reply day says 逾期未回复 instead. */
export function NoticeStateBadge({ state, overdue }: { state: NoticeState; overdue: boolean }) {
  if (overdue) {
    return <span className="inline-block rounded bg-red-600 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-white">逾期未回复</span>;
  }
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATE_STYLES[state]}`}>{NOTICE_STATE_LABELS[state]}</span>;
}
