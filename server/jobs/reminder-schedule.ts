import "server-only";
import { spawn } from "node:child_process";
import { todayISO } from "@/lib/deadline-state";

// The daily reminder job beside the server (started by instrumentation.ts). It runs once
// at start, then checks every hour whether the date (in China) has changed since the last
// run: a timer of exactly 24 h would drift and skip a day across restarts or a sleeping
// host, and an hourly run would leave an audit row every hour. Any error is logged and
// the next check tries again; it never takes the server down.
//
// The job runs as `npm run cli -- remind` in a child process, not in the server's own
// thread: on a province database it takes 1–3 s of CPU, and better-sqlite3 is synchronous,
// so in-process every request would wait for it (and the first start would not serve until
// it ended). In its own process it uses the other core; readers go on (WAL) and a writer
// waits at most that long for the lock (busy_timeout is 5 s).

const CHECK_EVERY_MS = 60 * 60 * 1000;
const state = globalThis as unknown as { rectifyReminderTimer?: NodeJS.Timeout; rectifyReminderDay?: string; rectifyReminderRunning?: boolean };

function runRemindersOnce(): void {
  if (state.rectifyReminderRunning) return;
  state.rectifyReminderRunning = true;
  const today = todayISO();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/entry.ts", "remind", "--today", today], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk));
  const fail = (why: string) => {
    // "error" (could not start) and "close" may both come: say it once.
    if (!state.rectifyReminderRunning) return;
    state.rectifyReminderRunning = false;
    console.error(`[rectify] 提醒任务 ${today} 失败,将在下次检查时重试:${why}`);
  };
  child.on("error", (error) => fail(error.message));
  child.on("close", (code) => {
    if (code !== 0) return fail(err.trim() || `退出码 ${code}`);
    let counts: { dueSoon: number; overdue: number; reportMissing: number; escalated: number; noticeDrafts: number; digests: number; clueOverdue: number; reproofDue: number };
    try {
      counts = JSON.parse(out.trim().split("\n").at(-1)!);
    } catch {
      return fail(`无法读取输出:${out.slice(0, 200)}`);
    }
    state.rectifyReminderRunning = false;
    state.rectifyReminderDay = today;
    console.log(
      `[rectify] 提醒任务 ${today}:临期 ${counts.dueSoon}、逾期 ${counts.overdue}、未报送 ${counts.reportMissing} 条;` +
        `预警升级 ${counts.escalated} 项、督办单草稿 ${counts.noticeDrafts} 份、领导周报 ${counts.digests} 条、线索逾期提醒 ${counts.clueOverdue} 条、复证提醒 ${counts.reproofDue} 条`,
    );
  });
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
