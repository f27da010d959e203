import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { hashApiToken } from "../../server/api-token";

// A second, private production server on its own data folder, for the specs that kill,
// restart or misconfigure a server: the shared one must stay up for everyone else. It
// reuses the build the shared server runs (NEXT_DIST_DIR).

export interface PrivateServer {
  baseURL: string;
  dataDir: string;
  databaseFile: string;
  process: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown code runs, exactly like a power cut to the process. */
  crash: () => Promise<void>;
  stop: () => Promise<void>;
}

export function freshDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rectify-${name}-`));
}

/** The demo seed into a new data folder (the same script the shared server uses). */
export function seedDataDir(dataDir: string): void {
  execFileSync("node", ["--conditions=react-server", "--import", "tsx", "db/seed.ts"], {
    env: { ...process.env, DATABASE_PATH: path.join(dataDir, "rectify.db") },
    stdio: "ignore",
  });
}

export function spawnServer(dataDir: string, port: number, extraEnv: Record<string, string> = {}): PrivateServer {
  const databaseFile = path.join(dataDir, "rectify.db");
  let output = "";
  const child = spawn("node", ["scripts/server.mjs"], {
    env: {
      ...process.env,
      ...extraEnv,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: databaseFile,
      BETTER_AUTH_URL: `http://localhost:${port}`,
      RECTIFY_REMINDERS: "off",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, name);
    await exited;
  };
  return {
    baseURL: `http://localhost:${port}`,
    dataDir,
    databaseFile,
    process: child,
    output: () => output,
    crash: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  };
}

export async function startServer(dataDir: string, port: number, extraEnv: Record<string, string> = {}): Promise<PrivateServer> {
  const server = spawnServer(dataDir, port, extraEnv);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
    try {
      if ((await fetch(`${server.baseURL}/api/health`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.crash();
  throw new Error(`server did not start:\n${server.output()}`);
}

/** An API token for a demo user, written straight into a stopped server's database. */
export function issueToken(databaseFile: string, username: string): string {
  const token = `rt_test_${username}_${Date.now().toString(36)}`;
  const db = new Database(databaseFile);
  try {
    const userId = db.prepare("select id from users where username = ?").pluck().get(username);
    db.prepare("insert into api_tokens (name, token_hash, user_id, created_at) values (?, ?, ?, ?)").run(
      "崩溃测试",
      hashApiToken(token),
      userId,
      Date.now(),
    );
  } finally {
    db.close();
  }
  return token;
}
