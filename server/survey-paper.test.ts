import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { listPaperBatches } from "@/db/queries/survey-paper";
import { collectedForms, surveyResults } from "@/db/queries/surveys";
import { overall } from "@/lib/survey";
import type { PaperCount } from "@/lib/validations/survey-paper";
import { seededTestDb } from "@/testing/seeded-db";
import { expectRefusedUnchanged } from "@/testing/table-dump";

// 纸质问卷批次 (issue 17), the office's use cases on the seeded demo: enter a batch, correct
// it, delete it — on a survey of any state, a closed one too — each with one audit row;
// refused in Chinese with the database unchanged: a question counted beyond the forms, a
// 题号 the survey lacks, another survey's batch, a label used twice, a unit or a leader.

const state = vi.hoisted(() => ({ db: undefined as DB | undefined }));
vi.mock("@/db", () => ({
  get db() {
    return state.db;
  },
}));

const { addPaperBatch, correctPaperBatch, removePaperBatch } = await import("@/server/survey-paper");
const { createSurvey, setSurveyState } = await import("@/server/surveys");
const { actorOf } = await import("@/server/session");

let t: Awaited<ReturnType<typeof seededTestDb>>;
const as = (username: string) => actorOf(t.one<string>("select id from users where username = ?", username))!;

beforeEach(async () => {
  t = await seededTestDb("2026-11-20");
  state.db = t.db;
});
afterEach(() => t.cleanup());

const expectRefused = (write: () => unknown, error: RegExp) => expectRefusedUnchanged(t.sqlite, write, error, ["sqlite_sequence"]);
const auditRows = () => t.one<number>("select count(*) from audit_log");

/** A round of its own with two aspects and a survey asking about both, in the given state. */
function survey(name: string, surveyState: "draft" | "open" | "closed" = "open") {
  const office = as("office");
  t.sqlite.prepare("insert into rounds (name, kind, inspecting_body, inspected_body, created_at, updated_at) values (?, 'patrol', '区委巡察组', '区教育局', 0, 0)").run(name);
  const roundId = t.one<number>("select max(id) from rounds");
  for (const [i, aspect] of ["一、政治建设方面", "二、作风建设方面"].entries()) {
    t.sqlite.prepare("insert into aspects (round_id, position, name, created_at, updated_at) values (?, ?, ?, 0, 0)").run(roundId, i + 1, aspect);
  }
  const aspectIds = t.column<number>("select id from aspects where round_id = ? order by position", roundId);
  const { id } = createSurvey(office, { roundId, title: `${name}满意度测评`, intro: "", aspectIds, problemIds: [] });
  if (surveyState !== "draft") setSurveyState(office, { surveyId: id, state: "open" });
  if (surveyState === "closed") setSurveyState(office, { surveyId: id, state: "closed" });
  return { roundId, surveyId: id };
}

const cells = (position: number, [satisfied, basically, dissatisfied, unknown]: number[]): PaperCount[] =>
  (
    [
      ["satisfied", satisfied],
      ["basically_satisfied", basically],
      ["dissatisfied", dissatisfied],
      ["unknown", unknown],
    ] as const
  )
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([choice, count]) => ({ position, choice, count: count! }));

const batch = (surveyId: number, label: string, forms: number, counts: PaperCount[]) => ({ surveyId, label, collectedOn: "2026-11-18", forms, counts });

describe("录入、更正、删除纸质问卷批次", () => {
  it("测评关闭后仍可录入;结果把纸质与网上相加,未作答不计入", () => {
    const { surveyId } = survey("纸质问卷已关闭的轮次", "closed");
    const before = auditRows();
    const { id } = addPaperBatch(as("office"), batch(surveyId, "新安街道 第1批", 30, [...cells(1, [20, 5, 2, 1]), ...cells(2, [10, 10, 0, 0])]));
    expect(auditRows()).toBe(before + 1);
    expect(collectedForms(t.db, { surveyId })).toEqual({ online: 0, paper: 30 });
    const [first, second] = surveyResults(t.db, { surveyId });
    expect(first).toMatchObject({ paper: { satisfied: 20, basically_satisfied: 5, dissatisfied: 2, unknown: 1 }, online: { satisfied: 0 } });
    expect(second!.counts).toEqual({ satisfied: 10, basically_satisfied: 10, dissatisfied: 0, unknown: 0 });
    expect(overall(surveyResults(t.db, { surveyId }))).toMatchObject({ answered: 48, paper: 48, online: 0, rate: 45 / 47 });
    expect(listPaperBatches(t.db, { surveyId, limit: 10 })).toEqual([
      { id, label: "新安街道 第1批", collectedOn: "2026-11-18", forms: 30, counts: [...cells(1, [20, 5, 2, 1]), ...cells(2, [10, 10, 0, 0])] },
    ]);
    const audit = t.sqlite.prepare("select action, entity, actor_id, after from audit_log order by id desc limit 1").get() as Record<string, string>;
    expect(audit).toMatchObject({ action: "survey_paper_batch.create", entity: "survey_paper_batch", actor_id: as("office").id });
    expect(JSON.parse(audit.after!)).toMatchObject({ forms: 30, tallies: "第1题 满意20 基本满意5 不满意2 不了解1;第2题 满意10 基本满意10" });
  });

  it("尚未开放的测评也可录入(只发纸质问卷的测评)", () => {
    const { surveyId } = survey("只发纸质问卷的轮次", "draft");
    addPaperBatch(as("office"), batch(surveyId, "社区 第1批", 5, cells(1, [5, 0, 0, 0])));
    expect(collectedForms(t.db, { surveyId }).paper).toBe(5);
  });

  it("更正替换全部份数,删除扣除该批,各记一条日志", () => {
    const { surveyId } = survey("更正纸质问卷的轮次");
    const { id } = addPaperBatch(as("office"), batch(surveyId, "第1批", 10, cells(1, [10, 0, 0, 0])));
    const before = auditRows();
    correctPaperBatch(as("office"), { ...batch(surveyId, "第1批(更正)", 12, cells(2, [1, 1, 1, 1])), batchId: id });
    expect(auditRows()).toBe(before + 1);
    const [first, second] = surveyResults(t.db, { surveyId });
    expect(first!.paper.satisfied).toBe(0);
    expect(second!.paper).toEqual({ satisfied: 1, basically_satisfied: 1, dissatisfied: 1, unknown: 1 });
    expect(collectedForms(t.db, { surveyId }).paper).toBe(12);
    const update = t.sqlite.prepare("select before, after from audit_log order by id desc limit 1").get() as Record<string, string>;
    expect(JSON.parse(update.before!)).toMatchObject({ label: "第1批", forms: 10, tallies: "第1题 满意10" });
    expect(JSON.parse(update.after!)).toMatchObject({ label: "第1批(更正)", forms: 12 });

    removePaperBatch(as("office"), { surveyId, batchId: id });
    expect(auditRows()).toBe(before + 2);
    expect(collectedForms(t.db, { surveyId }).paper).toBe(0);
    expect(t.one<number>("select count(*) from survey_paper_counts where batch_id = ?", id)).toBe(0);
  });
});

describe("拒绝,数据库不变", () => {
  it("一题合计多于份数", () => {
    const { surveyId } = survey("份数不足的轮次");
    expectRefused(() => addPaperBatch(as("office"), batch(surveyId, "第1批", 10, cells(1, [8, 2, 1, 0]))), /第 1 题各项合计 11 份,多于本批的 10 份/);
  });

  it("问卷没有的题号", () => {
    const { surveyId } = survey("两道题的轮次");
    expectRefused(() => addPaperBatch(as("office"), batch(surveyId, "第1批", 10, cells(3, [1, 0, 0, 0]))), /本问卷没有第 3 题/);
  });

  it("另一轮次测评的批次:不能借本测评更正或删除", () => {
    const mine = survey("本轮次");
    const other = survey("另一轮次");
    const { id } = addPaperBatch(as("office"), batch(other.surveyId, "他处 第1批", 10, cells(1, [10, 0, 0, 0])));
    expectRefused(() => correctPaperBatch(as("office"), { ...batch(mine.surveyId, "第1批", 10, cells(1, [1, 0, 0, 0])), batchId: id }), /不属于本测评/);
    expectRefused(() => removePaperBatch(as("office"), { surveyId: mine.surveyId, batchId: id }), /不属于本测评/);
    expectRefused(() => removePaperBatch(as("office"), { surveyId: mine.surveyId, batchId: 987654321 }), /未找到该纸质问卷批次/);
  });

  it("同一测评中批次名称重复", () => {
    const { surveyId } = survey("重名批次的轮次");
    addPaperBatch(as("office"), batch(surveyId, "第1批", 10, cells(1, [1, 0, 0, 0])));
    expectRefused(() => addPaperBatch(as("office"), batch(surveyId, "第1批", 3, cells(1, [1, 0, 0, 0]))), /已有名为“第1批”的批次/);
  });

  it("不存在的测评", () => {
    expectRefused(() => addPaperBatch(as("office"), batch(987654321, "第1批", 10, cells(1, [1, 0, 0, 0]))), /未找到该满意度测评/);
  });

  it.each(["xinan", "leader", "ducha"])("%s 不能录入、更正或删除", (username) => {
    const { surveyId } = survey(`${username}的轮次`);
    const { id } = addPaperBatch(as("office"), batch(surveyId, "第1批", 10, cells(1, [1, 0, 0, 0])));
    expectRefused(() => addPaperBatch(as(username), batch(surveyId, "第2批", 10, cells(1, [1, 0, 0, 0]))), /权限|无权/);
    expectRefused(() => correctPaperBatch(as(username), { ...batch(surveyId, "第1批", 10, cells(1, [2, 0, 0, 0])), batchId: id }), /权限|无权/);
    expectRefused(() => removePaperBatch(as(username), { surveyId, batchId: id }), /权限|无权/);
  });
});
