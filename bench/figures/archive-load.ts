import { setTimeout as sleep } from "node:timers/promises";
import { failed, openLoop, percentile, type Answer, type PlannedRequest } from "../open-loop";
import { figure, type Figure } from "../report";
import type { Actors } from "../setup";

// Issue 19: packaging a province-size round must not block other users. The office starts
// the largest round's 整改档案 package through the API, as the archive page does, and polls
// its progress once a second, as the page does (PACKAGES times, one after another);
// meanwhile the polls every signed-in user makes (units' notification bell, leaders' live
// dashboard) arrive on the clock (open loop, RATE a second: a light load, so that any wait
// is the package's), until the last package is ready. The reference is the same requests,
// as many, at the same rate, with no package being built.

const RATE = 20;
const PACKAGES = 3;
const MAX_SECONDS = 600;

interface Package {
  id: number;
  state: string;
  progress: { done: number; total: number } | null;
}

export async function archiveLoadFigures(params: { baseUrl: string; actors: Actors; roundId: number; machine: string }): Promise<Figure[]> {
  const { baseUrl, actors, roundId, machine } = params;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const plan = (n: number): PlannedRequest =>
    n % 2 === 0
      ? { method: "GET", path: "/api/v1/notifications/unread-count", headers: bearer(actors.units[(n / 2) % actors.units.length]!.token) }
      : { method: "GET", path: "/api/v1/dashboard", headers: bearer(actors.leaders[((n - 1) / 2) % actors.leaders.length]!) };
  const check = (name: string, answers: Answer[]) => {
    const bad = answers.filter(failed);
    if (bad.length > 0) throw new Error(`${name}: ${bad.length} of ${answers.length} requests failed (first: ${bad[0]!.status} ${bad[0]!.failure ?? bad[0]!.body.slice(0, 200)})`);
  };
  check("warm-up", await openLoop({ baseUrl, rate: RATE, count: RATE * 5, plan }));

  const archives = `${baseUrl}/api/v1/rounds/${roundId}/archives`;
  const seen: NonNullable<Package["progress"]>[] = [];
  /** Starts one package and polls it until it is no longer building. */
  const buildOne = async () => {
    const post = await fetch(archives, { method: "POST", headers: bearer(actors.office) });
    if (!post.ok) throw new Error(`starting the package answered ${post.status}: ${await post.text()}`);
    const { id } = (await post.json()) as { id: number };
    for (;;) {
      await sleep(1000);
      const response = await fetch(archives, { headers: bearer(actors.office) });
      if (!response.ok) throw new Error(`progress answered ${response.status}`);
      const row = ((await response.json()) as { packages: Package[] }).packages.find((p) => p.id === id);
      if (!row) throw new Error(`package ${id} is not listed`);
      if (row.progress) seen.push(row.progress);
      if (row.state === "ready") return;
      if (row.state !== "building") throw new Error(`package ${id} ended ${row.state}; see the server log`);
    }
  };
  let packaging = true;
  const started = performance.now();
  // A few packages one after another, so that the load meets every stage of a build more than once.
  const built = (async () => {
    try {
      for (let i = 0; i < PACKAGES; i++) await buildOne();
    } finally {
      packaging = false;
    }
  })();
  const during = await openLoop({ baseUrl, rate: RATE, count: RATE * MAX_SECONDS, plan, until: () => !packaging });
  await built;
  const buildMs = (performance.now() - started) / PACKAGES;
  check("during packaging", during);
  // The page shows progress: some poll must have seen a build part-way.
  if (!seen.some((p) => p.done > 0 && p.done < p.total)) throw new Error(`no progress seen while building: ${JSON.stringify(seen)}`);
  const idle = await openLoop({ baseUrl, rate: RATE, count: during.length, plan });
  check("idle", idle);
  console.log(`服务内打包最大轮次 ${PACKAGES} 次,每次约 ${Math.round(buildMs)} ms(含轮询间隔);期间 ${during.length} 个请求,进度轮询 ${seen.length} 次`);

  const ms = (answers: Answer[]) => answers.map((a) => a.ms);
  const [p50, p95] = [percentile(ms(during), 0.5), percentile(ms(during), 0.95)];
  const [idle50, idle95] = [percentile(ms(idle), 0.5), percentile(ms(idle), 0.95)];
  const target = "p95 ≤ 3× 空闲时(打包不阻塞其他用户)";
  const met = p95 <= 3 * idle95;
  const name = `归档包生成期间其他用户的请求(通知数与驾驶舱 API,${RATE} 次/秒)`;
  const referenceLabel = "同样的请求,无归档包生成";
  return [
    figure({ name: `${name} p50`, value: p50, unit: "ms", reference: idle50, referenceLabel, target, met, machine }),
    figure({ name: `${name} p95`, value: p95, unit: "ms", reference: idle95, referenceLabel, target, met, machine }),
  ];
}
