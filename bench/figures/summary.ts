import type Database from "better-sqlite3";
import { listRoundsWithCounts } from "@/db/queries/rounds";
import { roundSummary } from "@/db/queries/summary";
import { todayISO } from "@/lib/deadline-state";
import { assertAllOk, load, median } from "../load";
import { figure, type Figure } from "../report";
import { logOffset, serverTimes } from "../server-log";
import { captureSql, replay } from "../sql-replay";

// Summary of the largest round and of all rounds: the API (one client, one request at a
// time, so the time is the server's, not a queue's) against its own SQL run directly. The
// API's p50 is the server's own handling time from its request log when it logs one
// (0.1 ms resolution), else autocannon's (whole milliseconds).

const REQUESTS = 300;

export async function summaryFigures(params: {
  baseUrl: string;
  token: string;
  sqlite: Database.Database;
  roundId: number;
  logFile: string;
  machine: string;
}): Promise<Figure[]> {
  const { baseUrl, token, sqlite, machine } = params;
  const headers = { authorization: `Bearer ${token}` };
  const today = todayISO();
  const cases = [
    { name: "汇总 API:最大轮次", path: `/api/v1/rounds/${params.roundId}/summary`, sql: captureSql(sqlite, (db) => roundSummary(db, { roundId: params.roundId, today })) },
    { name: "汇总 API:全部轮次", path: "/api/v1/rounds", sql: captureSql(sqlite, (db) => listRoundsWithCounts(db)) },
  ];
  const figures: Figure[] = [];
  for (const c of cases) {
    replay(sqlite, c.sql, 20); // warm the page cache the same way the warm-up request does
    await load({ url: `${baseUrl}${c.path}`, headers, connections: 1, amount: 20 });
    const offset = logOffset(params.logFile);
    const api = await load({ url: `${baseUrl}${c.path}`, headers, connections: 1, amount: REQUESTS });
    assertAllOk(c.name, api);
    const logged = serverTimes(params.logFile, offset, c.path);
    const apiP50 = logged.length >= REQUESTS / 2 ? median(logged) : api.p50;
    const raw = median(replay(sqlite, c.sql, REQUESTS));
    figures.push(
      figure({
        name: `${c.name} p50${logged.length >= REQUESTS / 2 ? "(服务端计时)" : ""}`,
        value: apiP50,
        unit: "ms",
        reference: raw,
        target: "≤ 3× 直接执行同一 SQL,且 < 50 ms",
        met: apiP50 <= 3 * raw && apiP50 < 50,
        machine,
      }),
    );
  }
  return figures;
}
