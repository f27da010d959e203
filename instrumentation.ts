// Next calls register() once when a server starts, before it handles requests. It starts
// the daily reminder job (lib/reminder-schedule.ts) in the Node.js server only: never in
// the edge runtime, never while `next build` prerenders pages, and not at all when
// RECTIFY_REMINDERS=off (e.g. a second instance sharing the database). A failure is
// logged; the server starts regardless.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build" || process.env.RECTIFY_REMINDERS === "off") return;
    try {
      const { startReminderSchedule } = await import("./lib/reminder-schedule");
      startReminderSchedule();
    } catch (error) {
      console.error("[rectify] 提醒任务未能启动", error);
    }
  }
}
