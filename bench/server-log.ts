import fs from "node:fs";

// The production server (scripts/server.mjs) logs every request with its own handling time
// at 0.1 ms resolution; autocannon's histogram keeps whole milliseconds, too coarse for a
// 2 ms API call next to a 1 ms query. These read the lines a run appended.

export function logOffset(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/**
 * Server-side times (ms) of the requests to `path` (or, with `{ route }`, to a route such as
 * /api/v1/measures/:id/progress) logged since `offset`; empty if the server does not log them.
 */
export function serverTimes(file: string, offset: number, path: string | { route: string }): number[] {
  const text = fs.readFileSync(file, "utf8").slice(offset);
  const times: number[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; path?: string; route?: string; ms?: number };
      const matches = typeof path === "string" ? entry.path === path : entry.route === path.route;
      if (entry.msg === "request" && matches && typeof entry.ms === "number") times.push(entry.ms);
    } catch {
      // not a log line of ours
    }
  }
  return times;
}
