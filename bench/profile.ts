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
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
