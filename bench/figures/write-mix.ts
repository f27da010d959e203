import fs from "node:fs";
import type Database from "better-sqlite3";
import { EVIDENCE_SAMPLES } from "@/cli/generate/evidence-samples";
import { todayISO } from "@/lib/deadline-state";
import { load, median, startLoad } from "../load";
import { serverTimes } from "../server-log";
import { figure, type Figure } from "../report";
import type { Actors } from "../setup";

// Near a deadline: 200 units post progress reports with a small evidence file through the
// API (bearer tokens, as a unit's own system would), each sending its next report as soon
// as the last is answered (200 in flight), while 50 leaders poll the dashboard once a second.
// Afterwards the rows are counted: every acknowledged report must be in the database with
// its file, no request may fail, and no SQLITE_BUSY may reach a user or the log.

const WRITERS = 200;
const POLLERS = 50;
/** A fixed number of writes (not a duration): every request sent is answered and counted. */
const WRITES = 3000;
const BOUNDARY = "----rectify-bench-boundary";

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

export async function writeMixFigures(params: { baseUrl: string; sqlite: Database.Database; actors: Actors; logFile: string; machine: string }): Promise<Figure[]> {
  const { baseUrl, sqlite, actors, machine } = params;
  const marker = `压测报送-${Date.now()}`;
  const today = todayISO();
  const pdf = EVIDENCE_SAMPLES[0]!;
  const units = actors.units.slice(0, WRITERS);
  if (units.length < WRITERS) throw new Error(`only ${units.length} units with open measures and accounts; ${WRITERS} needed`);
  let sent = 0;
  let polled = 0;

  const reference = await load({ url: `${baseUrl}/api/health`, connections: WRITERS + POLLERS, duration: 10 });
  const logBefore = fs.statSync(params.logFile).size;
  const pollers = startLoad({
    url: `${baseUrl}/api/v1/dashboard`,
    connections: POLLERS,
    // The page polls every 10 s; each leader here polls every second, ten times as often.
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
    connections: WRITERS,
    amount: WRITES,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const n = sent++;
          const unit = units[n % units.length]!;
          const measureId = unit.measureIds[Math.floor(n / units.length) % unit.measureIds.length]!;
          // A quarter are claims of 基本完成 / 已完成, the rest progress updates.
          const claimedStatus = n % 8 === 0 ? "completed" : n % 8 === 4 ? "basically_completed" : "incomplete";
          // Each file differs (a trailing PDF comment), so each is really stored.
          const data = Buffer.concat([pdf.data, Buffer.from(`%${marker}-${n}\n`)]);
          const body = multipart(
            { reportDate: today, text: `${marker}:按整改方案推进,本周完成阶段性任务,佐证材料见附件。`, percent: "80", claimedStatus },
            { name: "会议纪要.pdf", type: "application/pdf", data },
          );
          return {
            ...request,
            method: "POST",
            path: `/api/v1/measures/${measureId}/progress`,
            headers: { authorization: `Bearer ${unit.token}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
            body,
          };
        },
      },
    ],
  });
  pollers.stop();
  const polls = await pollers.done;

  const stored = sqlite.prepare("select count(*) from progress_reports where text like ?").pluck().get(`${marker}%`) as number;
  const withFile = sqlite
    .prepare("select count(*) from progress_reports p where p.text like ? and exists (select 1 from evidence_files e where e.progress_report_id = p.id)")
    .pluck()
    .get(`${marker}%`) as number;
  const log = fs.readFileSync(params.logFile, "utf8").slice(logBefore);
  // The server's own handling time per report (its request log): what queueing adds is the rest.
  const handled = serverTimes(params.logFile, logBefore, { route: "/api/v1/measures/:id/progress" }).sort((a, b) => a - b);
  const handledP99 = handled[Math.floor(handled.length * 0.99)] ?? null;
  const busy = (log.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
  const serverErrors = Object.entries({ ...writes.statusCodes }).filter(([code]) => code.startsWith("5")).reduce((n, [, count]) => n + count, 0);
  const errors = writes.non2xx + writes.errors + writes.timeouts + polls.non2xx + polls.errors + polls.timeouts;
  // A write the client saw acknowledged (2xx) that is not in the database, or stored without its file.
  const lost = Math.max(0, writes.ok - stored) + Math.max(0, stored - withFile);
  console.log(`写入混合:报送 ${writes.ok} 条成功(状态码 ${JSON.stringify(writes.statusCodes)}),驾驶舱 ${polls.ok} 次(${JSON.stringify(polls.statusCodes)}),库中 ${stored} 条`);
  return [
    figure({ name: "写入混合:报送吞吐(200 单位)", value: writes.rps, unit: "req/s", reference: reference.rps, target: "≥ 10 req/s(200 单位每 20 秒各报一次)", met: writes.rps >= 10, machine }),
    figure({ name: "写入混合:报送 p99", value: writes.p99, unit: "ms", reference: reference.p99, target: "≤ 2000 ms", met: writes.p99 <= 2000, machine }),
    ...(handledP99 === null
      ? []
      : [figure({ name: "写入混合:报送服务端处理 p99(服务端计时)", value: handledP99, unit: "ms", reference: median(handled), target: "≤ 100 ms(参考值为 p50)", met: handledP99 <= 100, machine })]),
    figure({ name: "写入混合:驾驶舱轮询 p99(50 领导)", value: polls.p99, unit: "ms", reference: reference.p99, target: "≤ 2000 ms", met: polls.p99 <= 2000, machine }),
    figure({ name: "写入混合:错误(非 2xx、超时、连接错误)", value: errors, unit: "次", reference: null, target: "0", met: errors === 0, machine }),
    figure({ name: "写入混合:丢失的写入(已确认未入库)", value: lost, unit: "条", reference: null, target: "0", met: lost === 0, machine }),
    figure({ name: "写入混合:SQLITE_BUSY(日志与响应)", value: busy, unit: "次", reference: null, target: "0", met: busy === 0 && serverErrors === 0, machine }),
  ];
}
