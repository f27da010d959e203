import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { archiveFigures } from "./figures/archive";
import { archiveLoadFigures } from "./figures/archive-load";
import { journeyFigures } from "./figures/journeys";
import { pageFigures } from "./figures/pages";
import { searchFigures } from "./figures/search";
import { summaryFigures } from "./figures/summary";
import { transferFigures } from "./figures/transfer";
import { writeMixFigures } from "./figures/write-mix";
import { machineDescription } from "./machine";
import { writeReadmeTable } from "./readme-table";
import { reminderJobEnd } from "./reminder-job";
import { figure, printTable, writeResults, type Figure } from "./report";
import { buildApp, startServer } from "./server";
import { logOffset } from "./server-log";
import { ensureProvinceDatabase, findTargets, freshRunCopy, issueTokens, RUN_DB, RUN_DIR, setRoundArchived } from "./setup";
import { signIn } from "./sign-in";

// `npm run bench`: the figures on the province database, each next to its reference (a
// different measurement in the same run), printed as a table, written to bench/results.json
// and into README's performance table. Options: --no-build (reuse .next-bench),
// --only <figure>[,<figure>…] (summary, pages, journeys, writes, start, transfer, search, archive:
// only those, merged into the results already written), BENCH_PORT (default 3300). `--only
// search` and `transfer` neither build nor start the server.

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const RESULTS = path.join("bench", "results.json");
const onlyArg = process.argv.indexOf("--only");
const ONLY = onlyArg === -1 ? null : new Set(process.argv[onlyArg + 1]?.split(","));
const wants = (name: string) => ONLY === null || ONLY.has(name);
/** Figures measured in this process, on the run's copy, without the server. */
const IN_PROCESS = new Set(["search", "transfer"]);
const needsServer = ONLY === null || [...ONLY].some((name) => !IN_PROCESS.has(name));

async function main() {
  const machine = machineDescription();
  const { generatedMs } = ensureProvinceDatabase();
  if (needsServer && !process.argv.includes("--no-build")) buildApp();
  freshRunCopy();
  const figures: Figure[] = [];
  // First, on the copy as generated: the write mix below adds reports to it.
  if (wants("search")) figures.push(...searchFigures({ runDb: RUN_DB, machine }));
  if (needsServer) await serverFigures(machine, figures);
  if (wants("transfer")) {
    const setupDb = new Database(RUN_DB, { readonly: true });
    const targets = findTargets(setupDb);
    setupDb.close();
    figures.push(...(await transferFigures({ runDir: RUN_DIR, runDb: RUN_DB, roundId: targets.largestRoundId, roundMeasures: targets.largestRoundMeasures, machine })));
  }
  if (wants("archive")) {
    const setupDb = new Database(RUN_DB, { readonly: true });
    const targets = findTargets(setupDb);
    setupDb.close();
    // The package and its reference run in child processes of their own (bench/children);
    // the package inside the server, beside other users' requests, is measured above.
    figures.push(...(await archiveFigures({ runDir: RUN_DIR, runDb: RUN_DB, roundId: targets.largestRoundId, roundMeasures: targets.largestRoundMeasures, machine })));
  }
  if (generatedMs !== null) {
    figures.push(figure({ name: "生成省级规模数据库", value: generatedMs, unit: "ms", reference: null, target: "≤ 300000 ms", met: generatedMs <= 300_000, machine }));
  }
  printTable(figures);
  const results = ONLY === null ? figures : mergedResults(figures);
  writeResults(RESULTS, results);
  writeReadmeTable("README.md", results);
  console.log(`\n结果已写入 ${RESULTS} 与 README.md;本次 ${figures.filter((f) => f.met).length}/${figures.length} 项达标。`);
}

/** The figures that need the app's server: started on the run's copy, stopped at the end. */
async function serverFigures(machine: string, figures: Figure[]): Promise<void> {
  const setupDb = new Database(RUN_DB);
  const actors = issueTokens(setupDb, { leaders: 50, units: 200 });
  const targets = findTargets(setupDb);
  setupDb.close();
  console.log(`最大轮次:${targets.largestRoundName}(${targets.largestRoundMeasures} 项措施)`);

  const logFile = path.join(RUN_DIR, "server.log");
  const logStart = logOffset(logFile);
  const server = await startServer({ port: PORT, databasePath: RUN_DB, logFile });
  const readyAt = performance.now();
  try {
    console.log(`服务已启动:${Math.round(server.startMs)} ms`);
    // The job started with the server runs beside it; the figures wait for it to end.
    const reminders = await reminderJobEnd(logFile, logStart);
    console.log(`提醒任务:${reminders.line}(服务可用后 ${Math.round(reminders.ms - readyAt)} ms 结束)`);
    const sqlite = new Database(RUN_DB, { readonly: true });
    try {
      if (wants("summary")) {
        const unit = actors.units.at(-1)!;
        figures.push(...(await summaryFigures({ baseUrl: server.baseUrl, token: actors.leaders[0]!, unit, sqlite, roundId: targets.largestRoundId, logFile, machine })));
      }
      if (wants("pages")) {
        const [officeCookie, leaderCookie] = [await signIn(server.baseUrl, "office", DEMO_PASSWORD), await signIn(server.baseUrl, "leader", DEMO_PASSWORD)];
        const pages = await pageFigures({
          baseUrl: server.baseUrl,
          machine,
          ledgerPath: `/rounds/${targets.largestRoundId}/ledger?unit=${targets.ledgerUnitId}`,
          dashboardPath: "/dashboard",
          officeCookie,
          leaderCookie,
        });
        figures.push(...pages.figures);
      }
      // Before the write mix, which changes the data the journeys walk through.
      if (wants("journeys")) {
        figures.push(...(await journeyFigures({ baseUrl: server.baseUrl, serverPid: server.pid, password: DEMO_PASSWORD, machine, roundId: targets.largestRoundId, unitUsername: "jiaoyu" })));
      }
      if (wants("writes")) figures.push(...(await writeMixFigures({ baseUrl: server.baseUrl, sqlite, actors, logFile, machine })));
      if (wants("archive")) {
        // Only an archived round is packaged; restored afterwards for the figures that follow.
        const writer = new Database(RUN_DB);
        setRoundArchived(writer, { roundId: targets.largestRoundId, archived: true });
        try {
          figures.push(...(await archiveLoadFigures({ baseUrl: server.baseUrl, actors, roundId: targets.largestRoundId, machine })));
        } finally {
          setRoundArchived(writer, { roundId: targets.largestRoundId, archived: false });
          writer.close();
        }
      }
    } finally {
      sqlite.close();
    }
  } finally {
    await server.stop();
  }
  if (wants("start")) {
    // The same start without the reminder job (RECTIFY_REMINDERS=off).
    const plain = await startServer({ port: PORT, databasePath: RUN_DB, logFile, env: { RECTIFY_REMINDERS: "off" } });
    await plain.stop();
    figures.push(
      figure({
        name: "服务启动到可用(省级库,首次启动,提醒任务在旁运行)",
        value: server.startMs,
        unit: "ms",
        reference: plain.startMs,
        referenceLabel: "不运行提醒任务的启动",
        target: "≤ 1.2× 不运行提醒任务的启动(不等提醒任务结束)",
        met: server.startMs <= 1.2 * plain.startMs,
        machine,
      }),
    );
  }
}

/** The results already written, with the figures of this partial run in place of theirs. */
function mergedResults(fresh: Figure[]): Figure[] {
  const earlier = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Figure[]) : [];
  const byName = new Map(fresh.map((f) => [f.name, f]));
  // Each re-measured figure keeps its place, so that README's table keeps its order.
  const merged = earlier.map((f) => byName.get(f.name) ?? f);
  const known = new Set(earlier.map((f) => f.name));
  return [...merged, ...fresh.filter((f) => !known.has(f.name))];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
