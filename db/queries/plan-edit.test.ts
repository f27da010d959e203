import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTestDb } from "@/testing/test-db";
import type { DB } from "../client";
import { auditLog, measureCoUnits, measures, problems, progressReports, users } from "../schema";
import {
  createAspect,
  createMeasure,
  createProblem,
  deleteAspect,
  deleteMeasure,
  deleteProblem,
  moveAspect,
  moveAspectProblems,
  moveMeasure,
  renameAspect,
  updateMeasure,
  updateProblem,
  type MeasureValues,
} from "./plan-edit";
import { createRound } from "./rounds";
import { createUnit } from "./units";

let db: DB;
let cleanup: () => void;
let roundId: number;
let unit: Record<"lead" | "co1" | "co2", number>;
const actorId = "office-1";

beforeEach(() => {
  ({ db, cleanup } = createTestDb());
  roundId = createRound(db, {
    actorId: null,
    input: {
      name: "区委第一巡察组巡察区教育局反馈意见整改",
      kind: "patrol",
      inspectingBody: "区委第一巡察组",
      inspectedBody: "区教育局",
      inspectedUnitId: null,
      inspectionStart: null,
      inspectionEnd: null,
      feedbackDate: "2026-03-01",
      deadline: null,
      dueSoonDays: 7,
    },
  }).id;
  const add = (name: string) => createUnit(db, { actorId: null, input: { name, kind: "government", parentId: null } }).id;
  unit = { lead: add("区教育局"), co1: add("区财政局"), co2: add("区人力资源局") };
});
afterEach(() => cleanup());

const ctx = () => ({ actorId, roundId });
const auditActions = () => db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, actorId)).all().map((r) => r.action);
const problemInput = (number: number, aspectId: number | null = null) => ({
  number,
  title: `问题${number}`,
  description: "",
  leadLeader: "张三",
  leadUnitId: unit.lead,
  aspectId,
});
const measureInput = (text: string, coUnitIds: number[] = []): MeasureValues => ({
  text,
  goal: "",
  leadUnitId: unit.lead,
  coUnitIds,
  deadline: "2026-12-31",
  deadlineKind: "ongoing",
  deadlineText: "2026年12月底,并长期坚持",
  category: "time_limited",
});
const statusOf = (problemId: number) => db.select().from(problems).where(eq(problems.id, problemId)).get()!.status;
const signOff = (measureId: number, status: "completed" | "basically_completed") =>
  db.update(measures).set({ status }).where(eq(measures.id, measureId)).run();
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
  return "no error";
};

/** A problem with two measures, the way most tests start. */
function problemWithMeasures() {
  const aspect = createAspect(db, { ...ctx(), input: { name: "党的领导方面" } });
  const problem = createProblem(db, { ...ctx(), input: problemInput(1, aspect.id) });
  const m1 = createMeasure(db, { ...ctx(), problemId: problem.id, input: measureInput("措施一", [unit.co1, unit.co2]) });
  const m2 = createMeasure(db, { ...ctx(), problemId: problem.id, input: measureInput("措施二") });
  return { aspect, problem, m1, m2 };
}

describe("audit trail", () => {
  it("writes exactly one audit row per action, naming it", () => {
    const a1 = createAspect(db, { ...ctx(), input: { name: "方面一" } });
    const a2 = createAspect(db, { ...ctx(), input: { name: "方面二" } });
    renameAspect(db, { ...ctx(), aspectId: a1.id, input: { name: "方面一(改)" } });
    moveAspect(db, { ...ctx(), aspectId: a2.id, direction: "up" });
    const p = createProblem(db, { ...ctx(), input: problemInput(1, a1.id) });
    updateProblem(db, { ...ctx(), problemId: p.id, input: { ...problemInput(1, a1.id), title: "新标题" } });
    const m1 = createMeasure(db, { ...ctx(), problemId: p.id, input: measureInput("措施一", [unit.co1]) });
    const m2 = createMeasure(db, { ...ctx(), problemId: p.id, input: measureInput("措施二") });
    updateMeasure(db, { ...ctx(), measureId: m1.id, version: 1, input: measureInput("措施一(改)", [unit.co2]) });
    moveMeasure(db, { ...ctx(), measureId: m2.id, direction: "up" });
    deleteMeasure(db, { ...ctx(), measureId: m1.id });
    moveAspectProblems(db, { ...ctx(), aspectId: a1.id, targetAspectId: a2.id });
    deleteAspect(db, { ...ctx(), aspectId: a1.id });
    deleteProblem(db, { ...ctx(), problemId: p.id, confirmCascade: true });
    expect(auditActions()).toEqual([
      "aspect.create",
      "aspect.create",
      "aspect.update",
      "aspect.move",
      "problem.create",
      "problem.update",
      "measure.create",
      "measure.create",
      "measure.update",
      "measure.move",
      "measure.delete",
      "aspect.move_problems",
      "aspect.delete",
      "problem.delete",
    ]);
  });

  it("records before and after of a measure edit, co-units included", () => {
    const { m1 } = problemWithMeasures();
    updateMeasure(db, { ...ctx(), measureId: m1.id, version: 1, input: measureInput("措施一(改)", [unit.co2]) });
    const row = db.select().from(auditLog).where(eq(auditLog.action, "measure.update")).get()!;
    expect(row.before).toMatchObject({ text: "措施一", version: 1, coUnitIds: [unit.co1, unit.co2].sort((a, b) => a - b) });
    expect(row.after).toMatchObject({ text: "措施一(改)", version: 2, coUnitIds: [unit.co2] });
  });

  it("a move at the end changes nothing and writes nothing", () => {
    const { m1 } = problemWithMeasures();
    const before = auditActions().length;
    expect(moveMeasure(db, { ...ctx(), measureId: m1.id, direction: "up" })).toBe(false);
    expect(auditActions()).toHaveLength(before);
  });
});

describe("updateMeasure", () => {
  it("refuses a stale version and keeps the other editor's change", () => {
    const { m1 } = problemWithMeasures();
    updateMeasure(db, { ...ctx(), measureId: m1.id, version: 1, input: measureInput("甲的修改") });
    const rows = auditActions().length;
    expect(codeOf(() => db.transaction((tx) => updateMeasure(tx, { ...ctx(), measureId: m1.id, version: 1, input: measureInput("乙的修改") })))).toBe(
      "CONFLICT: 该事项已被他人修改,请刷新后重试",
    );
    const stored = db.select().from(measures).where(eq(measures.id, m1.id)).get()!;
    expect(stored).toMatchObject({ text: "甲的修改", version: 2 });
    expect(auditActions()).toHaveLength(rows);
  });

  it("replaces the set of co-units", () => {
    const { m1 } = problemWithMeasures();
    updateMeasure(db, { ...ctx(), measureId: m1.id, version: 1, input: measureInput("措施一", [unit.co2]) });
    const co = db.select().from(measureCoUnits).where(eq(measureCoUnits.measureId, m1.id)).all();
    expect(co.map((c) => c.unitId)).toEqual([unit.co2]);
  });
});

describe("deleteProblem", () => {
  it("refuses to delete a problem with measures unless the cascade is confirmed", () => {
    const { problem } = problemWithMeasures();
    expect(codeOf(() => deleteProblem(db, { ...ctx(), problemId: problem.id, confirmCascade: false }))).toBe(
      "CONFLICT: 第 1 号问题下有 2 项整改措施,须确认一并删除后才能删除该问题",
    );
    expect(db.select().from(measures).all()).toHaveLength(2);
    expect(codeOf(() => deleteProblem(db, { ...ctx(), problemId: problem.id, confirmCascade: true, measureCount: 1 }))).toMatch(/现有 2 项/);

    deleteProblem(db, { ...ctx(), problemId: problem.id, confirmCascade: true, measureCount: 2 });
    expect(db.select().from(problems).all()).toHaveLength(0);
    expect(db.select().from(measures).all()).toHaveLength(0);
    expect(db.select().from(measureCoUnits).all()).toHaveLength(0);
    const row = db.select().from(auditLog).where(eq(auditLog.action, "problem.delete")).get()!;
    expect(row.before).toMatchObject({ number: 1, measures: [{ text: "措施一", coUnitIds: expect.any(Array) }, { text: "措施二" }] });
  });

  it("never deletes measures that carry progress reports", () => {
    const { problem, m1 } = problemWithMeasures();
    db.insert(users).values({ id: "u1", name: "林教育", email: "jiaoyu@example.invalid", username: "jiaoyu", unitId: unit.lead, role: "unit" }).run();
    db.insert(progressReports)
      .values({ measureId: m1.id, unitId: unit.lead, authorId: "u1", reportDate: "2026-04-01", text: "已完成", claimedStatus: "completed" })
      .run();
    expect(codeOf(() => deleteProblem(db, { ...ctx(), problemId: problem.id, confirmCascade: true }))).toMatch(/1 条整改动态/);
    expect(codeOf(() => deleteMeasure(db, { ...ctx(), measureId: m1.id }))).toMatch(/1 条整改动态/);
  });
});

describe("deleteAspect", () => {
  it("is refused while the aspect holds problems, and says how many", () => {
    const { aspect } = problemWithMeasures();
    expect(codeOf(() => deleteAspect(db, { ...ctx(), aspectId: aspect.id }))).toMatch(/下还有 1 个问题,不能删除/);
    const other = createAspect(db, { ...ctx(), input: { name: "作风建设方面" } });
    expect(moveAspectProblems(db, { ...ctx(), aspectId: aspect.id, targetAspectId: other.id })).toBe(1);
    deleteAspect(db, { ...ctx(), aspectId: aspect.id });
    expect(db.select().from(problems).get()!.aspectId).toBe(other.id);
  });
});

describe("problem status", () => {
  it("is recomputed from the measures after each create, update and delete", () => {
    const { problem, m1, m2 } = problemWithMeasures();
    expect(statusOf(problem.id)).toBe("incomplete");
    signOff(m1.id, "completed");
    signOff(m2.id, "completed");
    const m3 = createMeasure(db, { ...ctx(), problemId: problem.id, input: measureInput("措施三") });
    expect(m3.status).toBe("incomplete");
    expect(statusOf(problem.id)).toBe("incomplete");
    deleteMeasure(db, { ...ctx(), measureId: m3.id });
    expect(statusOf(problem.id)).toBe("completed");
    signOff(m2.id, "basically_completed");
    updateMeasure(db, { ...ctx(), measureId: m2.id, version: 1, input: measureInput("措施二(改)") });
    expect(statusOf(problem.id)).toBe("basically_completed");
  });
});

describe("problem numbers", () => {
  it("are unique within a round, on create and on update", () => {
    const p1 = createProblem(db, { ...ctx(), input: problemInput(1) });
    createProblem(db, { ...ctx(), input: problemInput(2) });
    const error = (() => {
      try {
        createProblem(db, { ...ctx(), input: problemInput(2) });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { number: ["本轮已有第 2 号问题,请换一个序号"] } });
    expect(codeOf(() => updateProblem(db, { ...ctx(), problemId: p1.id, input: problemInput(2) }))).toMatch(/已有第 2 号问题/);
    expect(codeOf(() => updateProblem(db, { ...ctx(), problemId: p1.id, input: problemInput(1) }))).toBe("no error");
  });
});

describe("ordering", () => {
  it("swaps neighbours on move and closes the gap on delete", () => {
    const { problem, m1, m2 } = problemWithMeasures();
    const m3 = createMeasure(db, { ...ctx(), problemId: problem.id, input: measureInput("措施三") });
    const order = () =>
      db.select({ text: measures.text, position: measures.position }).from(measures).where(eq(measures.problemId, problem.id)).orderBy(measures.position).all();
    moveMeasure(db, { ...ctx(), measureId: m3.id, direction: "up" });
    expect(order().map((m) => m.text)).toEqual(["措施一", "措施三", "措施二"]);
    deleteMeasure(db, { ...ctx(), measureId: m1.id });
    expect(order()).toEqual([
      { text: "措施三", position: 1 },
      { text: "措施二", position: 2 },
    ]);
    expect(db.select().from(measures).where(eq(measures.id, m2.id)).get()!.version).toBe(1);
  });

  it("cannot reach into another round", () => {
    const { m1 } = problemWithMeasures();
    expect(codeOf(() => deleteMeasure(db, { actorId, roundId: roundId + 1, measureId: m1.id }))).toMatch(/^NOT_FOUND/);
  });
});
