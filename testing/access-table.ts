// The access matrix (issue 6, hardening): every JSON API route and every server action,
// with what each kind of user gets. ONE table: e2e/access-matrix.spec.ts runs the API rows
// over HTTP, testing/action-access.test.ts runs the action rows against a seeded
// database, and testing/access-table.test.ts fails when a route file or an exported
// action exists that has no row here. Adding a route means adding a row.
//
// Objects always belong to the lead unit (区教育局): "unitLead" is a user of that unit,
// "unitOther" a user of another unit (新安街道), who must get 404 for them, never the data.
// Likewise every object lies in the run's round: "reviewer" is a superior office's reviewer
// (上级督导) assigned to that round, "reviewerOther" one assigned only to another round, who
// gets 404 for the round's objects over the API. A reviewer reads its rounds and writes only
// review comments and decisions.

export const ROLES = ["officeAdmin", "office", "unitLead", "unitOther", "leader", "reviewer", "reviewerOther", "discipline", "anonymous"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officeAdmin: "整改办管理员",
  office: "整改办(非管理员)",
  unitLead: "牵头单位(本单位的对象)",
  unitOther: "其他单位(他单位的对象)",
  leader: "领导",
  reviewer: "上级督导(审核本轮次)",
  reviewerOther: "上级督导(审核其他轮次)",
  discipline: "纪检监察",
  anonymous: "未登录",
};

/**
 * allowed: succeeds and (for a write) changes the database. 401/403/404: refused with that
 * status (for actions: that error's Chinese message) and the database unchanged.
 * ignored: accepted but without effect on the target (marking another user's notification
 * read must not touch it; only the caller's own audit row is written).
 */
export type Verdict = "allowed" | "ignored" | 401 | 403 | 404;

/** Everyone signed in not named is refused with 403; the anonymous caller always gets 401. */
function access(spec: { allowed: readonly Role[]; notFound?: readonly Role[]; ignored?: readonly Role[] }): Record<Role, Verdict> {
  return Object.fromEntries(
    ROLES.map((role): [Role, Verdict] => {
      if (role === "anonymous") return [role, 401];
      if (spec.allowed.includes(role)) return [role, "allowed"];
      if (spec.notFound?.includes(role)) return [role, 404];
      if (spec.ignored?.includes(role)) return [role, "ignored"];
      return [role, 403];
    }),
  ) as Record<Role, Verdict>;
}

const OFFICE = ["officeAdmin", "office"] as const;
/** Who keeps the clue register: the office's administrator and the discipline staff. */
const CLUE_KEEPERS = ["officeAdmin", "discipline"] as const;
const OFFICE_AND_LEADER = ["officeAdmin", "office", "leader"] as const;
/** The district's own users: the office, its units and leaders (not the superior office). */
const DISTRICT = ["officeAdmin", "office", "unitLead", "unitOther", "leader"] as const;
const EVERYONE = [...DISTRICT, "reviewer", "reviewerOther", "discipline"] as const;
/** Who may see one object of the lead unit; another unit gets 404 (ids cannot be probed). */
const SEES_UNIT_OBJECT = { allowed: ["officeAdmin", "office", "leader", "unitLead"], notFound: ["unitOther"] } as const;
/** Who may read the run's round (round.read, ledger.read); a reviewer of another round gets 404. */
const READS_ROUND = { allowed: [...OFFICE_AND_LEADER, "reviewer"], notFound: ["reviewerOther"] } as const;
/** Who may see one measure of the lead unit in the run's round, and its files (measure.read). */
const SEES_MEASURE = { allowed: [...SEES_UNIT_OBJECT.allowed, "reviewer"], notFound: [...SEES_UNIT_OBJECT.notFound, "reviewerOther"] } as const;

/**
 * Objects a run provides. A write that consumes its target (a claim can be signed off once)
 * names it in `consumes`: each allowed call then gets a fresh one, refused calls share one.
 */
export type TargetKind = "claim" | "notice" | "lookBack" | "eligibleMeasure" | "emptyRound" | "archivedRound";
/** Server actions also use up the escalation ladder's 督办单 drafts (no API route takes one). */
export type ActionTargetKind = TargetKind | "noticeDraft";

// ── JSON API ─────────────────────────────────────────────────────────────

export interface ApiTargets {
  /** The run's round, imported for the matrix; its measures are led by 区教育局 or 新安街道. */
  round: number;
  /** A round without a plan (imports go only into empty rounds). */
  emptyRound: number;
  /** An open measure led by 区教育局. */
  measure: number;
  /** A completed measure of 区教育局 without a pending look-back. */
  eligibleMeasure: number;
  /** A file attached to a report on a 区教育局 measure. */
  evidence: number;
  /** A pending claim of 区教育局. */
  claim: number;
  /** An open supervision notice to 区教育局. */
  notice: number;
  /** A look-back awaiting its result, on a 区教育局 measure. */
  lookBack: number;
  snapshot: number;
  /** The run's round's open 群众满意度测评, asking about its one aspect only (no unit's marker). */
  survey: number;
  /** Its public link's secret part, and its questions. */
  surveyToken: string;
  surveyQuestions: number[];
  /** An archived round with no package being built (each allowed build takes a fresh one). */
  archivedRound: number;
  /** A ready archive package of another archived round of the run. */
  archivePackage: number;
  archivePackageRound: number;
  /** 区教育局's id. */
  unit: number;
  today: string;
  /** Unique per call, for names that must not repeat. */
  unique: string;
}

export interface ApiFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface ApiRequest {
  path: string;
  json?: unknown;
  multipart?: Record<string, string | ApiFile>;
}

export interface ApiAccessRow {
  /** The route file's folder under app/api/v1, as in the file tree. */
  route: string;
  method: "GET" | "POST";
  access: Record<Role, Verdict>;
  /** Status of an allowed call. */
  ok?: 200 | 201;
  consumes?: TargetKind;
  /** Reads and writes of the caller's own notifications touch only their rows. */
  scope?: "ownNotifications";
  /** A POST that only answers (a preview) and writes nothing even when allowed. */
  readOnly?: true;
  request: (t: ApiTargets, files: ApiFiles) => ApiRequest;
}

export interface ApiFiles {
  pdf: ApiFile;
  ledgerCsv: ApiFile;
  /** A feedback document as plain text, for the document preview. */
  feedbackTxt: ApiFile;
  /** An organisation file naming one new unit (no account, so no password to hand out). */
  orgCsv: ApiFile;
  /** A register file naming one clue with a number unique to the call. */
  clueCsv: ApiFile;
}

const api = (row: ApiAccessRow) => row;

/** A zip with no entries: a package with no manifest, which verification answers, not refuses. */
const EMPTY_ZIP: ApiFile = { name: "归档包.zip", mimeType: "application/zip", buffer: Buffer.from(`504b0506${"00".repeat(18)}`, "hex") };

export const API_ACCESS: ApiAccessRow[] = [
  // rounds and the ledger
  // A reviewer lists only its own rounds: the run's round must not reach reviewerOther
  // (e2e/support/hardening-world.ts forbids its name in that reviewer's answers).
  api({ route: "rounds", method: "GET", access: access({ allowed: [...OFFICE_AND_LEADER, "reviewer", "reviewerOther"] }), request: () => ({ path: "/api/v1/rounds" }) }),
  api({
    route: "rounds/[id]/summary",
    method: "GET",
    access: access(READS_ROUND),
    request: (t) => ({ path: `/api/v1/rounds/${t.round}/summary` }),
  }),
  api({
    route: "rounds/[id]/export",
    method: "GET",
    access: access(READS_ROUND),
    request: (t) => ({ path: `/api/v1/rounds/${t.round}/export?unit=${t.unit}` }),
  }),
  api({
    route: "rounds/[id]/report.docx",
    method: "GET",
    access: access(READS_ROUND),
    request: (t) => ({ path: `/api/v1/rounds/${t.round}/report.docx` }),
  }),
  api({
    route: "rounds/[id]/report",
    method: "GET",
    access: access(READS_ROUND),
    request: (t) => ({ path: `/api/v1/rounds/${t.round}/report?format=html` }),
  }),
  // The run's round has its 通报 submitted once (version 1) when the world is built.
  api({
    route: "rounds/[id]/report-versions/[version]",
    method: "GET",
    access: access(READS_ROUND),
    request: (t) => ({ path: `/api/v1/rounds/${t.round}/report-versions/1?format=html` }),
  }),
  api({
    route: "rounds/[id]/snapshots",
    method: "GET",
    access: access(READS_ROUND),
    request: (t) => ({ path: `/api/v1/rounds/${t.round}/snapshots` }),
  }),
  api({
    route: "rounds/[id]/snapshots",
    method: "POST",
    access: access({ allowed: OFFICE }),
    request: (t) => ({ path: `/api/v1/rounds/${t.round}/snapshots`, json: { label: `矩阵快照${t.unique}` } }),
  }),
  api({
    route: "snapshots/[id]",
    method: "GET",
    access: access(READS_ROUND),
    request: (t) => ({ path: `/api/v1/snapshots/${t.snapshot}` }),
  }),
  api({
    route: "rounds/[id]/import",
    method: "POST",
    access: access({ allowed: OFFICE }),
    consumes: "emptyRound",
    request: (t, files) => ({ path: `/api/v1/rounds/${t.emptyRound}/import`, multipart: { file: files.ledgerCsv } }),
  }),
  api({
    route: "rounds/[id]/document-preview",
    method: "POST",
    access: access({ allowed: OFFICE }),
    readOnly: true,
    request: (t, files) => ({ path: `/api/v1/rounds/${t.emptyRound}/document-preview`, multipart: { file: files.feedbackTxt } }),
  }),
  // 全文检索: everyone signed in searches what they may read. The phrase is in both units'
  // objects of the run's round; e2e/support/hardening-world.ts's forbidden texts check that a
  // unit gets none of the other unit's and a reviewer of another round none of the round's.
  // The discipline staff keep the clue register, which search does not cover: refused.
  api({ route: "search", method: "GET", access: access({ allowed: [...DISTRICT, "reviewer", "reviewerOther"] }), request: () => ({ path: `/api/v1/search?q=${encodeURIComponent("单位专属")}` }) }),
  api({ route: "org-template", method: "GET", access: access({ allowed: ["officeAdmin"] }), request: () => ({ path: "/api/v1/org-template" }) }),
  api({
    route: "org-import",
    method: "POST",
    access: access({ allowed: ["officeAdmin"] }),
    request: (_t, files) => ({ path: "/api/v1/org-import", multipart: { file: files.orgCsv } }),
  }),
  api({ route: "ledger-template", method: "GET", access: access({ allowed: OFFICE }), request: () => ({ path: "/api/v1/ledger-template" }) }),
  // 信访件、问题线索: only the register's keepers (the office's administrator and the
  // discipline staff) reach its template and import; every other office user, unit,
  // leader and reviewer is refused before the round is looked up.
  api({ route: "clue-template", method: "GET", access: access({ allowed: CLUE_KEEPERS }), request: () => ({ path: "/api/v1/clue-template" }) }),
  api({
    route: "rounds/[id]/clue-import",
    method: "POST",
    access: access({ allowed: CLUE_KEEPERS }),
    request: (t, files) => ({ path: `/api/v1/rounds/${t.round}/clue-import`, multipart: { file: files.clueCsv } }),
  }),
  api({
    route: "dashboard",
    method: "GET",
    // A reviewer's dashboard covers its own rounds; another round is not found.
    access: access({ allowed: [...OFFICE_AND_LEADER, "reviewer"], notFound: ["reviewerOther"] }),
    request: (t) => ({ path: `/api/v1/dashboard?round=${t.round}` }),
  }),

  // 整改档案: the office alone builds, downloads and checks a round's archive package.
  api({
    route: "rounds/[id]/archives",
    method: "GET",
    access: access({ allowed: OFFICE }),
    request: (t) => ({ path: `/api/v1/rounds/${t.archivePackageRound}/archives` }),
  }),
  api({
    route: "rounds/[id]/archives",
    method: "POST",
    access: access({ allowed: OFFICE }),
    consumes: "archivedRound",
    request: (t) => ({ path: `/api/v1/rounds/${t.archivedRound}/archives` }),
  }),
  // A download writes its audit row (who took a copy) but changes no record of the round.
  api({
    route: "rounds/[id]/archives/[packageId]",
    method: "GET",
    access: access({ allowed: OFFICE }),
    request: (t) => ({ path: `/api/v1/rounds/${t.archivePackageRound}/archives/${t.archivePackage}` }),
  }),
  api({
    route: "archive-verify",
    method: "POST",
    access: access({ allowed: OFFICE }),
    readOnly: true,
    request: () => ({ path: "/api/v1/archive-verify", multipart: { file: EMPTY_ZIP } }),
  }),

  // measures, progress and evidence
  api({ route: "measures/[id]", method: "GET", access: access(SEES_MEASURE), request: (t) => ({ path: `/api/v1/measures/${t.measure}` }) }),
  api({
    route: "measures/[id]/look-backs",
    method: "GET",
    access: access(SEES_MEASURE),
    request: (t) => ({ path: `/api/v1/measures/${t.measure}/look-backs` }),
  }),
  api({
    route: "measures/[id]/look-backs",
    method: "POST",
    access: access({ allowed: OFFICE }),
    ok: 201,
    consumes: "eligibleMeasure",
    request: (t) => ({ path: `/api/v1/measures/${t.eligibleMeasure}/look-backs`, json: { scheduledDate: t.today } }),
  }),
  api({
    route: "measures/[id]/progress",
    method: "POST",
    access: access({ allowed: ["unitLead"], notFound: ["unitOther"] }),
    request: (t) => ({
      path: `/api/v1/measures/${t.measure}/progress`,
      multipart: { reportDate: t.today, text: `甲单位专属矩阵进展${t.unique}`, claimedStatus: "incomplete" },
    }),
  }),
  api({ route: "evidence/[id]", method: "GET", access: access(SEES_MEASURE), request: (t) => ({ path: `/api/v1/evidence/${t.evidence}` }) }),
  api({ route: "my/measures", method: "GET", access: access({ allowed: ["unitLead", "unitOther"] }), request: () => ({ path: "/api/v1/my/measures" }) }),

  // review
  api({ route: "review-queue", method: "GET", access: access({ allowed: OFFICE }), request: (t) => ({ path: `/api/v1/review-queue?round=${t.round}` }) }),
  api({
    route: "claims/[id]/sign-off",
    method: "POST",
    access: access({ allowed: OFFICE }),
    consumes: "claim",
    request: (t) => ({ path: `/api/v1/claims/${t.claim}/sign-off` }),
  }),
  api({
    route: "claims/[id]/return",
    method: "POST",
    access: access({ allowed: OFFICE }),
    consumes: "claim",
    request: (t) => ({ path: `/api/v1/claims/${t.claim}/return`, json: { reason: "佐证材料不足,请补充" } }),
  }),
  api({
    route: "claims/sign-off",
    method: "POST",
    access: access({ allowed: OFFICE }),
    consumes: "claim",
    request: (t) => ({ path: "/api/v1/claims/sign-off", json: { reportIds: [t.claim] } }),
  }),

  // look-backs
  api({ route: "look-backs", method: "GET", access: access({ allowed: OFFICE }), request: (t) => ({ path: `/api/v1/look-backs?view=upcoming&round=${t.round}` }) }),
  api({
    route: "look-backs/[id]/result",
    method: "POST",
    access: access({ allowed: OFFICE }),
    consumes: "lookBack",
    request: (t) => ({ path: `/api/v1/look-backs/${t.lookBack}/result`, json: { result: "holds", note: "成效巩固" } }),
  }),

  // supervision notices
  api({ route: "notices", method: "GET", access: access({ allowed: DISTRICT }), request: (t) => ({ path: `/api/v1/notices?round=${t.round}` }) }),
  api({
    route: "notices",
    method: "POST",
    access: access({ allowed: OFFICE }),
    ok: 201,
    request: (t) => ({
      path: "/api/v1/notices",
      json: { roundId: t.round, unitId: t.unit, measureIds: [t.measure], level: "reminder", request: `甲单位专属督办${t.unique}`, replyDeadline: t.today },
    }),
  }),
  api({ route: "notices/[id]", method: "GET", access: access(SEES_UNIT_OBJECT), request: (t) => ({ path: `/api/v1/notices/${t.notice}` }) }),
  api({
    route: "notices/[id]/reply",
    method: "POST",
    access: access({ allowed: ["unitLead"], notFound: ["unitOther"] }),
    consumes: "notice",
    request: (t) => ({ path: `/api/v1/notices/${t.notice}/reply`, json: { reply: "已按要求报送整改进展" } }),
  }),
  api({
    route: "notices/[id]/close",
    method: "POST",
    access: access({ allowed: OFFICE }),
    consumes: "notice",
    request: (t) => ({ path: `/api/v1/notices/${t.notice}/close` }),
  }),

  // notifications: always the caller's own
  api({ route: "notifications", method: "GET", access: access({ allowed: EVERYONE }), request: () => ({ path: "/api/v1/notifications?limit=200" }) }),
  api({
    route: "notifications/unread-count",
    method: "GET",
    access: access({ allowed: EVERYONE }),
    request: () => ({ path: "/api/v1/notifications/unread-count" }),
  }),
  api({
    route: "notifications/read",
    method: "POST",
    access: access({ allowed: EVERYONE }),
    scope: "ownNotifications",
    request: () => ({ path: "/api/v1/notifications/read", json: { all: true } }),
  }),

  // periodic reporting
  api({ route: "reporting", method: "GET", access: access({ allowed: OFFICE }), request: () => ({ path: "/api/v1/reporting" }) }),
  api({
    route: "reporting/remind",
    method: "POST",
    access: access({ allowed: OFFICE }),
    request: (t) => ({ path: "/api/v1/reporting/remind", json: { roundId: t.round, unitIds: [t.unit] } }),
  }),

  // units
  api({ route: "units", method: "GET", access: access({ allowed: DISTRICT }), request: () => ({ path: "/api/v1/units" }) }),
  api({
    route: "units",
    method: "POST",
    access: access({ allowed: ["officeAdmin"] }),
    request: (t) => ({ path: "/api/v1/units", json: { name: `矩阵新建单位${t.unique}`, kind: "other", parentId: null } }),
  }),
];

// ── public routes (outside app/api) ─────────────────────────────────────
// The one write nobody signs in for: the public's answer to a 群众满意度测评, by its link.
// Every caller is allowed — signed in or not, a session changes nothing — and gets nothing
// but the survey's own answer; e2e/access-matrix.spec.ts runs these rows too, each caller
// first opening the survey page (which sets its device cookie), then answering once.

export interface PublicAccessRow {
  /** The route file's folder under app/, as in the file tree. */
  route: string;
  method: "POST";
  access: Record<Role, Verdict>;
  ok: 201;
  /** The page a caller opens first (it hands out the device cookie). */
  opens: (t: ApiTargets) => string;
  request: (t: ApiTargets) => ApiRequest;
}

export const PUBLIC_ACCESS: PublicAccessRow[] = [
  {
    route: "survey/[token]/responses",
    method: "POST",
    access: Object.fromEntries(ROLES.map((role) => [role, "allowed"])) as Record<Role, Verdict>,
    ok: 201,
    opens: (t) => `/survey/${t.surveyToken}`,
    request: (t) => ({
      path: `/survey/${t.surveyToken}/responses`,
      json: { answers: t.surveyQuestions.map((questionId) => ({ questionId, choice: "basically_satisfied" })), comment: `矩阵意见${t.unique}` },
    }),
  },
];

// ── server actions ───────────────────────────────────────────────────────

export interface ActionTargets {
  round: number;
  /** A round without a plan (imports go only into empty rounds). */
  emptyRound: number;
  /** An archived round (to restore). */
  archivedRound: number;
  /** The round's first aspect (it has problems, and a later aspect to move below). */
  aspect: number;
  /** Another aspect of the round, to move problems to. */
  otherAspect: number;
  /** An aspect without problems, which may be deleted. */
  emptyAspect: number;
  problem: number;
  /** A problem with one measure and no progress, which may be deleted (confirming 1 measure). */
  bareProblem: number;
  /** An open measure led by 区教育局 (with progress, so not deletable). */
  measure: number;
  measureVersion: number;
  /** A measure without progress reports (so deletable), the last of `problem`'s measures. */
  bareMeasure: number;
  eligibleMeasure: number;
  claim: number;
  /** A claim of 区教育局 the office returned, its measure's latest, not yet appealed. */
  returnedClaim: number;
  /** An overdue measure led by 区教育局 (and shared with neither 新安街道 nor any unit of it). */
  overdueMeasure: number;
  /** An open appeal of 区教育局 against an overdue mark. */
  appeal: number;
  /** A 问题线索 of the round at 初步核实, which may be 立案. */
  clue: number;
  lookBack: number;
  /** A 建章立制 entry of the round (the seed's), which the office may edit. */
  institution: number;
  notice: number;
  /** A 督办单 the escalation ladder drafted for 区教育局, waiting for the office. */
  noticeDraft: number;
  /** An unread notification of the unit lead's user. */
  notification: number;
  /** The demo round's 成效评估 (held, two units graded), one of its indicators and its best grade. */
  evaluation: number;
  evaluationIndicator: number;
  evaluationGrade: number;
  /** The demo's county template (no evaluation uses it: editable), and the standard one the demo's evaluation uses. */
  evaluationTemplate: number;
  usedEvaluationTemplate: number;
  /** A round with a plan and no version under review, which the office may submit. */
  unsubmittedRound: number;
  /** The pending plan version of `round`, awaiting the reviewer's decision. */
  submission: number;
  /** An unresolved thread of review comments on `round`'s plan. */
  commentThread: number;
  /** Every reviewer account: assigning them all changes who reviews `round`. */
  reviewers: string[];
  /** A round with a plan and no 满意度测评 yet, and one of its problems to ask about. */
  surveyRound: number;
  surveyProblem: number;
  /** The demo round's open survey, and a survey not yet opened (of another round). */
  openSurvey: number;
  draftSurvey: number;
  /** The demo survey's 纸质问卷 batch (新安街道's), and a batch of the draft survey's round. */
  paperBatch: number;
  otherPaperBatch: number;
  /** 反弹回潮: a problem of the demo round not yet marked, an earlier round's problem to link it
   * to, and a problem already marked (to unmark). */
  recurrenceProblem: number;
  earlierProblem: number;
  markedProblem: number;
  /** 区教育局's id. */
  unit: number;
  /** A user none of the roles is (to disable, reset). */
  spareUser: string;
  disabledUser: string;
  token: number;
  /** The acting user's password (each role's own account). */
  password: string;
  today: string;
  unique: string;
}

export interface ActionAccessRow {
  /** The actions file, relative to the repository. */
  module: string;
  /** The export's name. */
  name: string;
  access: Record<Role, Verdict>;
  consumes?: ActionTargetKind;
  form: (t: ActionTargets) => Record<string, string | string[]>;
}

const ROUNDS = "app/(app)/rounds/actions.ts";
const DOCUMENT_IMPORT = "app/(app)/rounds/[id]/document-import/actions.ts";
const PLAN = "app/(app)/rounds/[id]/plan/actions.ts";
const REPORT = "app/(app)/rounds/[id]/report/actions.ts";
const REPORT_REVIEW = "app/(app)/rounds/[id]/report-review/actions.ts";
const ADMIN = "app/(app)/admin/actions.ts";
const REVIEW = "app/(app)/review/actions.ts";
const NOTICES = "app/(app)/notices/actions.ts";
const LOOK_BACKS = "app/(app)/look-backs/actions.ts";
const APPEALS = "app/(app)/appeals/actions.ts";
const NOTIFICATIONS = "app/(app)/notifications/actions.ts";
const REPORTING = "app/(app)/reporting/actions.ts";
const ACCOUNT = "app/(app)/account/actions.ts";
const PLAN_REVIEW = "app/(app)/rounds/[id]/plan-review/actions.ts";
const CLUES = "app/(app)/clues/actions.ts";
const SURVEY = "app/(app)/rounds/[id]/survey/actions.ts";
const EVALUATION = "app/(app)/rounds/[id]/evaluation/actions.ts";
const PROBLEMS = "app/(app)/problems/actions.ts";
const INSTITUTIONS = "app/(app)/rounds/[id]/institutions/actions.ts";

/** A batch of 10 paper forms for the demo survey's first two questions (the rest 未作答). */
const paperBatchForm = (surveyId: number, label: string) => ({
  surveyId: String(surveyId),
  label,
  collectedOn: "2026-11-01",
  forms: "10",
  "counts.1.satisfied": "6",
  "counts.1.basically_satisfied": "2",
  "counts.1.dissatisfied": "1",
  "counts.1.unknown": "1",
  "counts.2.satisfied": "5",
});
const EVALUATION_TEMPLATES = "app/(app)/evaluation-templates/actions.ts";
const COMMON_PROBLEMS = "app/(app)/common-problems/actions.ts";

const action = (module: string, name: string, who: Record<Role, Verdict>, form: ActionAccessRow["form"], consumes?: ActionTargetKind): ActionAccessRow => ({
  module,
  name,
  access: who,
  form,
  consumes,
});

const planManager = access({ allowed: OFFICE });
const adminOnly = access({ allowed: ["officeAdmin"] });
/** review.comment: the office and the round's own reviewer. */
const reviewDiscussion = access({ allowed: [...OFFICE, "reviewer"] });
const roundFields = (t: ActionTargets) => ({
  name: `矩阵轮次${t.unique}`,
  kind: "patrol",
  inspectingBody: "区委第一巡察组",
  inspectedBody: "区教育局",
  feedbackDate: "2026-03-01",
});
/** A valid 评估指标模板 as the editor sends it: one JSON field, weights totalling 100. */
export const templateContent = (name: string) =>
  JSON.stringify({
    name,
    monthsAfterFeedback: "6",
    areas: [
      { name: "责任落实", indicators: [{ name: "主体责任落实", description: "查阅会议记录", weight: "50" }] },
      { name: "问题整改", indicators: [{ name: "按期销号", description: "", weight: "30" }, { name: "制度建设", description: "", weight: "20" }] },
    ],
    grades: [{ name: "好", factor: "1" }, { name: "差", factor: "0.5" }],
  });
const measureFields = (t: ActionTargets) => ({ text: `矩阵整改措施${t.unique}`, deadlineText: "2027年6月底", leadUnitId: String(t.unit) });

export const ACTION_ACCESS: ActionAccessRow[] = [
  action(ROUNDS, "createRoundAction", planManager, roundFields),
  action(ROUNDS, "updateRoundAction", planManager, (t) => ({ ...roundFields(t), roundId: String(t.round) })),
  action(ROUNDS, "archiveRoundAction", planManager, (t) => ({ roundId: String(t.round) })),
  action(ROUNDS, "unarchiveRoundAction", planManager, (t) => ({ roundId: String(t.archivedRound) })),

  action(PLAN, "createAspectAction", planManager, (t) => ({ roundId: String(t.round), name: `六、矩阵方面${t.unique}` })),
  action(PLAN, "renameAspectAction", planManager, (t) => ({ roundId: String(t.round), aspectId: String(t.aspect), name: `改名方面${t.unique}` })),
  action(PLAN, "moveAspectAction", planManager, (t) => ({ roundId: String(t.round), aspectId: String(t.aspect), direction: "down" })),
  action(PLAN, "deleteAspectAction", planManager, (t) => ({ roundId: String(t.round), aspectId: String(t.emptyAspect) })),
  action(PLAN, "moveAspectProblemsAction", planManager, (t) => ({
    roundId: String(t.round),
    aspectId: String(t.aspect),
    targetAspectId: String(t.otherAspect),
  })),
  action(PLAN, "createProblemAction", planManager, (t) => ({ roundId: String(t.round), number: "901", title: `矩阵问题${t.unique}`, leadUnitId: String(t.unit) })),
  action(PLAN, "updateProblemAction", planManager, (t) => ({
    roundId: String(t.round),
    problemId: String(t.problem),
    number: "902",
    title: `改写的问题${t.unique}`,
  })),
  action(PLAN, "deleteProblemAction", planManager, (t) => ({
    roundId: String(t.round),
    problemId: String(t.bareProblem),
    confirmCascade: "1",
    measureCount: "1",
  })),
  action(PLAN, "createMeasureAction", planManager, (t) => ({ roundId: String(t.round), problemId: String(t.problem), ...measureFields(t) })),
  action(PLAN, "updateMeasureAction", planManager, (t) => ({
    roundId: String(t.round),
    measureId: String(t.measure),
    version: String(t.measureVersion),
    ...measureFields(t),
  })),
  action(PLAN, "deleteMeasureAction", planManager, (t) => ({ roundId: String(t.round), measureId: String(t.bareMeasure) })),
  // The bare measure is its problem's last: moving it up always moves it.
  action(PLAN, "moveMeasureAction", planManager, (t) => ({ roundId: String(t.round), measureId: String(t.bareMeasure), direction: "up" })),

  action(DOCUMENT_IMPORT, "confirmDocumentImportAction", planManager, (t) => ({
    roundId: String(t.emptyRound),
    source: "反馈意见.docx",
    plan: JSON.stringify({
      aspects: [
        {
          name: "一、落实主体责任方面",
          problems: [{ title: `文档中的问题${t.unique}`, description: "", status: null, deadlineText: "2027年6月底", progressText: "", measures: ["建立整改台账"] }],
        },
      ],
    }),
  })),

  action(REPORT, "saveReportDraftAction", access({ allowed: OFFICE }), (t) => ({ roundId: String(t.round), "texts.opening": `开头补充${t.unique}` })),
  action(REPORT, "createSnapshotAction", access({ allowed: OFFICE }), (t) => ({ roundId: String(t.round), asOf: "", label: `矩阵快照${t.unique}` })),

  action(REVIEW, "signOffAction", access({ allowed: OFFICE }), (t) => ({ reportId: String(t.claim) }), "claim"),
  action(REVIEW, "bulkSignOffAction", access({ allowed: OFFICE }), (t) => ({ reportIds: [String(t.claim)] }), "claim"),
  action(REVIEW, "returnClaimAction", access({ allowed: OFFICE }), (t) => ({ reportId: String(t.claim), reason: "佐证材料不足" }), "claim"),

  // 整改成效评估: the office schedules (on a round with no results yet), grades and gives a
  // red card, which reopens the completed measure it names; leaders and units may not.
  action(EVALUATION, "scheduleEvaluationAction", access({ allowed: OFFICE }), (t) => ({ roundId: String(t.emptyRound), templateId: "standard", scheduledDate: "2027-04-01" })),
  action(EVALUATION, "scoreUnitAction", access({ allowed: OFFICE }), (t) => ({
    evaluationId: String(t.evaluation),
    unitId: String(t.unit),
    [`grade.${t.evaluationIndicator}`]: String(t.evaluationGrade),
  })),
  action(
    EVALUATION,
    "issueRedCardAction",
    access({ allowed: OFFICE }),
    (t) => ({ evaluationId: String(t.evaluation), measureId: String(t.eligibleMeasure), kind: "perfunctory", reason: `台账与现场不符${t.unique}`, confirmReopen: "on" }),
    "eligibleMeasure",
  ),

  // 反弹回潮: the office alone links a problem to the earlier one it repeats, or unlinks it.
  action(PROBLEMS, "markRecurrenceAction", access({ allowed: OFFICE }), (t) => ({ problemId: String(t.recurrenceProblem), earlierProblemId: String(t.earlierProblem) })),
  action(PROBLEMS, "unmarkRecurrenceAction", access({ allowed: OFFICE }), (t) => ({ problemId: String(t.markedProblem) })),
  // 建章立制: the office (plan.manage) sets a rule's 复查日期 and the problems it answers;
  // units and leaders read them, the discipline staff and reviewers may not write.
  action(INSTITUTIONS, "updateInstitutionAction", planManager, (t) => ({
    institutionId: String(t.institution),
    reviewDate: "2027-06-30",
    problemIds: [String(t.problem), String(t.recurrenceProblem)],
  })),
  // 评估指标模板: the office writes them; leaders and reviewers only read, units see nothing.
  action(EVALUATION_TEMPLATES, "createEvaluationTemplateAction", access({ allowed: OFFICE }), (t) => ({ content: templateContent(`矩阵模板${t.unique}`) })),
  action(EVALUATION_TEMPLATES, "updateEvaluationTemplateAction", access({ allowed: OFFICE }), (t) => ({
    templateId: String(t.evaluationTemplate),
    content: templateContent(`矩阵改名模板${t.unique}`),
  })),
  action(EVALUATION_TEMPLATES, "deleteEvaluationTemplateAction", access({ allowed: OFFICE }), (t) => ({ templateId: String(t.evaluationTemplate) })),

  // 申诉: the lead unit appeals its own returns and overdue marks; another unit's are not there
  // for it. Only the office decides.
  action(APPEALS, "appealReturnAction", access({ allowed: ["unitLead"], notFound: ["unitOther"] }), (t) => ({
    reportId: String(t.returnedClaim),
    reason: `验收意见已随附件报送${t.unique}`,
  })),
  action(APPEALS, "appealOverdueAction", access({ allowed: ["unitLead"], notFound: ["unitOther"] }), (t) => ({
    measureId: String(t.overdueMeasure),
    reason: `施工审批延误${t.unique}`,
  })),
  action(APPEALS, "decideAppealAction", access({ allowed: OFFICE }), (t) => ({
    appealId: String(t.appeal),
    decision: "granted",
    decisionReason: `审批延误属实${t.unique}`,
    newDeadline: "2027-03-31",
  })),

  // 信访件、问题线索: the register's keepers alone write.
  action(CLUES, "registerClueAction", access({ allowed: CLUE_KEEPERS }), (t) => ({
    roundId: String(t.round),
    kind: "clue",
    number: `矩阵线索${t.unique}`,
    title: "反映某单位违规发放津补贴问题",
    handler: "unit",
    handlerUnitId: String(t.unit),
    receivedDate: t.today,
    timeLimit: "6",
    dueDate: "",
  })),
  action(CLUES, "advanceClueAction", access({ allowed: CLUE_KEEPERS }), (t) => ({
    clueId: String(t.clue),
    toStage: "filed",
    changeDate: t.today,
    note: "经初核予以立案",
    peopleHandled: "1",
    disciplined: "0",
    organizational: "0",
    prosecuted: "0",
  })),

  // 共性问题: the office groups problems of two rounds (the run's and the survey's) and hands
  // them to 区教育局 for 专项治理; leaders, units and reviewers may not.
  action(COMMON_PROBLEMS, "createCommonProblemAction", access({ allowed: OFFICE }), (t) => ({
    title: `矩阵共性问题${t.unique}`,
    problemIds: [String(t.problem), String(t.surveyProblem)],
    leadUnitId: String(t.unit),
    deadline: "2027-06-30",
    measureText: `矩阵专项治理措施${t.unique}`,
    measureLeadUnitId: String(t.unit),
    measureDeadline: "2027-05-31",
  })),

  action(NOTICES, "issueNoticeAction", access({ allowed: OFFICE }), (t) => ({
    roundId: String(t.round),
    unitId: String(t.unit),
    measureIds: [String(t.measure)],
    level: "reminder",
    request: `请报送进展${t.unique}`,
    replyDeadline: t.today,
  })),
  action(NOTICES, "replyNoticeAction", access({ allowed: ["unitLead"], notFound: ["unitOther"] }), (t) => ({
    noticeId: String(t.notice),
    reply: "已按要求整改",
  }), "notice"),
  action(NOTICES, "closeNoticeAction", access({ allowed: OFFICE }), (t) => ({ noticeId: String(t.notice) }), "notice"),
  // Drafts of the escalation ladder are the office's: nobody else confirms or sets one aside.
  action(NOTICES, "confirmNoticeDraftAction", access({ allowed: OFFICE }), (t) => ({ draftId: String(t.noticeDraft) }), "noticeDraft"),
  action(NOTICES, "dismissNoticeDraftAction", access({ allowed: OFFICE }), (t) => ({ draftId: String(t.noticeDraft) }), "noticeDraft"),

  action(LOOK_BACKS, "scheduleLookBackAction", access({ allowed: OFFICE }), (t) => ({ measureId: String(t.eligibleMeasure), scheduledDate: t.today }), "eligibleMeasure"),
  action(LOOK_BACKS, "recordLookBackAction", access({ allowed: OFFICE }), (t) => ({ lookBackId: String(t.lookBack), result: "holds", note: "" }), "lookBack"),

  // Another user's notification id matches nothing: accepted, without effect (not probeable).
  action(NOTIFICATIONS, "markNotificationRead", access({ allowed: ["unitLead"], ignored: ["officeAdmin", "office", "unitOther", "leader", "reviewer", "reviewerOther", "discipline"] }), (t) => ({
    notificationId: String(t.notification),
  })),
  action(NOTIFICATIONS, "markAllNotificationsRead", access({ allowed: EVERYONE }), () => ({})),

  action(REPORTING, "remindMissingReportsAction", access({ allowed: OFFICE }), (t) => ({ roundId: String(t.round), unitId: "" })),

  action(ADMIN, "createUnit", adminOnly, (t) => ({ name: `矩阵单位${t.unique}`, kind: "government", parentId: "" })),
  action(ADMIN, "createUser", adminOnly, (t) => ({
    username: `matrix_${t.unique}`,
    name: "矩阵用户",
    role: "unit",
    unitId: String(t.unit),
    password: "Matrix2026ab",
  })),
  action(ADMIN, "renameUnit", adminOnly, (t) => ({ unitId: String(t.unit), name: `矩阵改名单位${t.unique}` })),
  action(ADMIN, "setUnitHeadsAction", adminOnly, (t) => ({
    unitId: String(t.unit),
    principalKind: "contact",
    principalName: `郑局长${t.unique}`,
    principalPhone: "0755-27790000",
    deputyKind: "account",
    deputyUserId: t.spareUser,
  })),
  action(ADMIN, "disableUser", adminOnly, (t) => ({ userId: String(t.spareUser) })),
  action(ADMIN, "enableUser", adminOnly, (t) => ({ userId: t.disabledUser })),
  action(ADMIN, "resetUserPassword", adminOnly, (t) => ({ userId: String(t.spareUser), password: "Reset2026ab" })),
  action(ADMIN, "issueApiToken", adminOnly, (t) => ({ name: `矩阵令牌${t.unique}`, userId: String(t.spareUser) })),
  action(ADMIN, "revokeToken", adminOnly, (t) => ({ tokenId: String(t.token) })),

  action(ACCOUNT, "changePassword", access({ allowed: EVERYONE }), (t) => ({
    currentPassword: t.password,
    newPassword: "Changed2026xy",
    confirmPassword: "Changed2026xy",
  })),

  // 方案审核: the office submits, the round's reviewer decides, both discuss. A reviewer of
  // another round is refused (403) by the use case, which checks the round it names.
  action(PLAN_REVIEW, "submitPlanAction", access({ allowed: OFFICE }), (t) => ({ roundId: String(t.unsubmittedRound), note: `请审核${t.unique}` })),
  action(REPORT_REVIEW, "submitReportAction", access({ allowed: OFFICE }), (t) => ({ roundId: String(t.round), note: `请审核通报${t.unique}` })),
  action(PLAN_REVIEW, "decideVersionAction", access({ allowed: ["reviewer"] }), (t) => ({
    roundId: String(t.round),
    submissionId: String(t.submission),
    decision: "return",
    note: `请按意见修改${t.unique}`,
  })),
  action(PLAN_REVIEW, "addCommentAction", reviewDiscussion, (t) => ({
    roundId: String(t.round),
    about: `problem:${t.problem}`,
    body: `问题表述请与反馈意见一致${t.unique}`,
  })),
  action(PLAN_REVIEW, "replyCommentAction", reviewDiscussion, (t) => ({
    roundId: String(t.round),
    threadId: String(t.commentThread),
    body: `已按意见修改${t.unique}`,
  })),
  action(PLAN_REVIEW, "resolveCommentAction", reviewDiscussion, (t) => ({ roundId: String(t.round), threadId: String(t.commentThread) })),
  action(PLAN_REVIEW, "assignReviewersAction", adminOnly, (t) => ({ roundId: String(t.round), reviewerIds: t.reviewers })),
  // The checkbox left unchecked: units no longer see the round's tasks before approval.
  action(PLAN_REVIEW, "planVisibilityAction", planManager, (t) => ({ roundId: String(t.round) })),

  // 群众满意度测评: the office alone creates, opens and closes a round's survey; leaders and
  // reviewers read its results, units have no part in it.
  action(SURVEY, "createSurveyAction", access({ allowed: OFFICE }), (t) => ({
    roundId: String(t.surveyRound),
    title: `矩阵满意度测评${t.unique}`,
    intro: "",
    problemIds: [String(t.surveyProblem)],
  })),
  action(SURVEY, "openSurveyAction", access({ allowed: OFFICE }), (t) => ({ surveyId: String(t.draftSurvey) })),
  action(SURVEY, "closeSurveyAction", access({ allowed: OFFICE }), (t) => ({ surveyId: String(t.openSurvey) })),
  // 纸质问卷批次: the office alone enters, corrects and deletes the tallies of paper forms.
  action(SURVEY, "addPaperBatchAction", access({ allowed: OFFICE }), (t) => paperBatchForm(t.openSurvey, `矩阵纸质问卷${t.unique}`)),
  action(SURVEY, "updatePaperBatchAction", access({ allowed: OFFICE }), (t) => ({
    ...paperBatchForm(t.openSurvey, `矩阵更正${t.unique}`),
    batchId: String(t.paperBatch),
  })),
  action(SURVEY, "deletePaperBatchAction", access({ allowed: OFFICE }), (t) => ({ surveyId: String(t.openSurvey), batchId: String(t.paperBatch) })),
];

/** Exported from an actions file but deliberately outside defineAction, with the reason. */
export const ACTIONS_OUTSIDE_MATRIX: Record<string, Record<string, string>> = {
  "app/(auth)/actions.ts": {
    signIn: "登录时尚无用户;由 e2e 的登录流程和限流测试覆盖",
    signOut: "任何会话都可退出;由 e2e 的退出流程覆盖",
    setUp: "首次设置时尚无用户,凭控制台的设置代码;由 e2e/going-live.spec.ts 在空库服务上覆盖",
  },
};
