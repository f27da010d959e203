import type { APIResponse, Page, Request } from "@playwright/test";
import { ROLES, ROLE_LABELS, type Role } from "../testing/access-table";
import { PAGE_ACCESS, type PageAccessRow, type PageTargets, type PageVerdict } from "../testing/page-access-table";
import { expect, readDb, test } from "./fixtures";
import { submitForm } from "./support/form-post";
import { HardeningWorld, LEAD_MARK, OTHER_MARK } from "./support/hardening-world";

// Issue 11: every page × every role × the three ways a browser asks for it. A layout is not
// an authorization boundary — a client navigation between sibling pages renders only the
// page segment — so each page must refuse by itself, and this table proves it does, with
// requests captured from real navigations and prefetches in the browser and then replayed
// with each role's session.
// Rows are independent: each worker builds its own world once and takes rows in parallel.
test.describe.configure({ mode: "parallel" });

type Way = "plain" | "navigation" | "prefetch";
interface Captured {
  url: string;
  headers: Record<string, string>;
}

let world: HardeningWorld;
let targets: PageTargets;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  world = await HardeningWorld.create(browser, baseURL!, { roles: ROLES, tokens: false, open: 2, completed: 2, emptyRounds: 0 });
  const { round, measure, notice, unit, surveyToken } = world.shared;
  const ids = readDb((db) => db.prepare("select problem_id problem, (select aspect_id from problems where id = problem_id) aspect from measures where id = ?").get(measure)) as {
    problem: number;
    aspect: number;
  };
  const clue = readDb((db) => db.prepare("select id from clues order by id limit 1").pluck().get()) as number;
  const evaluationTemplate = readDb((db) =>
    db.prepare("select id from evaluation_templates where built_in = 0 and name like '县委巡察%' order by id limit 1").pluck().get(),
  ) as number;
  // A 共性问题 of the run, grouping its problem with one of the demo round, made with the office's form.
  const demoProblem = readDb((db) => db.prepare("select id from problems where round_id = (select min(id) from rounds) order by id limit 1").pluck().get()) as number;
  const created = await submitForm(world.as("officeAdmin"), baseURL!, "/common-problems/new", "title", {
    title: `页面权限共性问题(${round})`,
    problemIds: `${ids.problem},${demoProblem}`,
    leadUnitId: String(unit),
    deadline: "2099-06-30",
    measureText: "页面权限专项治理措施",
    measureLeadUnitId: String(unit),
    measureDeadline: "2099-05-31",
  });
  const commonProblem = Number(/\/common-problems\/(\d+)/.exec(new URL(created.url).pathname)?.[1]);
  expect(commonProblem, `归并共性问题:${created.url}`).toBeGreaterThan(0);
  targets = { round, measure, notice, unit, clue, surveyToken, evaluationTemplate, commonProblem, ...ids };
});
test.afterAll(async () => world?.dispose());

/** The headers that make a request an RSC navigation or prefetch; never the cookie. */
function routerHeaders(request: Request): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers()).filter(([name]) => name === "rsc" || name.startsWith("next-")));
}

function isRscFor(request: Request, pathname: string): boolean {
  const url = new URL(request.url());
  return url.pathname === pathname && request.headers()["rsc"] === "1";
}

async function openAs(role: Role, path: string): Promise<Page> {
  const page = await world.page(role);
  const response = await page.goto(path);
  expect(response?.status(), `${ROLE_LABELS[role]} 打开起始页 ${path}`).toBe(200);
  // The client router is ready once the app has hydrated.
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { router?: unknown } }).next?.router));
  return page;
}

/**
 * A real client navigation from the row's sibling page, as its `navigatesAs` user: the
 * request the router sends after `router.push`, which is what a `<Link>` click calls.
 */
async function captureNavigation(row: PageAccessRow, target: string): Promise<Captured> {
  const page = await openAs(row.navigatesAs, row.from(targets));
  const pathname = new URL(target, world.baseURL).pathname;
  const navigation = page.waitForRequest((r) => isRscFor(r, pathname) && !r.headers()["next-router-prefetch"]);
  await page.evaluate((href) => (window as unknown as { next: { router: { push(h: string): void } } }).next.router.push(href), target);
  const request = await navigation;
  await page.context().close();
  return { url: request.url(), headers: routerHeaders(request) };
}

/**
 * Every prefetch the browser sends for the page from the sibling page: those of links in
 * view as the page loads (route tree and segments), then an explicit auto and full prefetch.
 */
async function capturePrefetches(row: PageAccessRow, target: string): Promise<Captured[]> {
  const page = await world.page(row.navigatesAs);
  const pathname = new URL(target, world.baseURL).pathname;
  const seen: Captured[] = [];
  page.on("request", (r) => {
    if (isRscFor(r, pathname)) seen.push({ url: r.url(), headers: routerHeaders(r) });
  });
  await page.goto(row.from(targets));
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { router?: unknown } }).next?.router));
  await page.evaluate((href) => {
    const router = (window as unknown as { next: { router: { prefetch(h: string, o?: { kind: string }): void } } }).next.router;
    router.prefetch(href);
    router.prefetch(href, { kind: "full" });
  }, target);
  // The router schedules prefetches when the browser is idle: wait for them to be sent.
  await expect.poll(() => seen.length, { message: `浏览器应为 ${target} 发出预取请求`, timeout: 15_000 }).toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
  await page.context().close();
  return seen;
}

function replay(role: Role, captured: Captured): Promise<APIResponse> {
  return world.as(role).get(captured.url, { headers: captured.headers, maxRedirects: 0 });
}

/** What a cell answered: a verdict, "nothing" (a prefetch that rendered no page), or an unexpected status. */
type Outcome = PageVerdict | "nothing" | number;
// The page segment with its rendered data ("d"); Next may write prefetch hints ("h") between.
const PAGE_RENDERED = /"s":"__PAGE__(?:[^"\\]|\\.)*"(?:,"h":\d+)?,"d":\{/;

/**
 * What the server answered. A document says it with its status; an RSC answer is 200 and
 * says it in the payload: the digest of the error or redirect it carries, or the page
 * segment rendered. Anything else (a 500, a payload without the page) matches no verdict.
 */
function outcomeOf(way: Way, status: number, location: string, body: string): Outcome {
  if (status === 307) return location.startsWith("/sign-in") ? "signIn" : "redirect";
  if (way === "plain") return status === 200 ? "page" : status;
  if (status !== 200) return status;
  const fallback = /"digest":"NEXT_HTTP_ERROR_FALLBACK;(\d+)"/.exec(body);
  if (fallback) return Number(fallback[1]) as 403 | 404;
  const redirect = /"digest":"NEXT_REDIRECT;[^;]*;([^;"]*)/.exec(body);
  if (redirect) return (redirect[1] ?? "").startsWith("/sign-in") ? "signIn" : "redirect";
  return PAGE_RENDERED.test(body) ? "page" : "nothing";
}

/**
 * A route-tree or segment prefetch may stop short of the page ("nothing"); a full prefetch
 * (sent without the prefetch header) and a navigation must decide as the page does.
 */
function accepted(verdict: PageVerdict, way: Way, headers: Record<string, string>): Outcome[] {
  return way === "prefetch" && headers["next-router-prefetch"] === "1" ? [verdict, "nothing"] : [verdict];
}

async function check(row: PageAccessRow, role: Role, way: Way, response: APIResponse, sent: Record<string, string> = {}) {
  const verdict = row.access[role];
  const label = `${way} · ${ROLE_LABELS[role]} · ${response.url()}`;
  const body = (await response.body()).toString("utf8");
  const outcome = outcomeOf(way, response.status(), response.headers()["location"] ?? "", body);
  expect.soft(accepted(verdict, way, sent), `${label}: 状态 ${response.status()},结果 ${outcome}`).toContain(outcome);

  const forbidden = [...world.forbiddenFor(role), ...(verdict === "page" ? [] : [LEAD_MARK, OTHER_MARK])];
  const leaked = forbidden.filter((text) => body.includes(text));
  expect.soft(leaked, `${label}: 响应中不得出现无权查看的数据`).toEqual([]);

  // An allowed page or navigation must carry the data, or the cell proves nothing.
  if (verdict === "page" && way !== "prefetch" && row.shows) {
    expect.soft(body, `${label}: 应包含本轮次的数据`).toContain(LEAD_MARK);
    if (row.shows === "both") expect.soft(body, `${label}: 应包含两个单位的数据`).toContain(OTHER_MARK);
  }
}

for (const row of PAGE_ACCESS) {
  test(`页面 ${row.route}`, async () => {
    const target = row.path(targets);
    const navigation = await captureNavigation(row, target);
    // Only requests the browser really sent: Next checks `_rsc` against the headers, so a
    // prefetch built by hand from a navigation's headers is answered with a redirect.
    const prefetches = await capturePrefetches(row, target);

    for (const role of ROLES) {
      await check(row, role, "plain", await world.as(role).get(target, { maxRedirects: 0 }));
      await check(row, role, "navigation", await replay(role, navigation), navigation.headers);
      for (const prefetch of prefetches) await check(row, role, "prefetch", await replay(role, prefetch), prefetch.headers);
    }
  });
}
