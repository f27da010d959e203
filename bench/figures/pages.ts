import { assertAllOk, load, type LoadResult } from "../load";
import { figure, type Figure } from "../report";

// The ledger page (first page, filtered by unit) and the dashboard page at 50 concurrent
// connections, each against a minimal page in the same layout (the password page: the
// session, the app shell, the notification count, one small form), served in the same run:
// what the page itself adds to what every signed-in page costs. The minimal page is in turn
// shown against a trivial route (/api/health: one `select 1`), what the framework can do.

const CONNECTIONS = 50;
const SECONDS = 15;
const MINIMAL_PAGE = "/account/password";
/** 1,000 users active at once, each opening a page every 10 s. */
const TARGET_RPS = 100;

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
  const minimal = await run("minimal page", MINIMAL_PAGE, params.officeCookie);
  const ledger = await run("ledger page", params.ledgerPath, params.officeCookie);
  const dashboard = await run("dashboard page", params.dashboardPath, params.leaderCookie);
  // The references themselves, for the record (their figures are the ratios below).
  console.log(`最小页面 ${MINIMAL_PAGE}:${minimal.rps.toFixed(1)} req/s(p99 ${minimal.p99} ms);/api/health:${trivial.rps.toFixed(1)} req/s`);
  const figures: Figure[] = [];
  const targets = [
    ["台账页(按单位筛选,第 1 页)", ledger, true],
    ["驾驶舱页", dashboard, false],
  ] as const;
  for (const [name, result, p99Target] of targets) {
    const rpsMet = result.rps >= TARGET_RPS;
    const p99Met = result.p99 <= 1000;
    const target = p99Target ? `≥ ${TARGET_RPS} req/s 且 p99 ≤ 1000 ms` : `≥ ${TARGET_RPS} req/s`;
    const met = rpsMet && (!p99Target || p99Met);
    figures.push(
      figure({ name: `${name} p50 @50并发`, value: result.p50, unit: "ms", reference: minimal.p50, target, met, machine: params.machine }),
      figure({ name: `${name} p99 @50并发`, value: result.p99, unit: "ms", reference: minimal.p99, target, met, machine: params.machine }),
      figure({ name: `${name} 吞吐 @50并发`, value: result.rps, unit: "req/s", reference: minimal.rps, target, met, machine: params.machine }),
    );
  }
  return { figures, raw: { trivial, minimal, ledger, dashboard } };
}
