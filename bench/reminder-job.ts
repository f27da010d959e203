import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

// The server starts its reminder job beside it (server/jobs/reminder-schedule.ts) and logs
// one line when it ends. The bench waits for that line before measuring anything else, so
// the job's CPU never lands in another figure, and fails if the job did not run.

const LINE = /\[rectify\] 提醒任务 \S+(:.*|失败.*)/;

/** The job's log line and when it was read (ms since the bench's clock origin). */
export async function reminderJobEnd(logFile: string, offset: number, timeoutMs = 120_000): Promise<{ line: string; ms: number }> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const match = LINE.exec(fs.readFileSync(logFile, "utf8").slice(offset));
    if (match) {
      if (match[0].includes("失败")) throw new Error(match[0]);
      return { line: match[0], ms: performance.now() };
    }
    await sleep(50);
  }
  throw new Error(`the reminder job logged no result within ${timeoutMs / 1000} s; see ${logFile}`);
}
