import { createHash } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { ApiFile, ApiFiles, ApiRequest, ApiTargets, Role, TargetKind } from "../../testing/access-table";
import { OFFICE_UNIT, REVIEW_UNIT } from "../../db/seed/demo-accounts";
import { DEMO_PASSWORD, expect, readDb } from "../fixtures";
import { submitForm } from "./form-post";

// The objects the access matrix and the bad-input corpus run against, made for each run in
// a round of its own, so that other specs writing to the shared server at the same time
// neither disturb them nor are disturbed. Everything of 区教育局 carries LEAD_MARK and
// everything of 新安街道 OTHER_MARK, so a leak shows up as a marker in a response body.
// The run's own accounts (a non-admin office user, two reviewers of the superior office)
// are made by the admin as a real admin makes them; one reviewer is assigned to the run's
// round, the other to a round of its own, so each must see only what its round holds.

export const LEAD_MARK = "甲单位专属";
export const OTHER_MARK = "乙单位专属";
const LEAD_UNIT = "区教育局";
const OTHER_UNIT = "新安街道";
/** The password the admin gives the run's own accounts. */
const NEW_ACCOUNT_PASSWORD = "Matrix2026ab";
export const CJK = /[\u4e00-\u9fff]/;

/** The demo's accounts; the run makes its own for the other roles. */
const USERNAMES: Record<Exclude<Role, "anonymous" | "office" | "reviewer" | "reviewerOther">, string> = {
  officeAdmin: "office",
  unitLead: "jiaoyu",
  unitOther: "xinan",
  leader: "leader",
  discipline: "jijian",
};

export type AuthMode = "cookie" | "bearer";

interface Caller {
  userId: string | null;
  cookie: APIRequestContext;
  bearer?: APIRequestContext;
}

export const pdfFile = (name = "佐证材料.pdf"): ApiFile => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from(`${LEAD_MARK}的会议纪要`), Buffer.alloc(512, 0x20)]),
});

/** The files the table's requests send, made for one call. */
export function requestFiles(tag: string): ApiFiles {
  const feedback = `一、落实主体责任方面\n1. 理论学习结合实际不够紧密的问题${tag}\n整改措施:科学确定学习主题。\n`;
  return {
    pdf: pdfFile(),
    ledgerCsv: smallLedgerCsv(tag),
    feedbackTxt: { name: "反馈意见.txt", mimeType: "text/plain", buffer: Buffer.from(feedback) },
    orgCsv: { name: "组织机构.csv", mimeType: "text/csv", buffer: Buffer.from(`单位名称,上级单位,单位类别\r\n矩阵组织单位${tag},${LEAD_UNIT},其他\r\n`) },
    clueCsv: {
      name: "信访件问题线索.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`类别,编号,标题,承办单位,接收日期,办理时限\r\n问题线索,矩阵线索${tag},反映某单位违规发放津补贴问题,纪委监委,2026-01-05,6个月\r\n`),
    },
  };
}

/** A small ledger that any empty round accepts. */
export function smallLedgerCsv(tag: string): ApiFile {
  const csv = `序号,问题,整改措施,牵头单位,完成时限\r\n1,导入的问题${tag},导入的措施${tag},${LEAD_UNIT},2027年6月底\r\n`;
  return { name: "台账.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };
}

function matrixLedger(tag: string, open: number, completed: number): ApiFile {
  const rows = ["序号,方面,问题,整改措施,牵头领导,牵头单位,完成时限,整改状态"];
  for (let i = 1; i <= open; i++) rows.push(`1,一、矩阵方面,${LEAD_MARK}问题${tag},${LEAD_MARK}措施${i}·${tag},张三,${LEAD_UNIT},2027年6月底,未完成`);
  for (let i = 1; i <= completed; i++) rows.push(`2,一、矩阵方面,${LEAD_MARK}已完成问题${tag},${LEAD_MARK}已完成措施${i}·${tag},张三,${LEAD_UNIT},2026年6月底,已完成`);
  for (let i = 1; i <= 2; i++) rows.push(`3,一、矩阵方面,${OTHER_MARK}问题${tag},${OTHER_MARK}措施${i}·${tag},李四,${OTHER_UNIT},2027年6月底,未完成`);
  return { name: "矩阵台账.csv", mimeType: "text/csv", buffer: Buffer.from(`${rows.join("\r\n")}\r\n`) };
}

interface WorldOptions {
  roles: readonly Role[];
  /** Also an API token for each signed-in role, issued by the admin. */
  tokens: boolean;
  /** Open and completed measures of 区教育局 to use up (claims; look-backs). */
  open: number;
  completed: number;
  /** Empty rounds to make up front (more are made when needed). */
  emptyRounds: number;
}

export class HardeningWorld {
  // Unique per world: the two specs build theirs at the same moment on two workers.
  readonly tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  readonly today = process.env.RECTIFY_TODAY!;
  private readonly callers = new Map<Role, Caller>();
  private readonly contexts: BrowserContext[] = [];
  private readonly strangers: APIRequestContext[] = [];
  private readonly roundIds: number[] = [];
  private openMeasures: number[] = [];
  private completedMeasures: number[] = [];
  private readonly emptyRounds: number[] = [];
  private browser!: Browser;
  private counter = 0;
  /** The names of the run's round and of the round the other reviewer reviews instead. */
  private readonly roundNames = { run: "", otherReviewed: "" };
  shared!: Omit<ApiTargets, "unique">;

  private constructor(readonly baseURL: string) {}

  /** Signs the roles in and builds the objects. */
  static async create(browser: Browser, baseURL: string, options: WorldOptions) {
    const world = new HardeningWorld(baseURL);
    await world.setUp(browser, options);
    return world;
  }

  private async setUp(browser: Browser, options: WorldOptions) {
    this.browser = browser;
    // Every step of the set-up goes through the app's own forms and API, posted without a
    // browser (e2e/support/form-post.ts): the sign-in form, the admin's user and token
    // forms, the new-round form.
    await this.addCaller("officeAdmin", "office", DEMO_PASSWORD);
    const ownAccounts = {
      office: { username: `office_${this.tag}`, role: "office", unit: OFFICE_UNIT },
      reviewer: { username: `reviewer_${this.tag}`, role: "reviewer", unit: REVIEW_UNIT },
      reviewerOther: { username: `reviewer_other_${this.tag}`, role: "reviewer", unit: REVIEW_UNIT },
    } as const;
    for (const role of options.roles) {
      if (role === "office" || role === "reviewer" || role === "reviewerOther") {
        const account = ownAccounts[role];
        await this.createAccount(account.username, account.role, account.unit);
        await this.addCaller(role, account.username, NEW_ACCOUNT_PASSWORD);
      } else if (role !== "anonymous" && role !== "officeAdmin") await this.addCaller(role, USERNAMES[role], DEMO_PASSWORD);
    }
    if (options.roles.includes("anonymous")) {
      this.callers.set("anonymous", {
        userId: null,
        cookie: await playwrightRequest.newContext({ baseURL: this.baseURL }),
        bearer: await playwrightRequest.newContext({ baseURL: this.baseURL, extraHTTPHeaders: { authorization: "Bearer rt_forged_or_revoked" } }),
      });
    }
    if (options.tokens) {
      for (const [role, caller] of this.callers) {
        if (!caller.userId) continue;
        const token = await this.issueToken(caller.userId, role);
        caller.bearer = await playwrightRequest.newContext({ baseURL: this.baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      }
    }
    if (!options.roles.includes("officeAdmin")) throw new Error("the office admin builds the world");

    this.roundNames.run = `权限与输入校验(${this.tag})`;
    const round = await this.newRound(this.roundNames.run);
    if (options.roles.includes("reviewer")) await this.assignReviewer(round, this.userId("reviewer")!);
    if (options.roles.includes("reviewerOther")) {
      // A round of its own, outside the pool that imports use up: it stays the one it reviews.
      this.roundNames.otherReviewed = `另一位督导审核的轮次(${this.tag})`;
      await this.assignReviewer(await this.newRound(this.roundNames.otherReviewed), this.userId("reviewerOther")!);
    }
    for (let i = 0; i < options.emptyRounds; i++) this.emptyRounds.push(await this.newRound(`空轮次(${this.tag}-${++this.counter})`));
    const imported = await this.as("officeAdmin").post(`/api/v1/rounds/${round}/import`, {
      headers: { origin: this.baseURL },
      multipart: { file: matrixLedger(this.tag, options.open, options.completed) },
    });
    expect(imported.status(), await imported.text()).toBe(200);
    const ids = (mark: string) =>
      readDb((db) => db.prepare("select id from measures where round_id = ? and text like ? order by id").pluck().all(round, `${mark}%`)) as number[];
    this.openMeasures = ids(`${LEAD_MARK}措施`);
    this.completedMeasures = ids(`${LEAD_MARK}已完成措施`);
    const measure = this.openMeasures.shift()!;
    const unit = readDb((db) => db.prepare("select id from units where name = ?").pluck().get(LEAD_UNIT)) as number;
    this.shared = {
      round, emptyRound: 0, measure, unit, today: this.today, eligibleMeasure: 0, evidence: 0, claim: 0, notice: 0, lookBack: 0, snapshot: 0,
      survey: 0, surveyToken: "", surveyQuestions: [], archivedRound: 0, archivePackage: 0, archivePackageRound: 0,
    };
    this.shared.eligibleMeasure = await this.fresh("eligibleMeasure");
    this.shared.claim = await this.fresh("claim");
    this.shared.evidence = readDb((db) => db.prepare("select id from evidence_files where progress_report_id = ?").pluck().get(this.shared.claim)) as number;
    this.shared.notice = await this.fresh("notice");
    this.shared.lookBack = await this.fresh("lookBack");
    this.shared.emptyRound = await this.fresh("emptyRound");
    this.shared.archivedRound = await this.fresh("archivedRound");
    Object.assign(this.shared, await this.readyArchivePackage());
    const snapshot = await this.post("officeAdmin", `/api/v1/rounds/${round}/snapshots`, { json: { label: `矩阵快照${this.tag}` } });
    this.shared.snapshot = (await snapshot.json()).snapshot.id;
    // The round's 通报 submitted for review: version 1, for the frozen-version download.
    const submitted = await submitForm(this.as("officeAdmin"), this.baseURL, `/rounds/${round}/report-review`, "note", { note: `矩阵通报${this.tag}` });
    expect(submitted.html).toContain("已报送整改通报第 1 版");
    // The round's 群众满意度测评, open: it asks about the aspect alone, whose name carries
    // neither unit's marker, so anyone may read the public page without a leak.
    const aspects = readDb((db) => db.prepare("select id from aspects where round_id = ?").pluck().all(round)) as number[];
    Object.assign(this.shared, await this.openSurvey(round, { aspectIds: aspects.map(String) }));
  }

  /** Creates and opens a round's survey with the office's forms; its id, token and questions. */
  async openSurvey(roundId: number, questions: { aspectIds?: string[]; problemIds?: string[] }) {
    const created = await submitForm(this.as("officeAdmin"), this.baseURL, `/rounds/${roundId}/survey`, "title", {
      title: `矩阵满意度测评(${this.tag})`,
      ...(questions.aspectIds ? { aspectIds: questions.aspectIds.join(",") } : {}),
      ...(questions.problemIds ? { problemIds: questions.problemIds.join(",") } : {}),
    });
    const state = () => readDb((db) => db.prepare("select state from surveys where round_id = ?").pluck().get(roundId));
    expect(state(), `创建轮次 ${roundId} 的满意度测评:${created.status}`).toBe("draft");
    // The page now shows the survey with its 开放测评 button (a form with the survey's id).
    await submitForm(this.as("officeAdmin"), this.baseURL, `/rounds/${roundId}/survey`, "surveyId", {});
    expect(state(), `开放轮次 ${roundId} 的满意度测评`).toBe("open");
    return readDb((db) => {
      const survey = db.prepare("select id, token from surveys where round_id = ?").get(roundId) as { id: number; token: string };
      const surveyQuestions = db.prepare("select id from survey_questions where survey_id = ? order by position").pluck().all(survey.id) as number[];
      return { survey: survey.id, surveyToken: survey.token, surveyQuestions };
    });
  }

  /** A new caller without an account or cookies: a member of the public, on a device of its own. */
  async stranger(): Promise<APIRequestContext> {
    const context = await playwrightRequest.newContext({ baseURL: this.baseURL });
    this.strangers.push(context);
    return context;
  }

  /** Signs a user in through the sign-in form; the context keeps the session cookie. */
  private async addCaller(role: Role, username: string, password: string) {
    const cookie = await playwrightRequest.newContext({ baseURL: this.baseURL });
    const signedIn = await submitForm(cookie, this.baseURL, "/sign-in", "username", { username, password });
    expect(new URL(signedIn.url).pathname, `${username} 登录`).not.toBe("/sign-in");
    const userId = readDb((db) => db.prepare("select id from users where username = ?").pluck().get(username)) as string;
    this.callers.set(role, { userId, cookie });
  }

  /** An account of the run (not an admin), made by the admin with the new-user form. */
  private async createAccount(username: string, role: "office" | "reviewer", unitName: string) {
    const unitId = readDb((db) => db.prepare("select id from units where name = ?").pluck().get(unitName)) as number;
    const created = await submitForm(this.as("officeAdmin"), this.baseURL, "/admin/users", "role", {
      username,
      name: role === "office" ? "矩阵测试员" : "矩阵督导",
      role,
      unitId: String(unitId),
      password: NEW_ACCOUNT_PASSWORD,
    });
    expect(created.html).toContain(`已创建${role === "office" ? "整改办" : "上级督导"}账号“${username}”`);
  }

  /** Makes `userId` the round's one reviewer, with the 指定上级督导 form of its 方案审核 page. */
  private async assignReviewer(roundId: number, userId: string) {
    const assigned = await submitForm(this.as("officeAdmin"), this.baseURL, `/rounds/${roundId}/plan-review`, "reviewerIds", { reviewerIds: userId });
    expect(assigned.html, `指定上级督导审核轮次 ${roundId}`).toContain("已指定 1 位上级督导");
  }

  private async issueToken(userId: string, role: Role): Promise<string> {
    const issued = await submitForm(this.as("officeAdmin"), this.baseURL, "/admin/tokens", "userId", { name: `权限矩阵 ${role} ${this.tag}`, userId });
    const token = /rt_[\w-]+/.exec(issued.html)?.[0];
    expect(token, "签发 API 令牌").toBeTruthy();
    return token!;
  }

  private async newRound(name: string): Promise<number> {
    const created = await submitForm(this.as("officeAdmin"), this.baseURL, "/rounds/new", "inspectingBody", {
      name,
      kind: "patrol",
      inspectingBody: "市委第三巡察组",
      inspectedBody: "中共深圳市宝安区委员会",
      feedbackDate: "2026-03-01",
    });
    const id = Number(/\/rounds\/(\d+)/.exec(new URL(created.url).pathname)?.[1]);
    expect(id, `新建轮次:${created.url}`).toBeGreaterThan(0);
    this.roundIds.push(id);
    return id;
  }

  /** A new object of the kind, for a call that uses it up. */
  async fresh(kind: TargetKind): Promise<number> {
    const next = (list: number[], what: string) => {
      const id = list.shift();
      if (!id) throw new Error(`the run's round has no more ${what}; raise its size`);
      return id;
    };
    switch (kind) {
      case "eligibleMeasure":
        return next(this.completedMeasures, "completed measures");
      case "claim": {
        const measure = next(this.openMeasures, "open measures");
        const response = await this.post("unitLead", `/api/v1/measures/${measure}/progress`, {
          multipart: { reportDate: this.today, text: `${LEAD_MARK}申报${this.tag}`, claimedStatus: "completed", files: pdfFile() },
        });
        return (await this.json(response, 200)).report.id;
      }
      case "notice": {
        const response = await this.post("officeAdmin", "/api/v1/notices", {
          json: { roundId: this.shared.round, unitId: this.shared.unit, measureIds: [this.shared.measure], level: "supervise", request: `${LEAD_MARK}督办${this.tag}`, replyDeadline: this.today },
        });
        return (await this.json(response, 201)).notice.id;
      }
      case "lookBack": {
        const measure = next(this.completedMeasures, "completed measures");
        const response = await this.post("officeAdmin", `/api/v1/measures/${measure}/look-backs`, { json: { scheduledDate: this.today } });
        return (await this.json(response, 201)).lookBack.id;
      }
      case "emptyRound":
        return this.emptyRounds.shift() ?? this.newRound(`空轮次(${this.tag}-${++this.counter})`);
      case "archivedRound": {
        const round = await this.newRound(`已归档轮次(${this.tag}-${++this.counter})`);
        // The layout's 归档 button is the page's only form with a roundId field.
        await submitForm(this.as("officeAdmin"), this.baseURL, `/rounds/${round}/archive`, "roundId", {});
        expect(readDb((db) => db.prepare("select archived_at from rounds where id = ?").pluck().get(round)), `归档轮次 ${round}`).not.toBeNull();
        return round;
      }
    }
  }

  /** An archived round with one ready archive package, for the download row. */
  async readyArchivePackage(): Promise<{ archivePackage: number; archivePackageRound: number }> {
    const round = await this.fresh("archivedRound");
    const started = await this.json(await this.post("officeAdmin", `/api/v1/rounds/${round}/archives`, {}), 200);
    await expect
      .poll(() => readDb((db) => db.prepare("select state from archive_packages where id = ?").pluck().get(started.id)), { timeout: 30_000 })
      .toBe("ready");
    return { archivePackage: started.id, archivePackageRound: round };
  }

  private async json(response: APIResponse, status: number) {
    expect(response.status(), await response.text()).toBe(status);
    return response.json();
  }

  unique(): string {
    return `${this.tag}-${++this.counter}`;
  }

  /** The request context of a role: its browser session's cookies, or its API token. */
  as(role: Role, mode: AuthMode = "cookie"): APIRequestContext {
    const caller = this.callers.get(role);
    const context = mode === "cookie" ? caller?.cookie : caller?.bearer;
    if (!context) throw new Error(`no ${mode} caller for ${role}`);
    return context;
  }

  /** A browser page signed in as the role (its session's cookies), for what a user sees. */
  async page(role: Role): Promise<Page> {
    const context = await this.browser.newContext({ storageState: await this.as(role).storageState() });
    this.contexts.push(context);
    return context.newPage();
  }

  userId(role: Role): string | null {
    return this.callers.get(role)?.userId ?? null;
  }

  /** Sends a request as the UI or another system would: cookie writes name their origin. */
  send(role: Role, mode: AuthMode, method: "GET" | "POST", request: ApiRequest): Promise<APIResponse> {
    const context = this.as(role, mode);
    const headers: Record<string, string> = mode === "cookie" ? { origin: this.baseURL } : {};
    if (method === "GET") return context.get(request.path, { headers });
    if (request.multipart) return context.post(request.path, { headers, multipart: request.multipart });
    if (request.json !== undefined) return context.post(request.path, { headers, data: request.json });
    return context.post(request.path, { headers });
  }

  post(role: Role, path: string, body: Omit<ApiRequest, "path">): Promise<APIResponse> {
    return this.send(role, "cookie", "POST", { path, ...body });
  }

  /**
   * Everything the run's rounds hold (plan, progress, files, look-backs, notices, snapshots,
   * drafts and the audit rows about them) and the units named with the run's tag; with
   * `notificationsOf`, also that user's notifications and the audit rows of marking them.
   */
  fingerprint(options: { notificationsOf?: string | null; unitNames?: readonly string[] } = {}): string {
    return readDb((db) => {
      const rounds = JSON.stringify(this.roundIds);
      const inRounds = `(select value from json_each('${rounds}'))`;
      const measures = `(select id from measures where round_id in ${inRounds})`;
      const reports = `(select id from progress_reports where measure_id in ${measures})`;
      const notices = `(select id from supervision_notices where round_id in ${inRounds})`;
      const lookBacks = `(select id from look_backs where measure_id in ${measures})`;
      const queries = [
        `select * from rounds where id in ${inRounds}`,
        `select * from aspects where round_id in ${inRounds} order by id`,
        `select * from problems where round_id in ${inRounds} order by id`,
        `select * from measures where round_id in ${inRounds} order by id`,
        `select * from measure_co_units where measure_id in ${measures} order by 1, 2`,
        `select * from progress_reports where id in ${reports} order by id`,
        `select * from evidence_files where progress_report_id in ${reports} order by id`,
        `select * from institutions where round_id in ${inRounds} order by id`,
        `select * from look_backs where id in ${lookBacks} order by id`,
        `select * from supervision_notices where id in ${notices} order by id`,
        `select * from supervision_notice_measures where notice_id in ${notices} order by 1, 2`,
        `select * from ledger_snapshots where round_id in ${inRounds} order by id`,
        `select * from report_drafts where round_id in ${inRounds} order by id`,
        `select * from round_reviewers where round_id in ${inRounds} order by 1, 2`,
        `select * from submissions where round_id in ${inRounds} order by id`,
        `select * from review_comments where round_id in ${inRounds} order by id`,
        `select * from surveys where round_id in ${inRounds} order by id`,
        // Only what a request writes: a build then finishes on its own, in the background.
        `select id, round_id, file_name, created_by_id, created_at from archive_packages where round_id in ${inRounds} order by id`,
        `select * from survey_questions where survey_id in (select id from surveys where round_id in ${inRounds}) order by id`,
        `select * from survey_responses where survey_id in (select id from surveys where round_id in ${inRounds}) order by id`,
        `select a.* from survey_answers a join survey_responses r on r.id = a.response_id where r.survey_id in (select id from surveys where round_id in ${inRounds}) order by 1, 2`,
        `select * from survey_paper_batches where survey_id in (select id from surveys where round_id in ${inRounds}) order by id`,
        `select c.* from survey_paper_counts c join survey_paper_batches b on b.id = c.batch_id where b.survey_id in (select id from surveys where round_id in ${inRounds}) order by 1, 2, 3`,
        `select * from audit_log where (entity = 'round' and entity_id in (select cast(value as text) from json_each('${rounds}')))
           or (entity in ('measure', 'problem') and entity_id in (select cast(id as text) from measures where round_id in ${inRounds}
                                                                  union select cast(id as text) from problems where round_id in ${inRounds}))
           or (entity = 'progress_report' and entity_id in (select cast(id as text) from ${reports}))
           or (entity = 'notice' and entity_id in (select cast(id as text) from ${notices}))
           or (entity = 'look_back' and entity_id in (select cast(id as text) from ${lookBacks}))
           or (entity = 'ledger_snapshot' and entity_id in (select cast(id as text) from ledger_snapshots where round_id in ${inRounds}))
           or (entity = 'submission' and entity_id in (select cast(id as text) from submissions where round_id in ${inRounds}))
           or (entity = 'review_comment' and entity_id in (select cast(id as text) from review_comments where round_id in ${inRounds}))
           or (entity = 'survey' and entity_id in (select cast(id as text) from surveys where round_id in ${inRounds}))
           or (entity = 'survey_response' and entity_id in (select cast(r.id as text) from survey_responses r join surveys s on s.id = r.survey_id where s.round_id in ${inRounds}))
           or (entity = 'survey_paper_batch' and entity_id in (select cast(b.id as text) from survey_paper_batches b join surveys s on s.id = b.survey_id where s.round_id in ${inRounds}))
           order by id`,
      ];
      const hash = createHash("sha256");
      for (const query of queries) for (const row of db.prepare(query).raw().all()) hash.update(`${JSON.stringify(row)}\n`);
      const units = db.prepare("select * from units where name like ? or name in (select value from json_each(?)) order by id").raw();
      hash.update(JSON.stringify(units.all(`%${this.tag}%`, JSON.stringify(options.unitNames ?? []))));
      if (options.notificationsOf) {
        hash.update(JSON.stringify(db.prepare("select id, read_at from notifications where user_id = ? order by id").raw().all(options.notificationsOf)));
        hash.update(JSON.stringify(db.prepare("select id from audit_log where actor_id = ? and entity = 'notification' order by id").raw().all(options.notificationsOf)));
      }
      return hash.digest("hex");
    });
  }

  /**
   * What a unit's users must never receive: the marker of the other unit's objects in this
   * run, and the text of every measure of the demo that the unit neither leads nor shares.
   * What a reviewer must never receive: anything of a round it does not review — the demo
   * round's name and measures, the other reviewer's round and, for the one not reviewing
   * the run's round, that round's name and everything in it. What the discipline staff must
   * never receive: any measure, of the demo round or of the run.
   */
  forbiddenFor(role: Role): string[] {
    if (role === "reviewer" || role === "reviewerOther") {
      const demo = readDb((db) => ({
        name: db.prepare("select name from rounds where id = (select min(id) from rounds)").pluck().get() as string,
        texts: db.prepare("select distinct text from measures where round_id = (select min(id) from rounds)").pluck().all() as string[],
      }));
      const notReviewed = role === "reviewer" ? [this.roundNames.otherReviewed] : [this.roundNames.run, LEAD_MARK, OTHER_MARK];
      return [demo.name, ...notReviewed.filter((text) => text !== ""), ...demo.texts];
    }
    if (role === "discipline") {
      // The discipline staff keep the clue register and read nothing of any round's plan.
      const texts = readDb((db) => db.prepare("select distinct text from measures where round_id = (select min(id) from rounds)").pluck().all() as string[]);
      return [LEAD_MARK, OTHER_MARK, ...texts];
    }
    if (role !== "unitLead" && role !== "unitOther") return [];
    const [unit, otherMark] = role === "unitLead" ? [LEAD_UNIT, OTHER_MARK] : [OTHER_UNIT, LEAD_MARK];
    const texts = readDb((db) =>
      db
        .prepare(
          `with recursive scope(id) as (select id from units where name = ? union select u.id from units u join scope on u.parent_id = scope.id),
           seen as (select m.text from measures m where m.lead_unit_id in scope
                    or exists (select 1 from measure_co_units c where c.measure_id = m.id and c.unit_id in scope))
           select distinct text from measures where round_id = (select min(id) from rounds) and text not in seen`,
        )
        .pluck()
        .all(unit),
    ) as string[];
    return [otherMark, ...texts];
  }

  async dispose() {
    for (const caller of this.callers.values()) {
      await caller.bearer?.dispose();
      await caller.cookie.dispose();
    }
    for (const context of this.contexts) await context.close();
    for (const context of this.strangers) await context.dispose();
  }
}
