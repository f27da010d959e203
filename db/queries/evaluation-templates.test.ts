import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTY_TEMPLATE } from "@/db/seed/demo-evaluation-template";
import { STANDARD_TEMPLATE, templateIssues, type TemplateContent } from "@/lib/evaluation-template";
import { seededTestDb } from "@/testing/seeded-db";
import { createEvaluationTemplate, deleteEvaluationTemplate, listTemplatesWithUse, templateDetail, updateEvaluationTemplate } from "./evaluation-templates";
import { evaluationOfRound, scheduleEvaluation, scoreUnit } from "./evaluations";
import { createRound } from "./rounds";

// 评估指标模板 on the seeded demo: the standard set (used by the demo round's evaluation) and a
// county's own set (unused).
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId = "";

beforeAll(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one("select id from users where username = 'office'");
});
afterAll(() => t.cleanup());

const auditCount = () => t.one<number>("select count(*) from audit_log");
const snapshot = () => t.sqlite.prepare("select * from evaluation_templates t left join evaluation_indicators i on i.template_id = t.id order by t.id, i.id").all();
const standardId = () => t.one<number>("select id from evaluation_templates where built_in = 1");
const countyId = () => t.one<number>("select id from evaluation_templates where name = ?", COUNTY_TEMPLATE.name);
const own = (name: string): TemplateContent => ({
  name,
  monthsAfterFeedback: 6,
  areas: [
    { name: "组织领导", indicators: [{ name: "专题研究部署", description: "查阅会议纪要", weight: 50 }] },
    { name: "问题整改", indicators: [{ name: "按期销号", description: "", weight: 30 }, { name: "建章立制", description: "", weight: 20 }] },
  ],
  grades: [
    { name: "优", factor: 1 },
    { name: "良", factor: 0.7 },
    { name: "差", factor: 0.4 },
  ],
});
const create = (content: TemplateContent) => t.db.transaction((tx) => createEvaluationTemplate(tx, { actorId: officeId, input: content }));
const update = (templateId: number, content: TemplateContent) => t.db.transaction((tx) => updateEvaluationTemplate(tx, { actorId: officeId, templateId, input: content }));

describe("the list", () => {
  it("shows the standard set first, used, and the county set unused, with their counts", () => {
    const [standard, county] = listTemplatesWithUse(t.db);
    expect(standard).toMatchObject({ name: STANDARD_TEMPLATE.name, builtIn: true, areas: 4, indicators: 12, weightTotal: 100, usedBy: 1 });
    expect(county).toMatchObject({ name: COUNTY_TEMPLATE.name, builtIn: false, areas: 6, indicators: 20, weightTotal: 100, usedBy: 0 });
    expect(templateIssues(COUNTY_TEMPLATE)).toEqual([]);
  });
});

describe("saving", () => {
  it("creates a template with its rows and one audit row naming every indicator", () => {
    const audits = auditCount();
    const template = create(own("甲县指标体系"));
    expect(auditCount()).toBe(audits + 1);
    expect(templateDetail(t.db, { templateId: template.id })).toMatchObject({ content: own("甲县指标体系"), usedBy: [], editable: true });
    const after = JSON.parse(t.one<string>("select after from audit_log order by id desc limit 1"));
    expect(after.indicators).toEqual(["组织领导 · 专题研究部署(50 分):查阅会议纪要", "问题整改 · 按期销号(30 分)", "问题整改 · 建章立制(20 分)"]);
  });

  it("refuses a name another template has, or the standard's, writing nothing", () => {
    const before = [auditCount(), snapshot()];
    expect(() => create(own(COUNTY_TEMPLATE.name))).toThrow(`已有名为“${COUNTY_TEMPLATE.name}”的评估指标模板`);
    expect(() => update(countyId(), own(STANDARD_TEMPLATE.name))).toThrow("已有名为");
    expect([auditCount(), snapshot()]).toEqual(before);
  });

  it("replaces an unused template's indicators and grades whole", () => {
    const id = create(own("乙县指标体系")).id;
    const changed = { ...own("乙县指标体系(修订)"), areas: [{ name: "整改成效", indicators: [{ name: "群众满意度", description: "测评满意率", weight: 100 }] }] };
    update(id, changed);
    expect(templateDetail(t.db, { templateId: id })!.content).toEqual(changed);
    expect(t.one<number>("select count(*) from evaluation_indicators where template_id = ?", id)).toBe(1);
  });

  it("is all or nothing: a save that fails part way leaves the template as it was", () => {
    const id = create(own("丙县指标体系")).id;
    const before = [auditCount(), snapshot()];
    // A grade the database refuses (factor above 1) after the indicators were already replaced.
    const broken = { ...own("丙县指标体系"), grades: [{ name: "优", factor: 1 }, { name: "超", factor: 2 }] };
    expect(() => update(id, broken)).toThrow(/CHECK constraint failed/);
    expect([auditCount(), snapshot()]).toEqual(before);
  });
});

describe("a template in use", () => {
  const newRound = () =>
    t.db.transaction((tx) =>
      createRound(tx, {
        actorId: officeId,
        input: {
          name: `用模板评估的轮次${Math.random()}`, kind: "patrol", inspectingBody: "县委第一巡察组", inspectedBody: "县教育局", inspectedUnitId: null,
          inspectionStart: null, inspectionEnd: null, feedbackDate: "2025-01-10", deadline: null, dueSoonDays: 7,
        },
      }),
    ).id;

  it("cannot be changed or deleted, nor can the standard set; nothing is written", () => {
    const id = create(own("丁县指标体系")).id;
    const roundId = newRound();
    t.db.transaction((tx) => scheduleEvaluation(tx, { actorId: officeId, roundId, templateId: id, scheduledDate: "2025-08-01" }));
    const before = [auditCount(), snapshot()];
    expect(() => update(id, own("丁县指标体系(改)"))).toThrow(/该模板已用于“用模板评估的轮次.*”的成效评估,不能修改\(评分将改变含义\);请复制后修改/);
    expect(() => t.db.transaction((tx) => deleteEvaluationTemplate(tx, { actorId: officeId, templateId: id }))).toThrow("不能删除");
    expect(() => update(standardId(), own("标准(改)"))).toThrow("标准评估指标模板不能修改,请复制后修改");
    expect([auditCount(), snapshot()]).toEqual(before);
    expect(templateDetail(t.db, { templateId: id })!.editable).toBe(false);
  });

  it("is what the evaluation scores with: its own indicators, grades and weights", () => {
    const id = create(own("戊县指标体系")).id;
    const roundId = newRound();
    const evaluation = t.db.transaction((tx) => scheduleEvaluation(tx, { actorId: officeId, roundId, templateId: id, scheduledDate: "2025-08-01" }));
    const unitId = t.unitIdOf("区教育局");
    t.sqlite.prepare("insert into problems (round_id, number, title, created_at, updated_at) values (?, 1, '问题', 0, 0)").run(roundId);
    const problemId = t.one<number>("select id from problems where round_id = ?", roundId);
    t.sqlite.prepare("insert into measures (round_id, problem_id, position, text, lead_unit_id, created_at, updated_at) values (?, ?, 1, '措施', ?, 0, 0)").run(roundId, problemId, unitId);
    const found = evaluationOfRound(t.db, { roundId })!;
    expect(found.indicators.map((i) => [i.area, i.name, i.weight])).toEqual([["组织领导", "专题研究部署", 50], ["问题整改", "按期销号", 30], ["问题整改", "建章立制", 20]]);
    const grade = (name: string) => found.grades.find((g) => g.name === name)!.id;
    const [a, b, c] = found.indicators;
    t.db.transaction((tx) =>
      scoreUnit(tx, { actorId: officeId, today: TODAY, evaluationId: evaluation.id, unitId, grades: [{ indicatorId: a!.id, gradeId: grade("优") }, { indicatorId: b!.id, gradeId: grade("良") }, { indicatorId: c!.id, gradeId: grade("差") }] }),
    );
    // 50 × 1 + 30 × 0.7 + 20 × 0.4
    expect(evaluationOfRound(t.db, { roundId })!.units.find((u) => u.id === unitId)).toMatchObject({ score: 79, complete: true });
    expect(evaluationOfRound(t.db, { roundId })!.overall).toBe(79);
  });
});

describe("deleting", () => {
  it("removes an unused template with its rows, one audit row keeping what it was", () => {
    const id = create(own("己县指标体系")).id;
    const audits = auditCount();
    t.db.transaction((tx) => deleteEvaluationTemplate(tx, { actorId: officeId, templateId: id }));
    expect(auditCount()).toBe(audits + 1);
    expect(templateDetail(t.db, { templateId: id })).toBeUndefined();
    expect(t.one<number>("select count(*) from evaluation_indicators where template_id = ?", id)).toBe(0);
    expect(JSON.parse(t.one<string>("select before from audit_log order by id desc limit 1")).name).toBe("己县指标体系");
  });
});
