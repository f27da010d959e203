import "server-only";
import { db } from "@/db";
import { runReminders } from "@/db/queries/reminders";
import { todayISO } from "@/lib/deadline-state";

// The daily reminder job inside the server (started by instrumentation.ts). It runs once
// at start, then checks every hour whether the date (in China) has changed since the last
// run: a timer of exactly 24 h would drift and skip a day across restarts or a sleeping
// host, and an hourly run would leave an audit row every hour. Any error is logged and
// the next check tries again; it never takes the server down.

const CHECK_EVERY_MS = 60 * 60 * 1000;
const state = globalThis as unknown as { rectifyReminderTimer?: NodeJS.Timeout; rectifyReminderDay?: string };

export function runRemindersOnce(): void {
  const today = todayISO();
  try {
    const counts = runReminders(db, { today });
    state.rectifyReminderDay = today;
    console.log(`[rectify] 提醒任务 ${today}:临期 ${counts.dueSoon}、逾期 ${counts.overdue}、未报送 ${counts.reportMissing} 条`);
  } catch (error) {
    console.error(`[rectify] 提醒任务 ${today} 失败,将在下次检查时重试`, error);
  }
}

export function startReminderSchedule(): void {
  // Once per process, even if the hook's module is loaded twice (dev reloads).
  if (state.rectifyReminderTimer) return;
  runRemindersOnce();
  state.rectifyReminderTimer = setInterval(() => {
    if (todayISO() !== state.rectifyReminderDay) runRemindersOnce();
  }, CHECK_EVERY_MS);
  // The timer alone must not keep a stopping process alive.
  state.rectifyReminderTimer.unref();
}
