import "server-only";
import { db } from "@/db";
import * as queries from "@/db/queries/evaluation-templates";
import type { TemplateContent } from "@/lib/evaluation-template";
import type { Actor } from "@/lib/permissions";

// 评估指标模板: each save is one transaction (template, indicators, grades and the audit row), so
// a refused save leaves the template as it was.

export function createEvaluationTemplate(actor: Actor, input: TemplateContent) {
  return db.transaction((tx) => queries.createEvaluationTemplate(tx, { actorId: actor.id, input }));
}

export function updateEvaluationTemplate(actor: Actor, templateId: number, input: TemplateContent) {
  return db.transaction((tx) => queries.updateEvaluationTemplate(tx, { actorId: actor.id, templateId, input }));
}

export function deleteEvaluationTemplate(actor: Actor, templateId: number) {
  return db.transaction((tx) => queries.deleteEvaluationTemplate(tx, { actorId: actor.id, templateId }));
}
