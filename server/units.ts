import "server-only";
import { db } from "@/db";
import * as headQueries from "@/db/queries/unit-heads";
import * as unitQueries from "@/db/queries/units";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { CreateUnitInput, RenameUnitInput } from "@/lib/validations/account";
import type { UnitHeadsInput } from "@/lib/validations/unit-heads";

/** The office admin adds a unit to the tree, under an existing parent or at the top. */
export function createUnit(actor: Actor, input: CreateUnitInput) {
  return db.transaction((tx) => {
    if (input.parentId !== null && !unitQueries.getUnit(tx, { id: input.parentId })) {
      throw new AppError("VALIDATION", "上级单位不存在", { parentId: ["上级单位不存在"] });
    }
    return unitQueries.createUnit(tx, { actorId: actor.id, input });
  });
}

/** The office renames a unit (the first run's default office unit, a reorganised bureau). */
export function renameUnit(actor: Actor, input: RenameUnitInput) {
  return db.transaction((tx) => {
    const clash = unitQueries.findUnitByName(tx, { name: input.name });
    if (clash && clash.id !== input.unitId) {
      throw new AppError("CONFLICT", `已有名为“${input.name}”的单位`, { name: ["已有同名单位"] });
    }
    const unit = unitQueries.renameUnit(tx, { actorId: actor.id, unitId: input.unitId, name: input.name });
    if (!unit) throw new AppError("NOT_FOUND", "未找到该单位", { unitId: ["未找到该单位"] });
    return unit;
  });
}

/**
 * The office admin records a unit's 主要负责人 and 分管领导 for the escalation ladder. An
 * account must be one of the unit's own and active; the form offers only those, an API
 * caller may send anything.
 */
export function setUnitHeads(actor: Actor, input: UnitHeadsInput) {
  return db.transaction((tx) => {
    const unit = unitQueries.getUnit(tx, { id: input.unitId });
    if (!unit) throw new AppError("NOT_FOUND", "未找到该单位", { unitId: ["未找到该单位"] });
    for (const [post, field] of [["principal", "principalUserId"], ["deputy", "deputyUserId"]] as const) {
      const head = input[post];
      if (!head || !("userId" in head)) continue;
      const problem = headQueries.headAccountProblem(tx, { unitId: unit.id, userId: head.userId });
      if (problem) throw new AppError("VALIDATION", "提交的内容有误,请按提示修改", { [field]: [problem] });
    }
    headQueries.setUnitHeads(tx, { actorId: actor.id, unitId: unit.id, principal: input.principal, deputy: input.deputy });
    return unit;
  });
}
