import type { BrowserContext, Page, Request } from "@playwright/test";
import { setTimeout as sleep } from "node:timers/promises";
import { launchBrowser, signedInContext } from "../browser";
import { figure, type Figure } from "../report";
import { serverCpuMs } from "../server-cpu";

// Issue 15: what a person's walk through the app costs the server, prefetches included. Each
// journey runs in Chromium as a person clicks through it (one unmeasured warm-up walk, then
// the median of three), and the server's CPU time is read before it and after the network
// has been quiet for a while, so that prefetches still in flight are counted. The reference is the same journey's
// real requests (documents, navigations, API calls, static files: everything but prefetches),
// sent again without a browser, one after another, with the same session.

const STEP_QUIET_MS = 1_000;
const END_QUIET_MS = 3_000;
const RUNS = 3;

// Measured by this module on the code before links stopped prefetching (the commit below,
// same machine, median of three walks): the target is a third of it.
const BEFORE: { commit: string; cpuMs: Record<JourneyName, number> } | null = {
  commit: "6fc71af4d5659f3c03b5fe9479eb536c0c271ca5",
  cpuMs: { office: 2250, unit: 470, leader: 960 },
};

type JourneyName = "office" | "unit" | "leader";
const LABELS: Record<JourneyName, string> = { office: "整改办", unit: "责任单位", leader: "领导" };

interface Journey {
  name: JourneyName;
  username: string;
  /** The first page is opened by address; every later step is a click, as a person moves on. */
  start: string;
  steps: ((page: Page) => Promise<void>)[];
}

export interface JourneyTargets {
  roundId: number;
  unitUsername: string;
}

/** Clicks the first link matching `selector` and waits for the address it leads to. */
const click = (selector: string, arrived: RegExp) => async (page: Page) => {
  await page.locator(selector).first().click();
  await page.waitForURL((url) => arrived.test(url.pathname + url.search));
};
const nav = (label: string, arrived: RegExp) => async (page: Page) => {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: label, exact: true }).click();
  await page.waitForURL((url) => arrived.test(url.pathname));
};
const tab = (label: string, arrived: RegExp) => async (page: Page) => {
  await page.getByRole("navigation", { name: "四清单一台账" }).getByRole("link", { name: label, exact: true }).click();
  await page.waitForURL((url) => arrived.test(url.pathname));
};

function journeys(t: JourneyTargets): Journey[] {
  return [
    {
      name: "office",
      username: "office",
      start: "/rounds",
      steps: [
        click(`main a[href="/rounds/${t.roundId}"]`, /\/problems/), // the round opens on its 问题清单
        tab("整改台账", /\/ledger$/),
        click('main a[href^="/measures/"]', /^\/measures\/\d+/),
        nav("审核", /^\/review$/),
        nav("驾驶舱", /^\/dashboard$/),
      ],
    },
    {
      name: "unit",
      username: t.unitUsername,
      start: "/my-tasks",
      // The measure's page holds the progress report form.
      steps: [click('main a[href^="/measures/"]', /^\/measures\/\d+/), async (page) => void (await page.getByRole("button", { name: "提交", exact: true }).waitFor())],
    },
    {
      name: "leader",
      username: "leader",
      start: `/dashboard?round=${t.roundId}`,
      // Ends on the 通报 list: one round's full 通报 of the largest round costs seconds of CPU
      // by itself, which would hide what the walk around it costs.
      steps: [click('main a[href*="/ledger"]', /\/ledger/), nav("通报", /^\/reports$/)],
    },
  ];
}

interface Sent {
  kind: "document" | "navigation" | "static" | "other";
  url: string;
  headers: Record<string, string>;
}

/** The requests a page sends to the server, and whether any is still waiting for its answer. */
class Traffic {
  real: Promise<Sent>[] = [];
  prefetches = 0;
  other = 0;
  private inFlight = new Set<Request>();
  private lastChange = performance.now();

  constructor(page: Page, origin: string) {
    page.on("request", (request) => {
      if (!request.url().startsWith(origin)) return;
      this.inFlight.add(request);
      this.lastChange = performance.now();
      if (request.headers()["next-router-prefetch"] !== undefined) this.prefetches++;
      else if (request.method() === "GET") this.real.push(request.allHeaders().then((headers) => ({ kind: kindOf(request), url: request.url(), headers: replayable(headers) })));
      else this.other++;
    });
    const done = (request: Request) => {
      if (this.inFlight.delete(request)) this.lastChange = performance.now();
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
  }

  /** Waits until nothing has been sent or answered for `ms`. */
  async quiet(ms: number): Promise<void> {
    const deadline = performance.now() + 120_000;
    while (this.inFlight.size > 0 || performance.now() - this.lastChange < ms) {
      if (performance.now() > deadline) throw new Error(`${this.inFlight.size} requests still in flight after 120 s`);
      await sleep(100);
    }
  }
}

function kindOf(request: Request): Sent["kind"] {
  if (request.resourceType() === "document") return "document";
  if (request.headers()["rsc"] === "1") return "navigation";
  return new URL(request.url()).pathname.startsWith("/_next/static/") ? "static" : "other";
}

/** The headers to send again: the browser's own, less those the HTTP client sets itself. */
function replayable(headers: Record<string, string>): Record<string, string> {
  const drop = new Set(["host", "connection", "content-length"]);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(":") && !drop.has(name)));
}

interface Walk {
  cpuMs: number;
  real: Sent[];
  prefetches: number;
  other: number;
}

async function walk(context: BrowserContext, baseUrl: string, serverPid: number, journey: Journey): Promise<Walk> {
  const page = await context.newPage();
  const traffic = new Traffic(page, baseUrl);
  const before = serverCpuMs(serverPid);
  await page.goto(`${baseUrl}${journey.start}`);
  await traffic.quiet(STEP_QUIET_MS);
  for (const step of journey.steps) {
    await step(page);
    await traffic.quiet(STEP_QUIET_MS);
  }
  await traffic.quiet(END_QUIET_MS);
  const cpuMs = serverCpuMs(serverPid) - before;
  await page.close();
  return { cpuMs, real: await Promise.all(traffic.real), prefetches: traffic.prefetches, other: traffic.other };
}

/** The walk's real requests again, without a browser: the CPU they cost by themselves. */
async function replay(sent: Sent[], serverPid: number): Promise<number> {
  const before = serverCpuMs(serverPid);
  for (const request of sent) {
    const response = await fetch(request.url, { headers: request.headers, redirect: "manual" });
    await response.arrayBuffer();
  }
  await sleep(END_QUIET_MS); // the same idle time the walk ends with
  return serverCpuMs(serverPid) - before;
}

function median<T>(items: T[], value: (item: T) => number): T {
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor(items.length / 2)]!;
}

function breakdown(sent: Sent[]): string {
  const count = (kind: Sent["kind"]) => sent.filter((s) => s.kind === kind).length;
  return `页面 ${count("document")},导航 ${count("navigation")},静态文件 ${count("static")},其他 ${count("other")}`;
}

export async function journeyFigures(params: { baseUrl: string; serverPid: number; password: string; machine: string } & JourneyTargets): Promise<Figure[]> {
  const browser = await launchBrowser();
  const figures: Figure[] = [];
  try {
    for (const journey of journeys(params)) {
      const run = async () => {
        const context = await signedInContext(browser, params.baseUrl, journey.username, params.password);
        try {
          return await walk(context, params.baseUrl, params.serverPid, journey);
        } finally {
          await context.close();
        }
      };
      await run(); // warm-up: the server's code paths and caches, as for every other figure
      // CPU time varies from walk to walk (collection, compilation): the median of three.
      const walks: Walk[] = [];
      for (let i = 0; i < RUNS; i++) walks.push(await run());
      const measured = median(walks, (w) => w.cpuMs);
      const replays: number[] = [];
      for (let i = 0; i < RUNS; i++) replays.push(await replay(measured.real, params.serverPid));
      const reference = median(replays, (r) => r);
      const label = LABELS[journey.name];
      console.log(
        `旅程 ${label}:服务器 CPU ${Math.round(measured.cpuMs)} ms(只发实际请求 ${Math.round(reference)} ms);` +
          `实际请求 ${measured.real.length}(${breakdown(measured.real)}),预取 ${measured.prefetches},非 GET ${measured.other}`,
      );
      const before = BEFORE?.cpuMs[journey.name];
      figures.push(
        figure({
          name: `服务器 CPU · ${label}脚本旅程(含预取)`,
          value: measured.cpuMs,
          unit: "ms",
          reference,
          target: before === undefined ? "≤ 2× 只发实际请求" : `≤ 1/3 改动前(${Math.round(before)} ms,测于 ${BEFORE!.commit.slice(0, 7)})`,
          met: before === undefined ? measured.cpuMs <= 2 * reference : measured.cpuMs <= before / 3,
          machine: params.machine,
        }),
        figure({
          name: `${label}脚本旅程 预取请求数`,
          value: measured.prefetches,
          unit: "次",
          reference: measured.real.length,
          target: "≤ 实际请求数",
          met: measured.prefetches <= measured.real.length,
          machine: params.machine,
        }),
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}
