import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { totalWeight } from "@/lib/evaluation";
import { areasOf, indicatorRows, STANDARD_TEMPLATE, standardTemplateContent, type TemplateContent } from "@/lib/evaluation-template";
import { AppError } from "@/lib/errors";
import type { Queryable } from "../client";
import { evaluationGrades, evaluationIndicators, evaluations, evaluationTemplates, rounds } from "../schema";
import { recordAudit } from "./audit";

// 评估指标模板: the office's indicator sets for 整改成效评估. A template an evaluation uses is
// frozen (its grades would change meaning), and so is the built-in standard one; the others
// are saved whole — indicators and grades replaced in one transaction — or deleted.

/** Every template with what the list shows: areas, indicators, the weight total and how many evaluations use it. */
export function listTemplatesWithUse(q: Queryable) {
  const templates = q.select().from(evaluationTemplates).orderBy(sql`${evaluationTemplates.builtIn} desc`, asc(evaluationTemplates.id)).all();
  const indicators = q.select({ templateId: evaluationIndicators.templateId, area: evaluationIndicators.area, weight: evaluationIndicators.weight }).from(evaluationIndicators).all();
  const uses = new Map(
    q
      .select({ templateId: evaluations.templateId, n: count() })
      .from(evaluations)
      .groupBy(evaluations.templateId)
      .all()
      .map((r) => [r.templateId, r.n]),
  );
  return templates.map((template) => {
    const own = indicators.filter((i) => i.templateId === template.id);
    return {
      ...template,
      areas: new Set(own.map((i) => i.area)).size,
      indicators: own.length,
      weightTotal: totalWeight(own),
      usedBy: uses.get(template.id) ?? 0,
    };
  });
}

export type TemplateListItem = ReturnType<typeof listTemplatesWithUse>[number];

/** The stored built-in standard template, if it has been stored. */
export function builtInTemplate(q: Queryable) {
  return q.select().from(evaluationTemplates).where(eq(evaluationTemplates.builtIn, true)).get();
}

/** One template as the editor and the read-only view show it, with the rounds whose evaluation uses it. */
export function templateDetail(q: Queryable, params: { templateId: number }) {
  const template = q.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, params.templateId)).get();
  if (!template) return undefined;
  const indicators = q.select().from(evaluationIndicators).where(eq(evaluationIndicators.templateId, template.id)).orderBy(asc(evaluationIndicators.position)).all();
  const grades = q.select().from(evaluationGrades).where(eq(evaluationGrades.templateId, template.id)).orderBy(asc(evaluationGrades.position)).all();
  const usedBy = q
    .select({ roundId: rounds.id, roundName: rounds.name, scheduledDate: evaluations.scheduledDate })
    .from(evaluations)
    .innerJoin(rounds, eq(rounds.id, evaluations.roundId))
    .where(eq(evaluations.templateId, template.id))
    .orderBy(asc(rounds.id))
    .all();
  const content: TemplateContent = {
    name: template.name,
    monthsAfterFeedback: template.monthsAfterFeedback,
    areas: areasOf(indicators),
    grades: grades.map((g) => ({ name: g.name, factor: g.factor })),
  };
  return { template, content, usedBy, editable: !template.builtIn && usedBy.length === 0 };
}

/** Every template's name (a copy is named so as not to clash). */
export function templateNames(q: Queryable): string[] {
  return q.select({ name: evaluationTemplates.name }).from(evaluationTemplates).all().map((r) => r.name);
}

// ── writes ──────────────────────────────────────────────────────────────

/** Stores a template's rows (no audit: the caller's write, or the seed, records it). */
export function insertTemplate(tx: Queryable, params: { content: TemplateContent; builtIn?: boolean }) {
  const { name, monthsAfterFeedback } = params.content;
  const template = tx.insert(evaluationTemplates).values({ name, monthsAfterFeedback, builtIn: params.builtIn ?? false }).returning().get();
  insertParts(tx, template.id, params.content);
  return template;
}

function insertParts(tx: Queryable, templateId: number, content: TemplateContent) {
  for (const row of indicatorRows(content)) tx.insert(evaluationIndicators).values({ templateId, ...row }).run();
  content.grades.forEach((grade, i) => tx.insert(evaluationGrades).values({ templateId, position: i + 1, name: grade.name, factor: grade.factor }).run());
}

/** Stores the built-in standard set (lib/evaluation-template.ts); part of the write that first needs it. */
export function insertStandardTemplate(tx: Queryable) {
  return insertTemplate(tx, { content: standardTemplateContent(), builtIn: true });
}

/** What the audit row keeps of a template: every indicator and grade, in words. */
function auditSnapshot(content: TemplateContent) {
  return {
    name: content.name,
    monthsAfterFeedback: content.monthsAfterFeedback,
    areas: content.areas.map((a) => a.name),
    indicators: content.areas.flatMap((a) => a.indicators.map((i) => `${a.name} · ${i.name}(${i.weight} 分)${i.description ? `:${i.description}` : ""}`)),
    grades: content.grades.map((g) => `${g.name} ×${g.factor}`),
  };
}

/** The standard's name is kept for it even before it is stored, and no two templates share a name. */
function assertNameFree(tx: Queryable, name: string, exceptId?: number) {
  const clash = tx
    .select({ id: evaluationTemplates.id })
    .from(evaluationTemplates)
    .where(exceptId === undefined ? eq(evaluationTemplates.name, name) : and(eq(evaluationTemplates.name, name), ne(evaluationTemplates.id, exceptId)))
    .get();
  if (clash || (name === STANDARD_TEMPLATE.name && !(exceptId !== undefined && builtInTemplate(tx)?.id === exceptId))) {
    const message = `已有名为“${name}”的评估指标模板,请换一个名称`;
    throw new AppError("CONFLICT", message, { name: [message] });
  }
}

export function createEvaluationTemplate(tx: Queryable, params: { actorId: string; input: TemplateContent }) {
  assertNameFree(tx, params.input.name);
  const template = insertTemplate(tx, { content: params.input });
  recordAudit(tx, { actorId: params.actorId, action: "evaluation_template.create", entity: "evaluation_template", entityId: template.id, after: auditSnapshot(params.input) });
  return template;
}

/** The template, if the office may still change it: not the standard, not used by any evaluation. */
function changeableTemplate(tx: Queryable, templateId: number, doing: "修改" | "删除") {
  const found = templateDetail(tx, { templateId });
  if (!found) throw new AppError("NOT_FOUND", "未找到该评估指标模板");
  if (found.template.builtIn) throw new AppError("CONFLICT", `标准评估指标模板不能${doing},请复制后修改`);
  if (found.usedBy.length > 0) {
    const rounds = found.usedBy.map((u) => `“${u.roundName}”`).join("、");
    throw new AppError("CONFLICT", `该模板已用于${rounds}的成效评估,不能${doing}(评分将改变含义);请复制后修改`);
  }
  return found;
}

/** Saves the whole template: name, timing, indicators and grades replaced together, or nothing. */
export function updateEvaluationTemplate(tx: Queryable, params: { actorId: string; templateId: number; input: TemplateContent }) {
  const found = changeableTemplate(tx, params.templateId, "修改");
  assertNameFree(tx, params.input.name, params.templateId);
  const { name, monthsAfterFeedback } = params.input;
  const template = tx.update(evaluationTemplates).set({ name, monthsAfterFeedback }).where(eq(evaluationTemplates.id, params.templateId)).returning().get();
  // Unused, so no grade refers to these rows: they are replaced rather than matched up.
  tx.delete(evaluationIndicators).where(eq(evaluationIndicators.templateId, params.templateId)).run();
  tx.delete(evaluationGrades).where(eq(evaluationGrades.templateId, params.templateId)).run();
  insertParts(tx, params.templateId, params.input);
  recordAudit(tx, {
    actorId: params.actorId,
    action: "evaluation_template.update",
    entity: "evaluation_template",
    entityId: params.templateId,
    before: auditSnapshot(found.content),
    after: auditSnapshot(params.input),
  });
  return template;
}

export function deleteEvaluationTemplate(tx: Queryable, params: { actorId: string; templateId: number }) {
  const found = changeableTemplate(tx, params.templateId, "删除");
  // Indicators and grades go with it (on delete cascade).
  tx.delete(evaluationTemplates).where(eq(evaluationTemplates.id, params.templateId)).run();
  recordAudit(tx, { actorId: params.actorId, action: "evaluation_template.delete", entity: "evaluation_template", entityId: params.templateId, before: auditSnapshot(found.content) });
  return found.template;
}
