import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { load } from "./load";
import { startServer } from "./server";
import { ensureProvinceDatabase, findTargets, freshRunCopy, RUN_DB, RUN_DIR } from "./setup";
import { signIn } from "./sign-in";

// Where a page's server time goes: the bench's server (reuses .next-bench; build it with
// `npm run bench` first) under --cpu-prof, one server per page so that each profile holds
// one page's load. Writes bench-profiles/<page>.cpuprofile and prints the top functions by
// self time. Usage: npm run bench:profile -- [ledger] [dashboard] [minimal] [--fresh]

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const OUT = path.resolve("data", "bench", "profiles");

async function main() {
  ensureProvinceDatabase();
  if (!fs.existsSync(RUN_DB) || process.argv.includes("--fresh")) freshRunCopy();
  const setupDb = new Database(RUN_DB, { readonly: true });
  const targets = findTargets(setupDb);
  setupDb.close();
  const pages: Record<string, { path: string; user: string }> = {
    minimal: { path: "/account/password", user: "office" },
    ledger: { path: `/rounds/${targets.largestRoundId}/ledger?unit=${targets.ledgerUnitId}`, user: "office" },
    dashboard: { path: "/dashboard", user: "leader" },
  };
  const chosen = process.argv.slice(2).filter((a) => a in pages);
  fs.mkdirSync(OUT, { recursive: true });
  for (const name of chosen.length ? chosen : Object.keys(pages)) {
    const dir = fs.mkdtempSync(path.join(OUT, `${name}-`));
    const server = await startServer({
      port: PORT,
      databasePath: RUN_DB,
      logFile: path.join(RUN_DIR, "profile-server.log"),
      env: { RECTIFY_REMINDERS: "off" },
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    });
    try {
      const cookie = await signIn(server.baseUrl, pages[name]!.user, DEMO_PASSWORD);
      const options = { url: `${server.baseUrl}${pages[name]!.path}`, headers: { cookie }, connections: 50 };
      await load({ ...options, amount: 100 });
      const result = await load({ ...options, duration: 15 });
      console.log(`${name}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}`);
    } finally {
      await server.stop();
    }
    const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (file) fs.renameSync(path.join(dir, file), path.join(OUT, `${name}.cpuprofile`));
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`  → ${path.join(OUT, `${name}.cpuprofile`)}`);
    printSelfTime(path.join(OUT, `${name}.cpuprofile`));
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function and by file over the last 15 s (the measured load, not start-up). */
function printSelfTime(file: string): void {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let clock = 0;
  const at = profile.timeDeltas.map((d) => (clock += d));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (at[i]! < clock - 15e6) return;
    const frame = frames.get(id)!;
    const where = frame.url.replace(/.*\/(node_modules|\.next-bench)\//, "$1/") || `(${frame.functionName})`;
    const dt = profile.timeDeltas[i]!;
    const fn = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber}`;
    total += dt;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    byFile.set(where, (byFile.get(where) ?? 0) + dt);
  });
  for (const [title, table] of [["by function", byFunction], ["by file", byFile]] as const) {
    console.log(`  self time ${title}:`);
    for (const [key, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
