import { hashPassword } from "better-auth/crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actionLabel, auditChanges, auditObject, entityLabel } from "@/lib/audit-format";
import type { ImportPlan } from "@/lib/ledger-import/types";
import { seededTestDb } from "@/testing/seeded-db";
import type { RoundInput } from "@/lib/validations/round";
import type { Tx } from "../client";
import { EARLIER_ROUND_NAME } from "@/db/seed/demo-earlier-round";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { markRecurrence, unmarkRecurrence } from "./recurrence";
import { decideAppeal, submitOverdueAppeal, submitReturnAppeal } from "./appeals";
import { advanceClue, importClues, registerClue } from "./clues";
import { failInterruptedPackages, finishArchivePackage, insertArchivePackage, recordArchiveDownload } from "./archives";
import { createCommonProblem } from "./common-problems";
import { issueRedCard, scheduleEvaluation, scoreUnit } from "./evaluations";
import { createEvaluationTemplate, deleteEvaluationTemplate, templateDetail, updateEvaluationTemplate } from "./evaluation-templates";
import { auditReferenceNames } from "./audit-names";
import { updateInstitution } from "./institutions";
import { createPlanFromDocument } from "./document-import";
import { importPlan } from "./import";
import { recordLookBackResult, scheduleLookBack } from "./look-backs";
import { confirmDraft, dismissDraft, listPendingDrafts } from "./notice-drafts";
import { closeNotice, issueNotice, replyNotice } from "./notice-writes";
import { markNotificationsRead, notifyUsers } from "./notifications";
import {
  createAspect, createMeasure, createProblem, deleteAspect, deleteMeasure, deleteProblem, moveAspect, moveAspectProblems,
  moveMeasure, renameAspect, updateMeasure, updateProblem, type MeasureValues,
} from "./plan-edit";
import { currentPlanVersion, decideSubmission, insertReviewComment, insertSubmission, resolveThread } from "./plan-review";
import { addProgressReport, returnClaim, signOffClaim } from "./progress";
import { remindMissingReports, runReminders } from "./reminders";
import { setRoundReviewers } from "./round-reviewers";
import { createRound, setRoundArchived, setUnitsSeeUnapprovedPlan, updateRound } from "./rounds";
import { createPaperBatch, deletePaperBatch, updatePaperBatch } from "./survey-paper";
import { createSurvey, recordSurveyResponse, setSurveyState } from "./surveys";
import { setUnitHeads } from "./unit-heads";
import { createUnit } from "./units";
import { createUserWithPassword, setUserDisabled, setUserPassword } from "./users";

// Issue 4, item 9, checked over the list: every write path appends exactly ONE audit_log
// row, in the transaction of its change. Each case arranges what it needs on a fresh seeded
// demo and hands back the write alone; only that write is measured.

const TODAY = "2026-11-21";
type Actor = "office" | "jiaoyu" | "xinan" | "ducha" | "jijian";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let passwordHash = "";
const ids: Record<Actor, string> = { office: "", jiaoyu: "", xinan: "", ducha: "", jijian: "" };

beforeAll(async () => {
  passwordHash = await hashPassword("Audit2026zg");
});
beforeEach(async () => {
  t = await seededTestDb(TODAY);
  for (const actor of Object.keys(ids) as Actor[]) ids[actor] = t.one<string>("select id from users where username = ?", actor);
});
afterEach(() => {
  readAsTheLogDoes();
  t.cleanup();
});

/** The audit rows a write appended, and by how much the log grew. */
function measure(write: () => unknown) {
  const count = () => t.one<number>("select count(*) from audit_log");
  const [before, lastId] = [count(), t.one<number>("select coalesce(max(id), 0) from audit_log")];
  write();
  const rows = t.sqlite.prepare("select action, actor_id as actorId from audit_log where id > ? order by id").all(lastId);
  return { grew: count() - before, rows: rows as { action: string; actorId: string | null }[] };
}

// Issue 14 item 2: every row these writes (and the seed) left must read in Chinese, as the
// /audit page renders it: names for ids, labels for actions, entities and fields.
const CODE_WORDS = /\b[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z_]+:|\b[a-z]+_[a-z_]+\b/;
const unreadable = new Set<string>();
function readAsTheLogDoes() {
  const rows = t.sqlite.prepare("select action, entity, entity_id as entityId, before, after from audit_log").all() as Record<string, string | null>[];
  const parsed = rows.map((r) => ({
    action: r.action!, entity: r.entity!, entityId: r.entityId!,
    before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
  }));
  const names = auditReferenceNames(t.db, parsed);
  for (const row of parsed) {
    if (actionLabel(row.action) === row.action) unreadable.add(`action ${row.action}`);
    if (entityLabel(row.entity) === row.entity) unreadable.add(`entity ${row.entity}`);
    if (CODE_WORDS.test(auditObject(row, names))) unreadable.add(`${row.action} object: ${auditObject(row, names)}`);
    for (const c of auditChanges(row.before, row.after, { limit: 1000, names })) {
      if (c.label === c.field) unreadable.add(`${row.action} field ${c.field}`);
      for (const value of [c.before, c.after]) if (value && CODE_WORDS.test(value)) unreadable.add(`${row.action} ${c.field}: ${value}`);
    }
  }
}
afterAll(() => {
  // Checked here, once every write path above has run.
  expect([...unreadable].sort()).toEqual([]);
});

// ── arranging helpers (all run before the measured window) ───────────────

const inTx = (fn: (tx: Tx) => unknown) => () => t.db.transaction(fn);
const run = <T>(fn: (tx: Tx) => T) => t.db.transaction(fn);
const by = (actor: Actor) => ({ actorId: ids[actor] });
const plan = () => ({ actorId: ids.office, roundId: t.roundId() });
const edu = () => t.unitIdOf("区教育局");
const idWhere = (from: string, ...params: unknown[]) => t.one<number>(`select id from ${from} order by id limit 1`, ...params);
const roundInput = (name: string): RoundInput => ({
  name, kind: "patrol", inspectingBody: "区委第二巡察组", inspectedBody: "区教育局", inspectedUnitId: null,
  inspectionStart: null, inspectionEnd: null, feedbackDate: "2026-10-01", deadline: null, dueSoonDays: 7,
});
const problemInput = (number: number) => ({ number, title: `问题${number}`, description: "", leadLeader: "张三", leadUnitId: edu(), aspectId: null });
const deadline = { deadline: "2026-12-31", deadlineKind: "date", deadlineText: "2026年12月31日", category: "time_limited" } as const;
const measureValues = (text: string): MeasureValues => ({ ...deadline, text, goal: "", leadUnitId: edu(), coUnitIds: [] });
const countyTemplateId = () => t.one<number>("select id from evaluation_templates where built_in = 0 order by id limit 1");
const countyTemplate = () => templateDetail(t.db, { templateId: countyTemplateId() })!.content;
const smallPlan = (): ImportPlan => ({
  aspects: ["一、落实主体责任方面"],
  unitNames: ["区教育局", "导入时新建的单位"],
  errors: [],
  warnings: [],
  problems: [
    {
      number: 1, title: "台账管理不规范", aspect: "一、落实主体责任方面", leadLeader: "张三", leadUnit: "区教育局",
      measures: [
        { ...deadline, line: 2, text: "建立整改台账", leadUnit: "区教育局", coUnits: ["导入时新建的单位"], status: "incomplete", progress: "已启动" },
      ],
    },
  ],
});
const report = (claimedStatus: "incomplete" | "completed") => ({ reportDate: TODAY, text: "整改进展", percent: 100, milestone: null, claimedStatus });
const evidence = [{ fileName: "纪要.pdf", mimeType: "application/pdf", size: 10, sha256: "c".repeat(64), storedPath: "cc/cccc" }];

/** A measure without progress reports (so it may be deleted). */
const freshMeasure = (problemId = idWhere("problems")) =>
  run((tx) => createMeasure(tx, { ...plan(), problemId, input: measureValues("新增措施") })).id;
const openEduMeasure = () => idWhere("measures where lead_unit_id = ? and status = 'incomplete'", edu());
const eligibleForLookBack = () =>
  idWhere(`measures m where (m.status = 'completed' or m.deadline_kind = 'ongoing')
           and not exists (select 1 from look_backs l where l.measure_id = m.id and l.result is null)`);
const leadClaim = (tx: Tx, measureId: number) =>
  addProgressReport(tx, {
    ...by("jiaoyu"), measureId, unitId: edu(), isLead: true, currentStatus: "incomplete", input: report("completed"), evidence,
  });
const pendingClaim = () => run((tx) => leadClaim(tx, openEduMeasure())).id;
const returnedClaim = () => {
  const reportId = pendingClaim();
  run((tx) => returnClaim(tx, { ...by("office"), reportId, reason: "佐证材料不足" }));
  return reportId;
};
const clueFields = (number: string) => ({
  kind: "clue" as const, number, title: "反映某单位违规发放津补贴问题", handler: "commission" as const, handlerUnitId: null,
  receivedDate: "2026-10-01", timeLimit: "6" as const, dueDate: null,
});
const overdueEduMeasure = () => idWhere("measures where lead_unit_id = ? and status != 'completed' and deadline < ?", edu(), TODAY);
const openOverdueAppeal = () =>
  run((tx) => submitOverdueAppeal(tx, { ...by("jiaoyu"), unitId: edu(), measureId: overdueEduMeasure(), reason: "审批延误", today: TODAY })).id;
const pendingLookBack = () =>
  run((tx) => scheduleLookBack(tx, { ...by("office"), measureId: eligibleForLookBack(), scheduledDate: TODAY, today: TODAY })).id;
const building = () => run((tx) => insertArchivePackage(tx, { ...by("office"), roundId: t.roundId(), fileName: "档案.zip" })).id;
const seededNotice = () => idWhere("supervision_notices");
const submittedPlan = () =>
  run((tx) => insertSubmission(tx, { ...plan(), kind: "plan", content: currentPlanVersion(tx, { roundId: t.roundId() }), note: "" })).id;
const commentArgs = (threadId: number | null) =>
  ({ ...by("ducha"), roundId: t.roundId(), submissionId: null, threadId, target: "plan", targetId: null, targetLabel: "整改方案", body: "请细化措施" }) as const;
/** The escalation ladder's first pending 督办单 draft, after the job ran on TODAY. */
const pendingDraft = () => {
  runReminders(t.db, { today: TODAY });
  return listPendingDrafts(t.db, { today: TODAY }).find((d) => d.measures.length > 0)!.id;
};
/** A survey of its own round (the demo round has one already), in the given state. */
const surveyIn = (state: "draft" | "open" | "closed") => {
  const roundId = run((tx) => createRound(tx, { ...by("office"), input: roundInput("测评用的轮次") })).id;
  const aspectId = run((tx) => createAspect(tx, { actorId: ids.office, roundId, input: { name: "一、方面" } })).id;
  const surveyId = run((tx) => createSurvey(tx, { ...by("office"), input: surveyInput(roundId, aspectId), token: "t".repeat(24), salt: "s" })).id;
  if (state !== "draft") run((tx) => setSurveyState(tx, { ...by("office"), surveyId, state: "open" }));
  if (state === "closed") run((tx) => setSurveyState(tx, { ...by("office"), surveyId, state: "closed" }));
  return { surveyId, questionId: t.one<number>("select id from survey_questions where survey_id = ?", surveyId) };
};
const paperBatchInput = (surveyId: number, label: string) => ({
  surveyId, label, collectedOn: "2026-11-18", forms: 12, counts: [{ position: 1, choice: "satisfied" as const, count: 10 }],
});
const surveyInput = (roundId: number, aspectId: number) => ({ roundId, title: "群众满意度测评", intro: "", aspectIds: [aspectId], problemIds: [] });
const ladder = { escalationLiaisonDays: 25, escalationDeputyDays: 12, escalationPrincipalDays: 3, escalationLeadLeaderDays: 20 };
const newUnread = () => {
  notifyUsers(t.db, { userIds: [ids.jiaoyu], notification: { kind: "assignment", title: "新任务", dedupeKey: "audit-coverage" } });
  return idWhere("notifications where user_id = ? and read_at is null", ids.jiaoyu);
};

// ── the list ─────────────────────────────────────────────────────────────

interface WritePath {
  name: string;
  action: string;
  /** null only where the query takes no actor (the reminder job, the public's survey answer). */
  actor: Actor | null;
  /** Sets up what the write needs, then returns the write alone. */
  arrange: () => () => unknown;
}
const seededRepeat = (): [number, number] => [
  t.one<number>("select id from problems where round_id = ? and number = 10", t.roundId()),
  t.one<number>("select p.id from problems p join rounds r on r.id = p.round_id where r.name = ? and p.number = 2", EARLIER_ROUND_NAME),
];

const path = (name: string, action: string, actor: Actor | null, arrange: WritePath["arrange"]): WritePath =>
  ({ name, action, actor, arrange });

const writePaths: WritePath[] = [
  // plan edits
  path("createAspect", "aspect.create", "office", () => inTx((tx) => createAspect(tx, { ...plan(), input: { name: "五、新方面" } }))),
  path("renameAspect", "aspect.update", "office", () => {
    const aspectId = idWhere("aspects");
    return inTx((tx) => renameAspect(tx, { ...plan(), aspectId, input: { name: "改名后的方面" } }));
  }),
  path("moveAspect", "aspect.move", "office", () => {
    const aspectId = idWhere("aspects where position = 2");
    return inTx((tx) => moveAspect(tx, { ...plan(), aspectId, direction: "up" }));
  }),
  path("moveAspectProblems", "aspect.move_problems", "office", () => {
    const [aspectId, targetAspectId] = t.column<number>("select id from aspects where round_id = ? order by position limit 2", t.roundId());
    return inTx((tx) => moveAspectProblems(tx, { ...plan(), aspectId: aspectId!, targetAspectId: targetAspectId! }));
  }),
  path("deleteAspect", "aspect.delete", "office", () => {
    const aspectId = run((tx) => createAspect(tx, { ...plan(), input: { name: "空方面" } })).id;
    return inTx((tx) => deleteAspect(tx, { ...plan(), aspectId }));
  }),
  path("createProblem", "problem.create", "office", () => inTx((tx) => createProblem(tx, { ...plan(), input: problemInput(900) }))),
  path("updateProblem", "problem.update", "office", () => {
    const problemId = idWhere("problems where number = 1");
    return inTx((tx) => updateProblem(tx, { ...plan(), problemId, input: problemInput(1) }));
  }),
  path("deleteProblem (confirmCascade)", "problem.delete", "office", () => {
    const problemId = run((tx) => createProblem(tx, { ...plan(), input: problemInput(901) })).id;
    freshMeasure(problemId);
    return inTx((tx) => deleteProblem(tx, { ...plan(), problemId, confirmCascade: true, measureCount: 1 }));
  }),
  path("createMeasure", "measure.create", "office", () => {
    const problemId = idWhere("problems");
    return inTx((tx) => createMeasure(tx, { ...plan(), problemId, input: measureValues("新增措施") }));
  }),
  path("updateMeasure", "measure.update", "office", () => {
    const measureId = openEduMeasure();
    const version = t.one<number>("select version from measures where id = ?", measureId);
    return inTx((tx) => updateMeasure(tx, { ...plan(), measureId, version, input: measureValues("改写后的措施") }));
  }),
  path("deleteMeasure (fresh, no progress)", "measure.delete", "office", () => {
    const measureId = freshMeasure();
    return inTx((tx) => deleteMeasure(tx, { ...plan(), measureId }));
  }),
  path("moveMeasure", "measure.move", "office", () => {
    const measureId = idWhere("measures where position = 2");
    return inTx((tx) => moveMeasure(tx, { ...plan(), measureId, direction: "up" }));
  }),
  // rounds, units, import
  path("createRound", "round.create", "office", () => inTx((tx) => createRound(tx, { ...by("office"), input: roundInput("新一轮巡察整改") }))),
  path("updateRound", "round.update", "office", () =>
    inTx((tx) => updateRound(tx, { ...by("office"), roundId: t.roundId(), input: roundInput("改名后的轮次") })),
  ),
  path("createRound (with its escalation ladder)", "round.create", "office", () =>
    inTx((tx) => createRound(tx, { ...by("office"), input: { ...roundInput("设置了预警升级的轮次"), ...ladder } })),
  ),
  path("updateRound (with its escalation ladder)", "round.update", "office", () =>
    inTx((tx) => updateRound(tx, { ...by("office"), roundId: t.roundId(), input: { ...roundInput("改名后的轮次"), ...ladder } })),
  ),
  path("setRoundArchived (archive)", "round.archive", "office", () =>
    inTx((tx) => setRoundArchived(tx, { ...by("office"), roundId: t.roundId(), archived: true })),
  ),
  path("setRoundArchived (unarchive)", "round.unarchive", "office", () => {
    run((tx) => setRoundArchived(tx, { ...by("office"), roundId: t.roundId(), archived: true }));
    return inTx((tx) => setRoundArchived(tx, { ...by("office"), roundId: t.roundId(), archived: false }));
  }),
  path("importPlan (into an empty round)", "round.import", "office", () => {
    const roundId = run((tx) => createRound(tx, { ...by("office"), input: roundInput("导入的轮次") })).id;
    const params = { ...by("office"), authorId: ids.office, roundId, plan: smallPlan(), source: "台账.xlsx", today: TODAY };
    return inTx((tx) => importPlan(tx, params));
  }),
  path("createPlanFromDocument (into an empty round)", "round.import_document", "office", () => {
    const roundId = run((tx) => createRound(tx, { ...by("office"), input: roundInput("从文档导入的轮次") })).id;
    const problem = { title: "关于台账管理不规范的问题", description: "", status: "completed" as const, deadlineText: "2026年12月底", progressText: "已建立台账", measures: ["建立整改台账", "逐项对账销号"] };
    const params = { ...by("office"), authorId: ids.office, roundId, plan: { aspects: [{ name: "一、落实主体责任方面", problems: [problem] }] }, source: "整改方案.docx", today: TODAY };
    return inTx((tx) => createPlanFromDocument(tx, params));
  }),
  path("createUnit", "unit.create", "office", () =>
    inTx((tx) => createUnit(tx, { ...by("office"), input: { name: "区新设单位", kind: "government", parentId: null } })),
  ),
  path("setUnitHeads (account and contact)", "unit.set_heads", "office", () =>
    inTx((tx) => setUnitHeads(tx, { ...by("office"), unitId: edu(), deputy: { userId: ids.jiaoyu }, principal: { name: "郑局长", phone: "0755-27790000" } })),
  ),
  // user admin and API tokens
  path("createUserWithPassword", "user.create", "office", () => {
    const input = { username: "newbie", name: "新同事", role: "unit" as const, unitId: edu(), isAdmin: false };
    return inTx((tx) => createUserWithPassword(tx, { ...by("office"), passwordHash, input }));
  }),
  path("setUserDisabled (disable)", "user.disable", "office", () =>
    inTx((tx) => setUserDisabled(tx, { ...by("office"), userId: ids.jiaoyu, disabled: true })),
  ),
  path("setUserDisabled (enable)", "user.enable", "office", () => {
    run((tx) => setUserDisabled(tx, { ...by("office"), userId: ids.jiaoyu, disabled: true }));
    return inTx((tx) => setUserDisabled(tx, { ...by("office"), userId: ids.jiaoyu, disabled: false }));
  }),
  path("setUserPassword (admin reset)", "user.reset_password", "office", () =>
    inTx((tx) => setUserPassword(tx, { ...by("office"), userId: ids.jiaoyu, passwordHash, action: "user.reset_password" })),
  ),
  path("setUserPassword (own change)", "user.change_password", "jiaoyu", () => {
    const params = { ...by("jiaoyu"), userId: ids.jiaoyu, passwordHash, action: "user.change_password" as const, keepSessionToken: "now" };
    return inTx((tx) => setUserPassword(tx, params));
  }),
  path("createApiToken", "api_token.create", "office", () =>
    inTx((tx) => createApiToken(tx, { ...by("office"), userId: ids.jiaoyu, name: "数据对接", tokenHash: "a".repeat(64) })),
  ),
  path("revokeApiToken", "api_token.revoke", "office", () => {
    const tokenId = run((tx) => createApiToken(tx, { ...by("office"), userId: ids.jiaoyu, name: "对接", tokenHash: "b".repeat(64) })).id;
    return inTx((tx) => revokeApiToken(tx, { ...by("office"), tokenId }));
  }),
  // progress and review
  path("addProgressReport (lead claim)", "progress.claim", "jiaoyu", () => {
    const measureId = openEduMeasure();
    return inTx((tx) => leadClaim(tx, measureId));
  }),
  path("addProgressReport (co-unit update)", "progress.create", "xinan", () => {
    const unitId = t.unitIdOf("新安街道");
    const measureId = t.one<number>("select measure_id from measure_co_units where unit_id = ? order by measure_id limit 1", unitId);
    const params = { ...by("xinan"), measureId, unitId, isLead: false, currentStatus: "incomplete" as const, evidence: [] };
    return inTx((tx) => addProgressReport(tx, { ...params, input: report("incomplete") }));
  }),
  path("signOffClaim", "measure.sign_off", "office", () => {
    const reportId = pendingClaim();
    return inTx((tx) => signOffClaim(tx, { ...by("office"), reportId }));
  }),
  path("returnClaim", "claim.return", "office", () => {
    const reportId = pendingClaim();
    return inTx((tx) => returnClaim(tx, { ...by("office"), reportId, reason: "佐证材料不足" }));
  }),
  // the register of clues and petitions (issue 17)
  path("registerClue", "clue.register", "jijian", () =>
    inTx((tx) => registerClue(tx, { ...by("jijian"), roundId: t.roundId(), fields: clueFields("覆盖测试线索第1号") })),
  ),
  path("importClues (one row for the whole file)", "clue.import", "office", () =>
    inTx((tx) =>
      importClues(tx, { ...by("office"), roundId: t.roundId(), source: "线索台账.xlsx", rows: [clueFields("导入线索第1号"), clueFields("导入线索第2号")] }),
    ),
  ),
  path("advanceClue", "clue.advance", "jijian", () => {
    const clueId = run((tx) => registerClue(tx, { ...by("jijian"), roundId: t.roundId(), fields: clueFields("覆盖测试线索第2号") })).id;
    return inTx((tx) =>
      advanceClue(tx, {
        ...by("jijian"),
        input: { clueId, toStage: "preliminary", changeDate: TODAY, note: "开展初核", peopleHandled: 1, disciplined: 1, organizational: null, prosecuted: null },
      }),
    );
  }),
  // appeals (issue 16 item 5)
  path("submitReturnAppeal", "appeal.submit", "jiaoyu", () => {
    const reportId = returnedClaim();
    return inTx((tx) => submitReturnAppeal(tx, { ...by("jiaoyu"), unitId: edu(), reportId, reason: "退回理由与事实不符" }));
  }),
  path("submitOverdueAppeal", "appeal.submit", "jiaoyu", () =>
    inTx((tx) => submitOverdueAppeal(tx, { ...by("jiaoyu"), unitId: edu(), measureId: overdueEduMeasure(), reason: "审批延误", today: TODAY })),
  ),
  path("decideAppeal (return granted → claim pending)", "appeal.grant", "office", () => {
    const appealId = run((tx) => submitReturnAppeal(tx, { ...by("jiaoyu"), unitId: edu(), reportId: returnedClaim(), reason: "申诉" })).id;
    return inTx((tx) => decideAppeal(tx, { ...by("office"), appealId, decision: "granted", decisionReason: "退回有误", newDeadline: null, today: TODAY }));
  }),
  path("decideAppeal (overdue granted → new deadline)", "appeal.grant", "office", () => {
    const appealId = openOverdueAppeal();
    return inTx((tx) => decideAppeal(tx, { ...by("office"), appealId, decision: "granted", decisionReason: "同意延期", newDeadline: "2027-01-31", today: TODAY }));
  }),
  path("decideAppeal (rejected)", "appeal.reject", "office", () => {
    const appealId = openOverdueAppeal();
    return inTx((tx) => decideAppeal(tx, { ...by("office"), appealId, decision: "rejected", decisionReason: "理由不成立", newDeadline: null, today: TODAY }));
  }),
  // 整改成效评估 (issue 17 part 2): the demo round's evaluation was held ten days ago
  path("scheduleEvaluation", "evaluation.schedule", "office", () => {
    const roundId = run((tx) => createRound(tx, { ...by("office"), input: roundInput("待评估的轮次") })).id;
    return inTx((tx) => scheduleEvaluation(tx, { ...by("office"), roundId, templateId: "standard", scheduledDate: "2027-04-01" }));
  }),
  // 评估指标模板: the demo's county template is unused, so the office may change or delete it
  path("createEvaluationTemplate", "evaluation_template.create", "office", () =>
    inTx((tx) => createEvaluationTemplate(tx, { ...by("office"), input: { ...countyTemplate(), name: "某区巡察整改成效评估指标体系" } })),
  ),
  path("updateEvaluationTemplate", "evaluation_template.update", "office", () =>
    inTx((tx) => updateEvaluationTemplate(tx, { ...by("office"), templateId: countyTemplateId(), input: { ...countyTemplate(), monthsAfterFeedback: 12 } })),
  ),
  path("deleteEvaluationTemplate", "evaluation_template.delete", "office", () =>
    inTx((tx) => deleteEvaluationTemplate(tx, { ...by("office"), templateId: countyTemplateId() })),
  ),
  path("scoreUnit", "evaluation.score", "office", () => {
    const evaluationId = t.one<number>("select id from evaluations order by id limit 1");
    const indicatorId = t.one<number>("select id from evaluation_indicators order by id limit 1");
    // The lowest grade of the evaluation's own template (the demo holds another, unused).
    const gradeId = t.one<number>("select g.id from evaluation_grades g join evaluations e on e.template_id = g.template_id where e.id = ? order by g.position desc limit 1", evaluationId);
    return inTx((tx) => scoreUnit(tx, { ...by("office"), today: TODAY, evaluationId, unitId: edu(), grades: [{ indicatorId, gradeId }] }));
  }),
  path("issueRedCard (→ reopen)", "measure.reopen", "office", () => {
    const evaluationId = t.one<number>("select id from evaluations order by id limit 1");
    const measureId = t.one<number>(
      "select id from measures where status = 'completed' and round_id = (select round_id from evaluations where id = ?) and id not in (select measure_id from evaluation_red_cards) order by id limit 1",
      evaluationId,
    );
    return inTx((tx) => issueRedCard(tx, { ...by("office"), today: TODAY, evaluationId, measureId, kind: "perfunctory", reason: "佐证材料与实际不符" }));
  }),
  // look-backs
  path("scheduleLookBack", "look_back.schedule", "office", () => {
    const measureId = eligibleForLookBack();
    return inTx((tx) => scheduleLookBack(tx, { ...by("office"), measureId, scheduledDate: TODAY, today: TODAY }));
  }),
  path("recordLookBackResult (holds)", "look_back.record", "office", () => {
    const lookBackId = pendingLookBack();
    return inTx((tx) => recordLookBackResult(tx, { ...by("office"), lookBackId, result: "holds", note: "" }));
  }),
  path("recordLookBackResult (relapsed → reopen)", "measure.reopen", "office", () => {
    const lookBackId = pendingLookBack();
    return inTx((tx) => recordLookBackResult(tx, { ...by("office"), lookBackId, result: "relapsed", note: "问题反弹" }));
  }),
  // 建章立制: the office links a rule to a second problem, then a 回头看 there answers for it
  // (the answers travel in the look-back's one audit row, and in the reopen's).
  path("updateInstitution", "institution.update", "office", () => {
    const institutionId = idWhere("institutions");
    const problemIds = t.column<number>("select id from problems where round_id = ? order by number limit 2", t.roundId());
    return inTx((tx) => updateInstitution(tx, { ...by("office"), input: { institutionId, reviewDate: "2027-06-30", problemIds } }));
  }),
  path("recordLookBackResult (holds, with rules' answers)", "look_back.record", "office", () => {
    const lookBackId = pendingLookBack();
    const problemId = t.one<number>("select m.problem_id from look_backs l join measures m on m.id = l.measure_id where l.id = ?", lookBackId);
    const institutionId = idWhere("institutions");
    run((tx) => updateInstitution(tx, { ...by("office"), input: { institutionId, reviewDate: "2027-06-30", problemIds: [problemId] } }));
    const checks = [{ institutionId, applied: "partly" as const, note: "部分企业未落实" }];
    return inTx((tx) => recordLookBackResult(tx, { ...by("office"), lookBackId, result: "holds", note: "", institutionChecks: checks }));
  }),
  path("recordLookBackResult (relapsed, a rule 未执行)", "measure.reopen", "office", () => {
    const lookBackId = pendingLookBack();
    const problemId = t.one<number>("select m.problem_id from look_backs l join measures m on m.id = l.measure_id where l.id = ?", lookBackId);
    const institutionId = idWhere("institutions");
    run((tx) => updateInstitution(tx, { ...by("office"), input: { institutionId, reviewDate: "2027-06-30", problemIds: [problemId] } }));
    const checks = [{ institutionId, applied: "not_applied" as const, note: "" }];
    return inTx((tx) => recordLookBackResult(tx, { ...by("office"), lookBackId, result: "relapsed", note: "制度未执行", institutionChecks: checks }));
  }),
  // supervision notices
  path("issueNotice", "notice.issue", "office", () => {
    const measureIds = [openEduMeasure()];
    const input = { roundId: t.roundId(), unitId: edu(), measureIds, level: "supervise" as const, request: "请报送进展", replyDeadline: "2026-12-01" };
    return () => t.db.transaction((tx) => issueNotice(tx, { ...by("office"), input, today: TODAY }), { behavior: "immediate" });
  }),
  path("replyNotice", "notice.reply", "jiaoyu", () => {
    const noticeId = seededNotice();
    return inTx((tx) => replyNotice(tx, { ...by("jiaoyu"), unitIds: [edu()], noticeId, reply: "已按要求报送" }));
  }),
  path("closeNotice", "notice.close", "office", () => {
    const noticeId = seededNotice();
    return inTx((tx) => closeNotice(tx, { ...by("office"), noticeId }));
  }),
  // 督办单 drafted by the escalation ladder
  path("confirmDraft", "notice.issue_draft", "office", () => {
    const draftId = pendingDraft();
    return () => t.db.transaction((tx) => confirmDraft(tx, { ...by("office"), draftId, today: TODAY }), { behavior: "immediate" });
  }),
  path("dismissDraft", "notice_draft.dismiss", "office", () => {
    const draftId = pendingDraft();
    return inTx((tx) => dismissDraft(tx, { ...by("office"), draftId }));
  }),
  // notifications; the reminder functions open their own transaction
  path("markNotificationsRead (ids)", "notification.read", "jiaoyu", () => {
    const id = newUnread();
    return inTx((tx) => markNotificationsRead(tx, { userId: ids.jiaoyu, target: { ids: [id] } }));
  }),
  path("markNotificationsRead (all)", "notification.read_all", "jiaoyu", () => {
    newUnread();
    return inTx((tx) => markNotificationsRead(tx, { userId: ids.jiaoyu, target: { all: true } }));
  }),
  // the chain above the office: reviewers, submitted versions, decisions, comments
  path("setRoundReviewers", "round.assign_reviewers", "office", () =>
    inTx((tx) => setRoundReviewers(tx, { ...plan(), userIds: [ids.ducha] })),
  ),
  path("setUnitsSeeUnapprovedPlan", "round.update", "office", () =>
    inTx((tx) => setUnitsSeeUnapprovedPlan(tx, { ...plan(), value: false })),
  ),
  path("insertSubmission (plan)", "submission.submit", "office", () =>
    inTx((tx) => insertSubmission(tx, { ...plan(), kind: "plan", content: currentPlanVersion(tx, { roundId: t.roundId() }), note: "第一版" })),
  ),
  path("decideSubmission (approve)", "submission.approve", "ducha", () => {
    const id = submittedPlan();
    return inTx((tx) => decideSubmission(tx, { ...by("ducha"), roundId: t.roundId(), id, approve: true, note: "" }));
  }),
  path("decideSubmission (return)", "submission.return", "ducha", () => {
    const id = submittedPlan();
    return inTx((tx) => decideSubmission(tx, { ...by("ducha"), roundId: t.roundId(), id, approve: false, note: "请修改" }));
  }),
  path("insertReviewComment (new thread)", "review_comment.create", "ducha", () => inTx((tx) => insertReviewComment(tx, commentArgs(null)))),
  path("insertReviewComment (reply)", "review_comment.reply", "office", () => {
    const threadId = run((tx) => insertReviewComment(tx, commentArgs(null))).id;
    return inTx((tx) => insertReviewComment(tx, { ...commentArgs(threadId), ...by("office"), body: "已修改" }));
  }),
  path("resolveThread", "review_comment.resolve", "ducha", () => {
    const threadId = run((tx) => insertReviewComment(tx, commentArgs(null))).id;
    return inTx((tx) => resolveThread(tx, { ...by("ducha"), roundId: t.roundId(), threadId }));
  }),
  // 群众满意度测评: the office's writes, and the public's answer by an anonymous actor
  path("createSurvey", "survey.create", "office", () => {
    const roundId = run((tx) => createRound(tx, { ...by("office"), input: roundInput("新测评的轮次") })).id;
    const aspectId = run((tx) => createAspect(tx, { actorId: ids.office, roundId, input: { name: "一、方面" } })).id;
    return inTx((tx) => createSurvey(tx, { ...by("office"), input: surveyInput(roundId, aspectId), token: "n".repeat(24), salt: "s" }));
  }),
  path("setSurveyState (open a draft)", "survey.open", "office", () => {
    const { surveyId } = surveyIn("draft");
    return inTx((tx) => setSurveyState(tx, { ...by("office"), surveyId, state: "open" }));
  }),
  path("setSurveyState (reopen a closed one)", "survey.open", "office", () => {
    const { surveyId } = surveyIn("closed");
    return inTx((tx) => setSurveyState(tx, { ...by("office"), surveyId, state: "open" }));
  }),
  path("setSurveyState (close)", "survey.close", "office", () => {
    const { surveyId } = surveyIn("open");
    return inTx((tx) => setSurveyState(tx, { ...by("office"), surveyId, state: "closed" }));
  }),
  path("recordSurveyResponse (anonymous)", "survey.respond", null, () => {
    const { surveyId, questionId } = surveyIn("open");
    const answer = { surveyId, deviceHash: "d".repeat(64), answers: [{ questionId, choice: "satisfied" as const }], comment: "希望长期坚持" };
    return inTx((tx) => recordSurveyResponse(tx, answer));
  }),
  // 纸质问卷批次: entered on a closed survey (paper arrives late), corrected, deleted
  path("createPaperBatch", "survey_paper_batch.create", "office", () => {
    const { surveyId } = surveyIn("closed");
    return inTx((tx) => createPaperBatch(tx, { ...by("office"), input: paperBatchInput(surveyId, "新安街道 第1批") }));
  }),
  path("updatePaperBatch", "survey_paper_batch.update", "office", () => {
    const { surveyId } = surveyIn("open");
    const batchId = run((tx) => createPaperBatch(tx, { ...by("office"), input: paperBatchInput(surveyId, "第1批") })).id;
    return inTx((tx) => updatePaperBatch(tx, { ...by("office"), input: { ...paperBatchInput(surveyId, "第1批(更正)"), batchId } }));
  }),
  path("deletePaperBatch", "survey_paper_batch.delete", "office", () => {
    const { surveyId } = surveyIn("open");
    const batchId = run((tx) => createPaperBatch(tx, { ...by("office"), input: paperBatchInput(surveyId, "第1批") })).id;
    return inTx((tx) => deletePaperBatch(tx, { ...by("office"), surveyId, batchId }));
  }),
  // 反弹回潮 (issue 18): the demo round's 第10号问题 repeats the archived 2018 round's 第2号
  path("markRecurrence", "problem.mark_recurrence", "office", () => {
    const [problemId, earlierProblemId] = seededRepeat();
    return inTx((tx) => markRecurrence(tx, { ...by("office"), problemId, earlierProblemId }));
  }),
  path("unmarkRecurrence", "problem.unmark_recurrence", "office", () => {
    const [problemId, earlierProblemId] = seededRepeat();
    run((tx) => markRecurrence(tx, { ...by("office"), problemId, earlierProblemId }));
    return inTx((tx) => unmarkRecurrence(tx, { ...by("office"), problemId }));
  }),
  // 整改资料归档 (issue 19): a package asked for, finished, failed, found interrupted, downloaded
  path("insertArchivePackage", "archive_package.create", "office", () =>
    inTx((tx) => insertArchivePackage(tx, { ...by("office"), roundId: t.roundId(), fileName: "档案.zip" })),
  ),
  path("finishArchivePackage (ready)", "archive_package.complete", "office", () => {
    const id = building();
    const done = { files: 3, bytes: 100, sha256: "a".repeat(64), manifestSha256: "b".repeat(64), ledgerChecksum: "c".repeat(64) };
    return inTx((tx) => finishArchivePackage(tx, { ...by("office"), id, state: "ready", ...done }));
  }),
  path("finishArchivePackage (failed)", "archive_package.fail", "office", () => {
    const id = building();
    return inTx((tx) => finishArchivePackage(tx, { ...by("office"), id, state: "failed", error: "磁盘已满" }));
  }),
  path("failInterruptedPackages (one row per package)", "archive_package.fail", null, () => {
    building();
    return inTx((tx) => failInterruptedPackages(tx));
  }),
  path("recordArchiveDownload", "archive_package.download", "office", () => {
    const id = building();
    return inTx((tx) => recordArchiveDownload(tx, { ...by("office"), id, roundId: t.roundId(), sha256: null }));
  }),
  // 共性问题: the 专项治理 round, its problem and measures and the links are one act, one row.
  path("createCommonProblem", "common_problem.create", "office", () => {
    const [a, b] = t.column<number>("select id from problems order by id limit 2");
    const input = {
      title: "共性问题", description: "", problemIds: [a!, b!], leadUnitId: edu(), deadline: "2027-03-31",
      measures: [{ text: "专项治理措施", leadUnitId: edu(), deadline: "2027-01-31" }],
    };
    return inTx((tx) => createCommonProblem(tx, { ...by("office"), officeName: "区委巡视整改办", today: TODAY, input }));
  }),
  path("runReminders (one row per run, escalation ladder included)", "reminders.run", null, () => () => runReminders(t.db, { today: TODAY })),
  path("runReminders (a Monday: leaders' digests too)", "reminders.run", null, () => {
    // 区教育局's liaison stands in as its 分管领导, so last week's steps reached a head.
    run((tx) => setUnitHeads(tx, { ...by("office"), unitId: edu(), deputy: { userId: ids.jiaoyu }, principal: null }));
    runReminders(t.db, { today: TODAY });
    return () => expect(runReminders(t.db, { today: "2026-11-23" }).digests).toBe(1);
  }),
  path("remindMissingReports", "reporting.remind", "office", () => () =>
    remindMissingReports(t.db, { ...by("office"), roundId: t.roundId(), today: TODAY }),
  ),
];

describe("every write path appends exactly one audit row", () => {
  it.each(writePaths)("$name → $action", ({ action, actor, arrange }) => {
    const write = arrange();
    const { grew, rows } = measure(write);
    expect(grew).toBe(1);
    expect(rows).toEqual([{ action, actorId: actor === null ? null : ids[actor] }]);
  });
});

describe("a write that fails inside its transaction", () => {
  it("leaves neither the change nor an audit row", () => {
    const count = (table: string) => t.one<number>(`select count(*) from ${table}`);
    const [users, accounts] = [count("users"), count("accounts")];
    const input = { username: "doomed", name: "回滚", role: "unit" as const, unitId: edu(), isAdmin: false };
    const { grew } = measure(() =>
      expect(() =>
        t.db.transaction((tx) => {
          createUserWithPassword(tx, { ...by("office"), passwordHash, input });
          throw new Error("a later step failed");
        }),
      ).toThrow("a later step failed"),
    );
    expect(grew).toBe(0);
    expect([count("users"), count("accounts")]).toEqual([users, accounts]);
    expect(t.one<number>("select count(*) from users where username = 'doomed'")).toBe(0);
  });
});
