import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

// The production build, in its own folder (NEXT_DIST_DIR) so that it never disturbs the
// default build or another engineer's, served the way `npm start` serves it, in its own
// process group so that the bench can stop it and everything it started.

export const DIST_DIR = ".next-bench";

export function buildApp(): void {
  // `next build` rewrites tsconfig.json's include list for its dist folder; put it back.
  const tsconfig = fs.readFileSync("tsconfig.json", "utf8");
  try {
    const built = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0) throw new Error("next build failed");
  } finally {
    fs.writeFileSync("tsconfig.json", tsconfig);
  }
}

export interface RunningServer {
  baseUrl: string;
  /** The server's pid, which is also its process group's id (it is started detached). */
  pid: number;
  /** From spawn to the first successful /api/health. */
  startMs: number;
  stop(): Promise<void>;
}

export async function startServer(params: {
  port: number;
  databasePath: string;
  logFile: string;
  env?: Record<string, string>;
  /** Node's own options, e.g. --cpu-prof for bench/profile.ts. */
  nodeArgs?: string[];
}): Promise<RunningServer> {
  // `npm start`'s server: Next inside scripts/server.mjs, which writes the request log.
  const command = ["node", [...(params.nodeArgs ?? []), "scripts/server.mjs"]];
  const log = fs.openSync(params.logFile, "a");
  const started = performance.now();
  const child = spawn(command[0] as string, command[1] as string[], {
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(params.port),
      DATABASE_PATH: params.databasePath,
      BETTER_AUTH_URL: `http://localhost:${params.port}`,
      ...params.env,
    },
  });
  const baseUrl = `http://localhost:${params.port}`;
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    // The whole group: the server and anything it spawned.
    process.kill(-child.pid, "SIGTERM");
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) process.kill(-child.pid, "SIGKILL");
  };
  for (let i = 0; i < 1200; i++) {
    if (exited) throw new Error(`server exited during start; see ${params.logFile}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, pid: child.pid!, startMs: performance.now() - started, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`server did not answer /api/health within 120 s; see ${params.logFile}`);
}
