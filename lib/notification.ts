// What a notification says, before it is addressed to users or units: the pure part that
// the reminder rules (lib/reminders.ts) build and db/queries/notifications.ts stores.

export type NotificationKind =
  | "assignment"
  | "claim_returned"
  | "claim_signed_off"
  | "notice_received"
  | "notice_replied"
  | "due_soon"
  | "overdue"
  | "report_missing"
  | "relapsed"
  | "red_card"
  | "review_requested"
  | "review_decided"
  | "appeal_decided"
  | "escalation"
  | "escalation_digest"
  | "notice_drafted"
  | "clue_overdue"
  | "reproof_due";

/** The tag the notification centre shows before each title. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assignment: "新任务",
  claim_returned: "退回",
  claim_signed_off: "销号",
  notice_received: "督办",
  notice_replied: "督办回复",
  due_soon: "临期",
  overdue: "逾期",
  report_missing: "未报送",
  relapsed: "回头看",
  red_card: "成效评估",
  review_requested: "报审",
  review_decided: "审核意见",
  appeal_decided: "申诉",
  escalation: "预警",
  escalation_digest: "预警周报",
  notice_drafted: "督办草稿",
  clue_overdue: "线索逾期",
  reproof_due: "复证",
};

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body?: string;
  link?: string;
  /**
   * Makes the insert idempotent: the same key is stored once per user (the daily reminder
   * job runs twice without duplicates). Include whatever makes the event unique, e.g.
   * `due:7:measure:12:2026-11-21`.
   */
  dedupeKey: string;
}
