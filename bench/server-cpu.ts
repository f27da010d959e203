import { execFileSync } from "node:child_process";
import fs from "node:fs";

// CPU time (user + system) the server has consumed: every live process of its process group
// (bench/server.ts starts it detached, so the group id is its pid) plus the children it has
// already reaped. Read from /proc, so other processes on a shared machine do not count.

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** Fields after the command name of /proc/<pid>/stat, numbered as in proc(5) from 3 (state). */
function statFields(pid: string): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // exited meanwhile
  }
}

const field = (fields: string[], n: number) => Number(fields[n - 3]);

export function serverCpuMs(groupId: number): number {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = statFields(pid);
    if (!fields || field(fields, 5) !== groupId) continue;
    ticks += field(fields, 14) + field(fields, 15); // utime + stime
    if (Number(pid) === groupId) ticks += field(fields, 16) + field(fields, 17); // cutime + cstime
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
