// What a notification says, before it is addressed to users or units: the pure part that
// the reminder rules (lib/reminders.ts) build and db/queries/notifications.ts stores.

export interface NotificationInput {
  kind:
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
    | "clue_overdue";
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
