// The page access table (issue 11): every page route of app/ and what each kind of user
// gets, asked the three ways a browser asks — a plain GET, a client navigation from a
// sibling page (an RSC request whose headers come from a real navigation in the browser)
// and a link prefetch. e2e/page-access.spec.ts runs it; testing/access-table.test.ts
// fails when a page.tsx exists that has no row here.
//
// The objects are those of the API table's run (e2e/support/hardening-world.ts): they
// belong to 区教育局 (unitLead) and carry its marker; 新安街道 (unitOther) has its own.
// They all lie in the run's round, which "reviewer" reviews and "reviewerOther" does not:
// that reviewer gets the 403 page for the round's pages and 404 for a measure of it.

import { ROLES, type Role } from "@/testing/access-table";

/**
 * page: the page renders (200). 403 / 404: refused with that page. redirect: the page only
 * sends the user on (307 for a document, a redirect instruction for an RSC request).
 * signIn: the anonymous visitor is sent to the sign-in page.
 */
export type PageVerdict = "page" | "redirect" | "signIn" | 403 | 404;

export interface PageTargets {
  round: number;
  /** The run's round's open 群众满意度测评's public token. */
  surveyToken: string;
  measure: number;
  notice: number;
  unit: number;
  aspect: number;
  problem: number;
  /** One item of the demo round's clue register. */
  clue: number;
  /** The demo's county 评估指标模板, which no evaluation uses (the office may edit it). */
  evaluationTemplate: number;
  /** A 共性问题 made for the run (its 专项治理 round is not the run's round). */
  commonProblem: number;
}

export interface PageAccessRow {
  /** The page's folder under app/, as in the file tree: "(app)/rounds/[id]/ledger". */
  route: string;
  path: (t: PageTargets) => string;
  access: Record<Role, PageVerdict>;
  /**
   * Who performs the real navigation whose request the other roles replay: a user who may
   * see the page, so that the captured request is the one that carries data.
   */
  navigatesAs: Role;
  /** A sibling page the navigation starts from (its router state is what gets replayed). */
  from: (t: PageTargets) => string;
  /** Marker texts an allowed answer must carry: proof that the request reached the data. */
  shows?: "lead" | "both";
}

const OFFICE = ["officeAdmin", "office"] as const;
const OFFICE_AND_LEADER = ["officeAdmin", "office", "leader"] as const;
const REVIEWERS = ["reviewer", "reviewerOther"] as const;
const SIGNED_IN = ["officeAdmin", "office", "unitLead", "unitOther", "leader", ...REVIEWERS, "discipline"] as const;
const UNITS = ["unitLead", "unitOther"] as const;
/** Who reads the run's round (round.read, ledger.read): the office, leaders and its reviewer. */
const READS_ROUND = [...OFFICE_AND_LEADER, "reviewer"] as const;

function access(spec: { page?: readonly Role[]; redirect?: readonly Role[]; notFound?: readonly Role[] }): Record<Role, PageVerdict> {
  return Object.fromEntries(
    ROLES.map((role): [Role, PageVerdict] => {
      if (role === "anonymous") return [role, "signIn"];
      if (spec.page?.includes(role)) return [role, "page"];
      if (spec.redirect?.includes(role)) return [role, "redirect"];
      if (spec.notFound?.includes(role)) return [role, 404];
      return [role, 403];
    }),
  ) as Record<Role, PageVerdict>;
}

const page = (row: PageAccessRow) => row;
/** Pages for everyone, signed in or not: sign-in itself and a 群众满意度测评's public page. */
export const PUBLIC_PAGES: readonly string[] = ["(auth)/sign-in", "survey/[token]"];
const EVERYONE_AND_ANONYMOUS = Object.fromEntries(ROLES.map((role) => [role, "page"])) as Record<Role, PageVerdict>;
const NOBODY = Object.fromEntries(ROLES.map((role) => [role, 404])) as Record<Role, PageVerdict>;
const fromNotifications = () => "/notifications";
const roundPage = (slug: string) => (t: PageTargets) => `/rounds/${t.round}/${slug}`;
/** Round pages start from another tab of the same round: the layout is then not rendered. */
const fromTasks = roundPage("tasks");
const fromProblems = roundPage("problems");

export const PAGE_ACCESS: PageAccessRow[] = [
  page({ route: "(app)", path: () => "/", access: access({ redirect: SIGNED_IN }), navigatesAs: "officeAdmin", from: fromNotifications }),
  // First-run setup exists only while there is no account: on any working server it is 404
  // for everyone (e2e/going-live.spec.ts covers it on an empty one).
  page({ route: "(auth)/setup", path: () => "/setup", access: NOBODY, navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(auth)/sign-in", path: () => "/sign-in", access: { ...access({ redirect: SIGNED_IN }), anonymous: "page" }, navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/account/password", path: () => "/account/password", access: access({ page: SIGNED_IN }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/admin/users", path: () => "/admin/users", access: access({ page: ["officeAdmin"] }), navigatesAs: "officeAdmin", from: () => "/admin/units" }),
  page({ route: "(app)/admin/units", path: () => "/admin/units", access: access({ page: ["officeAdmin"] }), navigatesAs: "officeAdmin", from: () => "/admin/users" }),
  page({ route: "(app)/admin/units/[id]", path: (t) => `/admin/units/${t.unit}`, access: access({ page: ["officeAdmin"] }), navigatesAs: "officeAdmin", from: () => "/admin/units" }),
  page({ route: "(app)/admin/tokens", path: () => "/admin/tokens", access: access({ page: ["officeAdmin"] }), navigatesAs: "officeAdmin", from: () => "/admin/users" }),
  // 申诉: the office's queue; a unit sees its own appeals (the query keeps to its units).
  page({ route: "(app)/appeals", path: () => "/appeals", access: access({ page: [...OFFICE, ...UNITS] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  // 信访件、问题线索: the office's administrator and the discipline staff keep the register;
  // a leader reads its counts; nobody else sees any of it.
  page({ route: "(app)/clues", path: (t) => `/clues?round=${t.round}`, access: access({ page: ["officeAdmin", "leader", "discipline"] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/clues/[id]", path: (t) => `/clues/${t.clue}`, access: access({ page: ["officeAdmin", "discipline"] }), navigatesAs: "officeAdmin", from: () => "/clues" }),
  page({ route: "(app)/clues/import", path: (t) => `/clues/import?round=${t.round}`, access: access({ page: ["officeAdmin", "discipline"] }), navigatesAs: "officeAdmin", from: () => "/clues" }),
  // 评估指标模板: whoever reads evaluations reads the templates; the office alone writes them.
  page({ route: "(app)/evaluation-templates", path: () => "/evaluation-templates", access: access({ page: [...OFFICE_AND_LEADER, ...REVIEWERS] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({
    route: "(app)/evaluation-templates/[id]",
    path: (t) => `/evaluation-templates/${t.evaluationTemplate}`,
    access: access({ page: [...OFFICE_AND_LEADER, ...REVIEWERS] }),
    navigatesAs: "officeAdmin",
    from: () => "/evaluation-templates",
  }),
  page({ route: "(app)/evaluation-templates/new", path: () => "/evaluation-templates/new?copy=standard", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: () => "/evaluation-templates" }),
  // 共性问题: the office groups and reads; leaders read; a reviewer reads the list (only the
  // common problems of the rounds it reviews) and none of the run's, whose 专项治理 round it does not review.
  page({ route: "(app)/common-problems", path: () => "/common-problems", access: access({ page: [...OFFICE_AND_LEADER, ...REVIEWERS] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/common-problems/new", path: () => "/common-problems/new", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: () => "/common-problems" }),
  page({
    route: "(app)/common-problems/[id]",
    path: (t) => `/common-problems/${t.commonProblem}`,
    access: access({ page: OFFICE_AND_LEADER, notFound: REVIEWERS }),
    navigatesAs: "officeAdmin",
    from: () => "/common-problems",
  }),
  page({ route: "(app)/audit", path: () => "/audit", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromNotifications }),
  // A reviewer's dashboard covers the rounds it reviews; another round is not found.
  page({
    route: "(app)/dashboard",
    path: (t) => `/dashboard?round=${t.round}`,
    access: access({ page: READS_ROUND, notFound: ["reviewerOther"] }),
    navigatesAs: "officeAdmin",
    from: fromNotifications,
  }),
  // A reviewer is sent to the ledger of a round it reviews.
  page({ route: "(app)/ledger", path: () => "/ledger", access: access({ redirect: [...OFFICE_AND_LEADER, ...REVIEWERS] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/look-backs", path: () => "/look-backs", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({
    route: "(app)/measures/[id]",
    path: (t) => `/measures/${t.measure}`,
    access: access({ page: [...READS_ROUND, "unitLead"], notFound: ["unitOther", "reviewerOther"] }),
    navigatesAs: "officeAdmin",
    from: (t) => `/rounds/${t.round}/ledger`,
    shows: "lead",
  }),
  // A problem's page, as a measure's: its round's readers and the unit that holds one of its
  // measures; another unit and another round's reviewer get a 404.
  page({
    route: "(app)/problems/[id]",
    path: (t) => `/problems/${t.problem}`,
    access: access({ page: [...READS_ROUND, "unitLead"], notFound: ["unitOther", "reviewerOther"] }),
    navigatesAs: "officeAdmin",
    from: fromProblems,
    shows: "lead",
  }),
  page({ route: "(app)/my-tasks", path: () => "/my-tasks", access: access({ page: UNITS }), navigatesAs: "unitLead", from: fromNotifications }),
  page({ route: "(app)/notices", path: () => "/notices", access: access({ page: [...OFFICE_AND_LEADER, ...UNITS] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/notices/new", path: () => "/notices/new", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: () => "/notices" }),
  page({
    route: "(app)/notices/[id]",
    path: (t) => `/notices/${t.notice}`,
    access: access({ page: [...OFFICE_AND_LEADER, "unitLead"], notFound: ["unitOther"] }),
    navigatesAs: "officeAdmin",
    from: () => "/notices",
    shows: "lead",
  }),
  // 全文检索: every signed-in user searches what they may read. The phrase is in both units'
  // objects of the run's round, so each unit's page must carry no marker of the other's,
  // and the other round's reviewer none of the round's (forbiddenFor).
  page({ route: "(app)/search", path: () => `/search?q=${encodeURIComponent("单位专属")}`, access: access({ page: SIGNED_IN.filter((role) => role !== "discipline") }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/notifications", path: () => "/notifications", access: access({ page: SIGNED_IN }), navigatesAs: "officeAdmin", from: () => "/account/password" }),
  page({ route: "(app)/reporting", path: () => "/reporting", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/reports", path: () => "/reports", access: access({ page: [...OFFICE_AND_LEADER, ...REVIEWERS] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/review", path: () => "/review", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/rounds", path: () => "/rounds", access: access({ page: [...OFFICE_AND_LEADER, ...REVIEWERS] }), navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/rounds/new", path: () => "/rounds/new", access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: () => "/rounds" }),
  page({ route: "(app)/rounds/[id]", path: (t) => `/rounds/${t.round}`, access: access({ redirect: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks }),
  // The round's lists: the pages that leaked (issue 11).
  page({ route: "(app)/rounds/[id]/problems", path: roundPage("problems"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks, shows: "both" }),
  page({ route: "(app)/rounds/[id]/responsibility", path: roundPage("responsibility"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks, shows: "both" }),
  page({ route: "(app)/rounds/[id]/tasks", path: roundPage("tasks"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromProblems, shows: "both" }),
  page({ route: "(app)/rounds/[id]/progress", path: roundPage("progress"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks, shows: "lead" }),
  page({ route: "(app)/rounds/[id]/ledger", path: roundPage("ledger"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks, shows: "both" }),
  // 整改档案: the office alone (archive.manage); leaders, units and reviewers get the 403 page.
  page({ route: "(app)/rounds/[id]/archive", path: roundPage("archive"), access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromTasks }),
  page({ route: "(app)/rounds/[id]/institutions", path: roundPage("institutions"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks }),
  // 整改成效评估: the office manages, leaders and the round's reviewer read; units never.
  page({ route: "(app)/rounds/[id]/evaluation", path: roundPage("evaluation"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks }),
  page({ route: "(app)/rounds/[id]/report", path: roundPage("report"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks, shows: "both" }),
  page({ route: "(app)/rounds/[id]/snapshots", path: roundPage("snapshots"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks }),
  page({ route: "(app)/rounds/[id]/report/edit", path: roundPage("report/edit"), access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: roundPage("report") }),
  page({ route: "(app)/rounds/[id]/edit", path: roundPage("edit"), access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromTasks }),
  page({ route: "(app)/rounds/[id]/import", path: roundPage("import"), access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromTasks }),
  page({ route: "(app)/rounds/[id]/document-import", path: roundPage("document-import"), access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromTasks }),
  // 方案审核: whoever reads review.read in the round; the units have no part in it.
  page({ route: "(app)/rounds/[id]/plan-review", path: roundPage("plan-review"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks }),
  page({ route: "(app)/rounds/[id]/report-review", path: roundPage("report-review"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks }),
  // 群众满意度测评: its results for whoever reads the round; creating, opening, closing for the office.
  page({ route: "(app)/rounds/[id]/survey", path: roundPage("survey"), access: access({ page: READS_ROUND }), navigatesAs: "officeAdmin", from: fromTasks }),
  // The public page: anyone with the link, no sign-in; it shows the survey's questions alone
  // (the run's survey asks about its aspect only, so no unit's marker may appear).
  page({ route: "survey/[token]", path: (t) => `/survey/${t.surveyToken}`, access: EVERYONE_AND_ANONYMOUS, navigatesAs: "officeAdmin", from: fromNotifications }),
  page({ route: "(app)/rounds/[id]/plan", path: roundPage("plan"), access: access({ page: OFFICE }), navigatesAs: "officeAdmin", from: fromTasks, shows: "both" }),
  page({
    route: "(app)/rounds/[id]/plan/aspects/[aspectId]",
    path: (t) => `/rounds/${t.round}/plan/aspects/${t.aspect}`,
    access: access({ page: OFFICE }),
    navigatesAs: "officeAdmin",
    from: roundPage("plan"),
  }),
  page({
    route: "(app)/rounds/[id]/plan/problems/[problemId]",
    path: (t) => `/rounds/${t.round}/plan/problems/${t.problem}`,
    access: access({ page: OFFICE }),
    navigatesAs: "officeAdmin",
    from: roundPage("plan"),
    shows: "lead",
  }),
  page({
    route: "(app)/rounds/[id]/plan/problems/[problemId]/measures/new",
    path: (t) => `/rounds/${t.round}/plan/problems/${t.problem}/measures/new`,
    access: access({ page: OFFICE }),
    navigatesAs: "officeAdmin",
    from: roundPage("plan"),
  }),
  page({
    route: "(app)/rounds/[id]/plan/measures/[measureId]",
    path: (t) => `/rounds/${t.round}/plan/measures/${t.measure}`,
    access: access({ page: OFFICE }),
    navigatesAs: "officeAdmin",
    from: roundPage("plan"),
    shows: "lead",
  }),
  page({
    route: "(app)/units/[id]",
    path: (t) => `/units/${t.unit}`,
    access: access({ page: OFFICE_AND_LEADER }),
    navigatesAs: "officeAdmin",
    from: (t) => `/dashboard?round=${t.round}`,
    shows: "lead",
  }),
];
