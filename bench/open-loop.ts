import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

// An open-loop load: requests arrive on the clock (n / rate seconds after the start), never
// waiting for earlier answers, as units near a deadline do. Each latency runs from the
// request's scheduled time, so a client that falls behind cannot hide the server's delay
// (no coordinated omission). autocannon's closed loop sends the next request only after an
// answer, so its latency measures its own queue once the server saturates.

export interface PlannedRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface Answer {
  /** 0 for a socket error or a timeout. */
  status: number;
  body: string;
  /** From the scheduled time to the end of the answer (or of the failure). */
  ms: number;
  failure?: "timeout" | "socket";
}

// A connection per request, as each unit's own client (and nginx in front of the server,
// README's proxy has no upstream keep-alive) opens one; and no request ever waits for a
// socket, which would be the client's queue. Reused keep-alive sockets also race the
// server's idle timeout: a request sent as the server closes an idle socket is lost
// before the server sees it, a client artefact the first run counted as errors.
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** One request, timed from `scheduledAt` (performance.now()). */
export function send(baseUrl: string, request: PlannedRequest, scheduledAt: number, timeoutMs: number): Promise<Answer> {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve) => {
    const done = (answer: Omit<Answer, "ms">) => resolve({ ...answer, ms: performance.now() - scheduledAt });
    const req = http.request(
      url,
      {
        method: request.method,
        agent,
        headers: { ...request.headers, ...(request.body ? { "content-length": String(request.body.length) } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", () => done({ status: 0, body: "", failure: "socket" }));
      },
    );
    req.on("timeout", () => {
      req.destroy();
      done({ status: 0, body: "", failure: "timeout" });
    });
    req.on("error", () => done({ status: 0, body: "", failure: "socket" }));
    req.end(request.body);
  });
}

/**
 * Sends `count` requests at `rate` per second (fewer if `until()` turns true first: the
 * load then lasts as long as something else does); `plan(n)` builds the n-th. `onAnswer`
 * sees each answer (e.g. to retry it); the result is every first answer, in order of n.
 */
export async function openLoop(params: {
  baseUrl: string;
  rate: number;
  count: number;
  plan: (n: number) => PlannedRequest;
  timeoutMs?: number;
  until?: () => boolean;
  onAnswer?: (n: number, answer: Answer) => Promise<void> | void;
}): Promise<Answer[]> {
  const answers: Promise<Answer>[] = [];
  const followUps: Promise<void>[] = [];
  const start = performance.now();
  for (let n = 0; n < params.count && !params.until?.(); n++) {
    const scheduledAt = start + (n * 1000) / params.rate;
    const wait = scheduledAt - performance.now();
    if (wait > 0) await sleep(wait);
    const answer = send(params.baseUrl, params.plan(n), scheduledAt, params.timeoutMs ?? 30_000);
    answers.push(answer);
    if (params.onAnswer) followUps.push(answer.then((a) => params.onAnswer!(n, a)));
  }
  const all = await Promise.all(answers);
  await Promise.all(followUps);
  return all;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export const failed = (answer: Answer) => answer.failure !== undefined || answer.status < 200 || answer.status >= 300;
