import type Database from "better-sqlite3";
import { listRoundsWithCounts } from "@/db/queries/rounds";
import { roundSummary } from "@/db/queries/summary";
import { todayISO } from "@/lib/deadline-state";
import { median } from "../load";
import { figure, type Figure } from "../report";
import { logOffset, serverTimes } from "../server-log";
import type { Actors } from "../setup";
import { captureSql, replay } from "../sql-replay";

// Summary of the largest round and of all rounds as a user meets them: the first request
// after a write (a unit's progress report through the API), which is what the office sees
// after a sign-off. The server reuses a summary only while the database is unchanged, so
// every sample here recomputes it. Against the same SQL run directly on better-sqlite3.
// The time is the server's own handling time from its request log (0.1 ms resolution),
// one request at a time, so it is not a queue's.

const SAMPLES = 60;
const REPLAYS = 300;

export async function summaryFigures(params: {
  baseUrl: string;
  token: string;
  unit: Actors["units"][number];
  sqlite: Database.Database;
  roundId: number;
  logFile: string;
  machine: string;
}): Promise<Figure[]> {
  const { baseUrl, sqlite, machine, unit } = params;
  const today = todayISO();
  const cases = [
    { name: "汇总 API:最大轮次", path: `/api/v1/rounds/${params.roundId}/summary`, sql: captureSql(sqlite, (db) => roundSummary(db, { roundId: params.roundId, today })) },
    { name: "汇总 API:全部轮次", path: "/api/v1/rounds", sql: captureSql(sqlite, (db) => listRoundsWithCounts(db)) },
  ];
  const write = async (n: number) => {
    const form = new FormData();
    form.set("reportDate", today);
    form.set("text", `压测:写入后读汇总 ${n}`);
    form.set("claimedStatus", "incomplete");
    const response = await fetch(`${baseUrl}/api/v1/measures/${unit.measureIds[n % unit.measureIds.length]}/progress`, {
      method: "POST",
      headers: { authorization: `Bearer ${unit.token}` },
      body: form,
    });
    if (!response.ok) throw new Error(`progress report answered ${response.status}: ${await response.text()}`);
  };
  const read = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${params.token}` } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  };
  const figures: Figure[] = [];
  let n = 0;
  for (const c of cases) {
    for (let i = 0; i < 5; i++) await read(c.path); // warm-up: compiled route, page cache
    const offset = logOffset(params.logFile);
    for (let i = 0; i < SAMPLES; i++) {
      await write(n++);
      await read(c.path);
    }
    const logged = serverTimes(params.logFile, offset, c.path);
    if (logged.length !== SAMPLES) throw new Error(`${c.name}: ${logged.length} logged times for ${SAMPLES} requests`);
    const afterWrite = median(logged);
    const raw = median(replay(sqlite, c.sql, REPLAYS));
    figures.push(
      figure({
        name: `${c.name}:写入后首次请求 p50(服务端计时)`,
        value: afterWrite,
        unit: "ms",
        reference: raw,
        referenceLabel: "同一 SQL 直接执行",
        target: "≤ 3× 直接执行同一 SQL,且 < 50 ms",
        met: afterWrite <= 3 * raw && afterWrite < 50,
        machine,
      }),
    );
  }
  return figures;
}
