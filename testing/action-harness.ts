import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { DB } from "@/db/client";
import { createApiToken } from "@/db/queries/api-tokens";
import { addToPendingDraft } from "@/db/queries/notice-drafts";
import { notifyUsers } from "@/db/queries/notifications";
import { createAspect, createMeasure, createProblem } from "@/db/queries/plan-edit";
import { submitOverdueAppeal } from "@/db/queries/appeals";
import { addProgressReport, returnClaim } from "@/db/queries/progress";
import { currentPlanVersion, insertReviewComment, insertSubmission } from "@/db/queries/plan-review";
import { setRoundReviewers } from "@/db/queries/round-reviewers";
import { createPaperBatch } from "@/db/queries/survey-paper";
import { markRecurrence } from "@/db/queries/recurrence";
import { createSurvey } from "@/db/queries/surveys";
import { createRound, setRoundArchived } from "@/db/queries/rounds";
import { createUserWithPassword, getPasswordHash, setUserDisabled } from "@/db/queries/users";
import * as schema from "@/db/schema";
import { DEMO_PASSWORD, REVIEW_UNIT } from "@/db/seed/demo-accounts";
import { EARLIER_ROUND_NAME } from "@/db/seed/demo-earlier-round";
import type { ActionState } from "@/server/action";
import type { ActionTargets, Role } from "@/testing/access-table";
import { seededTestDb } from "@/testing/seeded-db";

// Server actions called as they are in production (FormData in, ActionState or a redirect
// out) against the seeded demo. Only who is signed in is faked (the test file mocks
// getCurrentSession) and which database "@/db" is (a fresh in-memory copy of one seeded
// template per case, so every case starts from the same data and runs in milliseconds).

export const TODAY = "2026-11-20";

/**
 * The demo's users by role; "office" is a non-admin office account the template adds, and
 * so is "reviewerOther", a reviewer of the same superior office as the demo's "ducha" but
 * assigned to another round (the empty one) instead of the demo round.
 */
export const ROLE_USERNAMES: Record<Role, string | null> = {
  officeAdmin: "office",
  office: "office2",
  unitLead: "jiaoyu",
  unitOther: "xinan",
  leader: "leader",
  reviewer: "ducha",
  reviewerOther: "ducha2",
  discipline: "jijian",
  anonymous: null,
};

export interface ActionWorld {
  template: Buffer;
  /** The template's fingerprints (every case starts from a copy of it). */
  fingerprints: { all: string; withoutAudit: string };
  /** Every user of the template has the demo password. */
  targets: Omit<ActionTargets, "unique">;
  userIds: Record<string, string>;
}

/** Seeds the demo once and adds what the matrix needs that the demo lacks. */
export async function buildActionWorld(): Promise<ActionWorld> {
  const t = await seededTestDb(TODAY);
  try {
    const id = (query: string, ...params: unknown[]) => t.one<number>(query, ...params);
    const userId = (username: string) => t.one<string>("select id from users where username = ?", username);
    const office = userId("office");
    const round = t.roundId();
    const unit = t.unitIdOf("区教育局");
    const passwordHash = getPasswordHash(t.db, { userId: office })!;
    const officeUnit = id("select unit_id from users where id = ?", office);
    const reviewUnit = t.unitIdOf(REVIEW_UNIT);

    const made = t.db.transaction((tx) => {
      const newUser = (username: string, role: "office" | "unit" | "reviewer", unitId: number) =>
        createUserWithPassword(tx, { actorId: null, passwordHash, input: { username, name: username, role, unitId, isAdmin: false } }).id;
      newUser("office2", "office", officeUnit);
      const otherReviewer = newUser("ducha2", "reviewer", reviewUnit);
      const spareUser = newUser("spare", "unit", unit);
      const disabledUser = newUser("retired", "unit", unit);
      setUserDisabled(tx, { actorId: office, userId: disabledUser, disabled: true });

      const archivedRound = createRound(tx, {
        actorId: office,
        input: {
          name: "已归档的轮次", kind: "patrol", inspectingBody: "区委第三巡察组", inspectedBody: "区教育局", inspectedUnitId: null,
          inspectionStart: null, inspectionEnd: null, feedbackDate: "2025-03-01", deadline: null, dueSoonDays: 7,
        },
      }).id;
      setRoundArchived(tx, { actorId: office, roundId: archivedRound, archived: true });
      const emptyRound = createRound(tx, {
        actorId: office,
        input: {
          name: "尚未录入方案的轮次", kind: "inspection", inspectingBody: "省委第一巡视组", inspectedBody: "区教育局", inspectedUnitId: null,
          inspectionStart: null, inspectionEnd: null, feedbackDate: "2026-10-01", deadline: null, dueSoonDays: 7,
        },
      }).id;
      // The other reviewer really reviews a round: just not the demo round.
      setRoundReviewers(tx, { actorId: office, roundId: emptyRound, userIds: [otherReviewer] });

      const ctx = { actorId: office, roundId: round };
      const emptyAspect = createAspect(tx, { ...ctx, input: { name: "七、空的方面" } }).id;
      const deadline = { deadline: "2027-06-30", deadlineKind: "date", deadlineText: "2027年6月底", category: "time_limited" } as const;
      const measureOf = (problemId: number, text: string) =>
        createMeasure(tx, { ...ctx, problemId, input: { ...deadline, text, goal: "", leadUnitId: unit, coUnitIds: [] } }).id;
      const bareProblem = createProblem(tx, {
        ...ctx,
        input: { number: 800, title: "只有一项措施的问题", description: "", leadLeader: "", leadUnitId: unit, aspectId: null },
      }).id;
      measureOf(bareProblem, "尚无进展的措施甲");
      const problem = id("select id from problems where round_id = ? order by id limit 1", round);
      const bareMeasure = measureOf(problem, "尚无进展的措施乙");

      const openEdu = t.column<number>("select id from measures where lead_unit_id = ? and status = 'incomplete' order by id", unit);
      const [claimMeasure, measure] = [openEdu[0]!, openEdu[1]!];
      const claim = addProgressReport(tx, {
        actorId: userId("jiaoyu"), measureId: claimMeasure, unitId: unit, isLead: true, currentStatus: "incomplete",
        input: { reportDate: TODAY, text: "已完成整改", percent: 100, milestone: null, claimedStatus: "completed" },
        evidence: [{ fileName: "纪要.pdf", mimeType: "application/pdf", size: 10, sha256: "c".repeat(64), storedPath: "cc/cccc" }],
      }).id;
      // A returned claim on 区教育局's 基本完成 measure, and an open appeal against the overdue
      // mark of a measure of its own (the demo's overdue measure stays free to appeal).
      const returnedMeasure = id("select id from measures where lead_unit_id = ? and status = 'basically_completed' order by id limit 1", unit);
      const returnedClaim = addProgressReport(tx, {
        actorId: userId("jiaoyu"), measureId: returnedMeasure, unitId: unit, isLead: true, currentStatus: "basically_completed",
        input: { reportDate: TODAY, text: "收尾工作已完成", percent: 100, milestone: null, claimedStatus: "completed" },
        evidence: [{ fileName: "验收意见.pdf", mimeType: "application/pdf", size: 10, sha256: "e".repeat(64), storedPath: "ee/eeee" }],
      }).id;
      returnClaim(tx, { actorId: office, reportId: returnedClaim, reason: "缺少验收意见" });
      const appealProblem = createProblem(tx, {
        ...ctx,
        input: { number: 801, title: "有待处理申诉的问题", description: "", leadLeader: "", leadUnitId: unit, aspectId: null },
      }).id;
      const lateMeasure = createMeasure(tx, {
        ...ctx,
        problemId: appealProblem,
        input: { deadline: "2026-10-31", deadlineKind: "date", deadlineText: "2026年10月底", category: "time_limited", text: "逾期并已申诉的措施", goal: "", leadUnitId: unit, coUnitIds: [] },
      }).id;
      const appeal = submitOverdueAppeal(tx, { actorId: userId("jiaoyu"), unitId: unit, measureId: lateMeasure, reason: "审批延误", today: TODAY }).id;
      notifyUsers(tx, {
        userIds: Object.values(ROLE_USERNAMES).filter((u): u is string => u !== null).map(userId),
        notification: { kind: "assignment", title: "新分配的整改任务", dedupeKey: "action-matrix" },
      });
      const token = createApiToken(tx, { actorId: office, userId: userId("leader"), name: "省平台对接", tokenHash: "f".repeat(64) }).id;
      // What the escalation ladder leaves when a 区教育局 measure reaches the 牵头领导.
      const noticeDraft = addToPendingDraft(tx, { roundId: round, unitId: unit, measureId: measure }).draftId;

      // 方案审核: the demo round's plan is under review, with one open thread of comments
      // by its reviewer; another round has a plan not yet submitted.
      const submission = insertSubmission(tx, { actorId: office, roundId: round, kind: "plan", content: currentPlanVersion(tx, { roundId: round }), note: "" }).id;
      const commentThread = insertReviewComment(tx, {
        actorId: userId("ducha"), roundId: round, submissionId: submission, threadId: null,
        target: "plan", targetId: null, targetLabel: "整改方案", body: "请补充整改时限的依据",
      }).id;
      const unsubmittedRound = createRound(tx, {
        actorId: office,
        input: {
          name: "方案待报审的轮次", kind: "patrol", inspectingBody: "区委第二巡察组", inspectedBody: "区教育局", inspectedUnitId: null,
          inspectionStart: null, inspectionEnd: null, feedbackDate: "2026-09-01", deadline: null, dueSoonDays: 7,
        },
      }).id;
      const ownProblem = createProblem(tx, {
        actorId: office,
        roundId: unsubmittedRound,
        input: { number: 1, title: "待报审方案中的问题", description: "", leadLeader: "", leadUnitId: unit, aspectId: null },
      }).id;
      createMeasure(tx, { actorId: office, roundId: unsubmittedRound, problemId: ownProblem, input: { ...deadline, text: "待报审方案中的措施", goal: "", leadUnitId: unit, coUnitIds: [] } });

      // 群众满意度测评: the demo round's survey is open (the seed's); a draft waits in a round of
      // its own; the round waiting for plan review has none yet.
      const draftRound = createRound(tx, {
        actorId: office,
        input: {
          name: "测评未开放的轮次", kind: "patrol", inspectingBody: "区委第四巡察组", inspectedBody: "区教育局", inspectedUnitId: null,
          inspectionStart: null, inspectionEnd: null, feedbackDate: "2026-08-01", deadline: null, dueSoonDays: 7,
        },
      }).id;
      const draftAspect = createAspect(tx, { actorId: office, roundId: draftRound, input: { name: "一、测评的方面" } }).id;
      const draftSurvey = createSurvey(tx, {
        actorId: office,
        input: { roundId: draftRound, title: "尚未开放的测评", intro: "", aspectIds: [draftAspect], problemIds: [] },
        token: "draftsurveytoken00000000",
        salt: "harness",
      }).id;
      const openSurvey = id("select id from surveys where round_id = ?", round);
      const paperBatch = id("select id from survey_paper_batches where survey_id = ? order by id limit 1", openSurvey);
      const otherPaperBatch = createPaperBatch(tx, {
        actorId: office,
        input: { surveyId: draftSurvey, label: "另一轮次的纸质问卷", collectedOn: "2026-10-20", forms: 5, counts: [{ position: 1, choice: "satisfied", count: 5 }] },
      }).id;

      return {
        spareUser, disabledUser, archivedRound, emptyRound, emptyAspect, bareProblem, bareMeasure, problem, measure, claim, returnedClaim, appeal, token,
        submission, commentThread, unsubmittedRound, reviewers: [userId("ducha"), otherReviewer], noticeDraft,
        surveyRound: unsubmittedRound, surveyProblem: ownProblem, openSurvey, draftSurvey, paperBatch, otherPaperBatch,
      };
    });

    // 反弹回潮: the seed's archived 2018 round holds the problems the demo round repeats; its
    // 第2号 is already linked from the demo's 第10号, its 第1号 free for the demo's 第1号.
    const earlierRound = id("select id from rounds where name = ?", EARLIER_ROUND_NAME);
    const problemNumbered = (roundId: number, number: number) => id("select id from problems where round_id = ? and number = ?", roundId, number);
    const recurrence = {
      recurrenceProblem: problemNumbered(round, 1),
      earlierProblem: problemNumbered(earlierRound, 1),
      markedProblem: problemNumbered(round, 10),
    };
    t.db.transaction((tx) => markRecurrence(tx, { actorId: office, problemId: recurrence.markedProblem, earlierProblemId: problemNumbered(earlierRound, 2) }));
    const aspects = t.column<number>("select id from aspects where round_id = ? order by position, id", round);
    const targets: ActionWorld["targets"] = {
      ...made,
      round,
      aspect: aspects[0]!,
      otherAspect: aspects[1]!,
      measureVersion: id("select version from measures where id = ?", made.measure),
      eligibleMeasure: id(
        `select id from measures m where m.status = 'completed' and m.lead_unit_id = ?
         and not exists (select 1 from look_backs l where l.measure_id = m.id and l.result is null) order by id limit 1`,
        unit,
      ),
      overdueMeasure: id(
        `select id from measures m where m.lead_unit_id = ? and m.status != 'completed' and m.deadline < ?
         and not exists (select 1 from appeals a where a.measure_id = m.id) order by id limit 1`,
        unit,
        TODAY,
      ),
      lookBack: id("select id from look_backs where result is null order by id limit 1"),
      institution: id("select id from institutions where round_id = ? order by id limit 1", round),
      // The demo's clue under 初步核实: an allowed 立案 moves it on.
      clue: id("select id from clues where stage = 'preliminary' order by id limit 1"),
      evaluation: id("select id from evaluations where round_id = ?", round),
      evaluationIndicator: id("select i.id from evaluation_indicators i join evaluations e on e.template_id = i.template_id where e.round_id = ? order by i.position limit 1", round),
      evaluationGrade: id("select g.id from evaluation_grades g join evaluations e on e.template_id = g.template_id where e.round_id = ? order by g.position limit 1", round),
      evaluationTemplate: id("select id from evaluation_templates t where built_in = 0 and not exists (select 1 from evaluations e where e.template_id = t.id) order by id limit 1"),
      usedEvaluationTemplate: id("select template_id from evaluations where round_id = ?", round),
      notice: id("select id from supervision_notices where unit_id = ? and state = 'open' order by id limit 1", unit),
      notification: id("select n.id from notifications n join users u on u.id = n.user_id where u.username = 'jiaoyu' and n.read_at is null order by n.id limit 1"),
      ...recurrence,
      unit,
      password: DEMO_PASSWORD,
      today: TODAY,
    };
    const userIds = Object.fromEntries(t.column<string>("select username from users").map((u) => [u, userId(u)]));
    // An in-memory copy cannot be in WAL mode: fold the log back in before copying.
    t.sqlite.pragma("journal_mode = DELETE");
    const fingerprints = { all: fingerprint(t.sqlite), withoutAudit: fingerprint(t.sqlite, { withoutAudit: true }) };
    return { template: t.sqlite.serialize(), fingerprints, targets, userIds };
  } finally {
    t.cleanup();
  }
}

/** A private in-memory copy of the template, with the app's connection settings. */
export function cloneDatabase(template: Buffer): { db: DB; sqlite: Database.Database } {
  const sqlite = new Database(template);
  sqlite.pragma("foreign_keys = ON");
  return { db: drizzle(sqlite, { schema }), sqlite };
}

/** A hash of every row of every table (optionally leaving out the audit log). */
export function fingerprint(sqlite: Database.Database, options: { withoutAudit?: boolean } = {}): string {
  const hash = createHash("sha256");
  const tables = sqlite
    // The full-text indexes are derived from the tables hashed here (and the vocabularies
    // and shadow tables have no rowid to order by): their tables' rows say it all.
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%\\_fts' escape '\\' and name not like '%\\_fts\\_%' escape '\\' order by name",
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    if (options.withoutAudit && table === "audit_log") continue;
    for (const row of sqlite.prepare(`select * from "${table}" order by rowid`).raw().iterate()) {
      hash.update(`${table}:${JSON.stringify(row)}\n`);
    }
  }
  return hash.digest("hex");
}

export type ActionFn = (previous: ActionState, form: FormData) => Promise<ActionState>;
export type ActionOutcome = { state: ActionState; redirectTo?: undefined } | { state?: undefined; redirectTo: string };

export function formDataOf(fields: Record<string, string | string[] | Blob>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) form.append(key, v);
    else form.append(key, value);
  }
  return form;
}

/** Calls an action as a form post does; a redirect (Next's NEXT_REDIRECT error) is an outcome too. */
export async function callAction(fn: ActionFn, fields: Record<string, string | string[] | Blob>): Promise<ActionOutcome> {
  try {
    return { state: await fn(null, formDataOf(fields)) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { redirectTo: digest.split(";")[2]! };
    throw error;
  }
}

export const CJK = /[\u4e00-\u9fff]/;
