import { assertAllOk, load, type LoadResult } from "../load";
import { figure, type Figure } from "../report";

// The ledger page (first page, filtered by unit) and the dashboard page at 50 concurrent
// connections, against a trivial route of the same server (/api/health: one `select 1`),
// which is what the framework itself can do on this machine.

const CONNECTIONS = 50;
const SECONDS = 15;

export interface PageTargets {
  ledgerPath: string;
  dashboardPath: string;
  officeCookie: string;
  leaderCookie: string;
}

export async function pageFigures(params: { baseUrl: string; machine: string } & PageTargets): Promise<{ figures: Figure[]; raw: Record<string, LoadResult> }> {
  const run = async (name: string, path: string, cookie?: string) => {
    const options = { url: `${params.baseUrl}${path}`, headers: cookie ? { cookie } : {}, connections: CONNECTIONS };
    await load({ ...options, amount: CONNECTIONS * 2 }); // warm-up: compile caches, page cache
    const result = await load({ ...options, duration: SECONDS });
    assertAllOk(name, result);
    return result;
  };
  const trivial = await run("trivial route", "/api/health");
  const ledger = await run("ledger page", params.ledgerPath, params.officeCookie);
  const dashboard = await run("dashboard page", params.dashboardPath, params.leaderCookie);
  const figures: Figure[] = [];
  for (const [name, result] of [
    ["台账页(按单位筛选,第 1 页)", ledger],
    ["驾驶舱页", dashboard],
  ] as const) {
    figures.push(
      figure({ name: `${name} p50 @50并发`, value: result.p50, unit: "ms", reference: trivial.p50, target: "p99 ≤ 1000 ms", met: result.p99 <= 1000, machine: params.machine }),
      figure({ name: `${name} p99 @50并发`, value: result.p99, unit: "ms", reference: trivial.p99, target: "p99 ≤ 1000 ms", met: result.p99 <= 1000, machine: params.machine }),
      figure({
        name: `${name} 吞吐 @50并发`,
        value: result.rps,
        unit: "req/s",
        reference: trivial.rps,
        // 500 users active at once, each opening a page every 10 s.
        target: "≥ 50 req/s(500 人同时在线、每人每 10 秒一页)",
        met: result.rps >= 50,
        machine: params.machine,
      }),
    );
  }
  return { figures, raw: { trivial, ledger, dashboard } };
}
