import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type Database from "better-sqlite3";
import { load, startLoad } from "../load";
import { failed, openLoop, percentile, send, type Answer, type PlannedRequest } from "../open-loop";
import { progressPost, reconcile, reportIdOf } from "../progress-posts";
import { logOffset, serverTimes } from "../server-log";
import { figure, type Figure } from "../report";
import type { Actors } from "../setup";

// Near a deadline, two ways (issue 15 item 3):
// 1. Open loop: reports with evidence ARRIVE at 100 a second (ten times the realistic peak),
//    on the clock, whatever the server answers, while 50 leaders poll the dashboard once a
//    second each. One in twenty writes is sent again with its idempotency key, as a unit
//    whose answer was lost does, and any failed write is retried the same way. Afterwards
//    the rows are reconciled with what each client was told: nothing lost, nothing twice.
// 2. Closed loop (saturation): 200 units each send the next report as soon as the last is
//    answered. Only its throughput is a figure: once the server is saturated, its client
//    latency is the time spent in the queue of 200 requests, not the server's.

const UNITS = 200;
const POLLERS = 50;
const RATE = 100;
const SECONDS = 30;
/** Every REPLAY_EVERY-th write is sent a second time, REPLAY_AFTER_MS after its answer. */
const REPLAY_EVERY = 20;
const REPLAY_AFTER_MS = 500;
const SATURATION_WRITES = 3000;
const PROGRESS_ROUTE = { route: "/api/v1/measures/:id/progress" };

interface Params {
  baseUrl: string;
  sqlite: Database.Database;
  actors: Actors;
  logFile: string;
  machine: string;
}

export async function writeMixFigures(params: Params): Promise<Figure[]> {
  const units = params.actors.units.slice(0, UNITS);
  if (units.length < UNITS) throw new Error(`only ${units.length} units with open measures and accounts; ${UNITS} needed`);
  const logBefore = logOffset(params.logFile);
  const open = await openLoopFigures(params, units);
  const saturation = await saturationFigures(params, units);
  const log = fs.readFileSync(params.logFile, "utf8").slice(logBefore);
  const busy = (log.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
  return [
    ...open,
    ...saturation,
    figure({ name: "写入:SQLITE_BUSY(开环与闭环,日志与响应)", value: busy, unit: "次", reference: null, target: "0", met: busy === 0, machine: params.machine }),
  ];
}

async function openLoopFigures(params: Params, units: Actors["units"]): Promise<Figure[]> {
  const { baseUrl, machine, logFile } = params;
  // Reference: the trivial route (one `select 1`), open loop at the same rate, same run.
  const healthLog = logOffset(logFile);
  const health = await openLoop({ baseUrl, rate: RATE, count: RATE * 10, plan: () => ({ method: "GET", path: "/api/health" }) });
  const healthServer = serverTimes(logFile, healthLog, "/api/health");

  const marker = `压测报送-开环-${Date.now()}`;
  const planned = new Map<number, PlannedRequest>();
  const acked = new Map<number, Set<number>>();
  const extra: Answer[] = [];
  const note = (n: number, answer: Answer) => {
    const id = failed(answer) ? null : reportIdOf(answer.body);
    if (id !== null) acked.set(n, (acked.get(n) ?? new Set()).add(id));
  };
  const mixLog = logOffset(logFile);
  const polls = openLoop({
    baseUrl,
    rate: POLLERS,
    count: POLLERS * SECONDS,
    plan: (n) => ({ method: "GET", path: "/api/v1/dashboard", headers: { authorization: `Bearer ${params.actors.leaders[n % POLLERS]}` } }),
  });
  const writes = await openLoop({
    baseUrl,
    rate: RATE,
    count: RATE * SECONDS,
    plan: (n) => {
      const post = progressPost(units, marker, n);
      planned.set(n, post);
      return post;
    },
    onAnswer: async (n, answer) => {
      note(n, answer);
      // A unit told "failed" (or told nothing) sends the same report again, same key; so
      // does one in twenty whose answer was lost on the way back.
      const again = failed(answer) ? 1000 : n % REPLAY_EVERY === 0 ? REPLAY_AFTER_MS : null;
      if (again === null) return;
      await sleep(again);
      const repeat = await send(baseUrl, planned.get(n)!, performance.now(), 30_000);
      extra.push(repeat);
      note(n, repeat);
    },
  });
  const dashboard = await polls;
  const handled = serverTimes(logFile, mixLog, PROGRESS_ROUTE);
  const books = reconcile(params.sqlite, marker, acked);
  const errors = [...writes, ...extra, ...dashboard].filter(failed).length;
  const lost = books.ackedNotStored + books.storedNotAcked;
  const statuses = (answers: Answer[]) => answers.reduce<Record<string, number>>((c, a) => ({ ...c, [a.failure ?? a.status]: (c[a.failure ?? a.status] ?? 0) + 1 }), {});
  console.log(
    `开环写入:${writes.length} 条到达(${JSON.stringify(statuses(writes))}),重发 ${extra.length} 次(${JSON.stringify(statuses(extra))}),` +
      `驾驶舱 ${dashboard.length} 次(${JSON.stringify(statuses(dashboard))}),库中 ${books.stored} 条;${JSON.stringify(books)}`,
  );
  const p99 = percentile(writes.map((a) => a.ms), 0.99);
  const healthP99 = percentile(health.map((a) => a.ms), 0.99);
  const name = `开环写入(每秒到达 ${RATE} 条报送,50 领导每秒轮询)`;
  return [
    figure({ name: `${name}:报送 p99(自计划时刻起)`, value: p99, unit: "ms", reference: healthP99, target: `< 200 ms(参考:同速率 /api/health p99)`, met: p99 < 200, machine }),
    ...(handled.length && healthServer.length
      ? [
          figure({
            name: `${name}:报送服务端处理 p99(服务端计时)`,
            value: percentile(handled, 0.99),
            unit: "ms",
            reference: percentile(healthServer, 0.99),
            target: "< 200 ms(参考:同速率 /api/health 的服务端 p99)",
            met: percentile(handled, 0.99) < 200,
            machine,
          }),
        ]
      : []),
    figure({
      name: `${name}:驾驶舱轮询 p99`,
      value: percentile(dashboard.map((a) => a.ms), 0.99),
      unit: "ms",
      reference: healthP99,
      target: "≤ 1000 ms(参考:同速率 /api/health p99)",
      met: percentile(dashboard.map((a) => a.ms), 0.99) <= 1000,
      machine,
    }),
    figure({ name: `${name}:错误(非 2xx、超时、连接错误,含重发与轮询)`, value: errors, unit: "次", reference: null, target: "0", met: errors === 0, machine }),
    figure({ name: `${name}:丢失(已确认未入库 + 入库未确认)`, value: lost, unit: "条", reference: null, target: "0", met: lost === 0, machine }),
    figure({ name: `${name}:重复保存(一次报送存了两条,每 ${REPLAY_EVERY} 条重发一次)`, value: books.duplicates, unit: "条", reference: null, target: "0", met: books.duplicates === 0, machine }),
  ];
}

async function saturationFigures(params: Params, units: Actors["units"]): Promise<Figure[]> {
  const { baseUrl, machine, actors } = params;
  const marker = `压测报送-闭环-${Date.now()}`;
  let sent = 0;
  let polled = 0;
  const reference = await load({ url: `${baseUrl}/api/health`, connections: UNITS + POLLERS, duration: 10 });
  const pollers = startLoad({
    url: `${baseUrl}/api/v1/dashboard`,
    connections: POLLERS,
    connectionRate: 1,
    duration: 600,
    requests: [
      {
        method: "GET",
        path: "/api/v1/dashboard",
        setupRequest: (request) => ({ ...request, headers: { authorization: `Bearer ${actors.leaders[polled++ % actors.leaders.length]}` } }),
      },
    ],
  });
  const writes = await load({
    url: baseUrl,
    connections: UNITS,
    amount: SATURATION_WRITES,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const post = progressPost(units, marker, sent++);
          return { ...request, method: post.method, path: post.path, headers: post.headers, body: post.body };
        },
      },
    ],
  });
  pollers.stop();
  const polls = await pollers.done;
  const stored = params.sqlite.prepare("select count(*) from progress_reports where text like ?").pluck().get(`${marker}#%`) as number;
  console.log(
    `闭环饱和:报送 ${writes.ok} 条成功(${JSON.stringify(writes.statusCodes)},超时 ${writes.timeouts}),库中 ${stored} 条;` +
      `客户端 p99 ${writes.p99} ms 为 ${UNITS} 个请求排队的时间,不作指标;驾驶舱 ${polls.ok} 次`,
  );
  return [
    figure({
      name: `写入饱和(闭环,${UNITS} 单位连发):报送吞吐`,
      value: writes.rps,
      unit: "req/s",
      reference: reference.rps,
      target: `≥ 10 req/s(只计吞吐;参考:同并发 /api/health 吞吐)`,
      met: writes.rps >= 10,
      machine,
    }),
  ];
}
