import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { UnitHeadPost } from "@/lib/domain";
import type { UnitHead } from "@/lib/escalation";
import type { UnitHeadInput } from "@/lib/validations/unit-heads";
import type { Queryable } from "../client";
import { unitHeads, users } from "../schema";
import { recordAudit } from "./audit";

// 主要负责人 and 分管领导 of each unit, whom the escalation ladder reaches (lib/escalation.ts).

export type UnitHeads = Record<UnitHeadPost, UnitHead | null>;

const headColumns = {
  unitId: unitHeads.unitId,
  post: unitHeads.post,
  userId: unitHeads.userId,
  contactName: unitHeads.name,
  contactPhone: unitHeads.phone,
  accountName: users.name,
  accountPhone: users.phone,
  accountDisabled: users.disabled,
};

/** The heads of several units at once (the daily job reads them for every late measure). */
export function headsOfUnits(q: Queryable, params: { unitIds: readonly number[] }): Map<number, UnitHeads> {
  const heads = new Map<number, UnitHeads>();
  const ids = [...new Set(params.unitIds)];
  for (let i = 0; i < ids.length; i += 400) {
    const rows = q
      .select(headColumns)
      .from(unitHeads)
      .leftJoin(users, eq(users.id, unitHeads.userId))
      .where(inArray(unitHeads.unitId, ids.slice(i, i + 400)))
      .all();
    for (const row of rows) {
      const entry = heads.get(row.unitId) ?? { principal: null, deputy: null };
      entry[row.post] = row.userId
        ? { userId: row.userId, name: row.accountName ?? "", phone: row.accountPhone, active: row.accountDisabled === false }
        : { userId: null, name: row.contactName ?? "", phone: row.contactPhone, active: false };
      heads.set(row.unitId, entry);
    }
  }
  return heads;
}

export function headsOfUnit(q: Queryable, params: { unitId: number }): UnitHeads {
  return headsOfUnits(q, { unitIds: [params.unitId] }).get(params.unitId) ?? { principal: null, deputy: null };
}

/** The accounts a head may be picked from: the unit's own, active ones first. */
export function headCandidates(q: Queryable, params: { unitId: number }) {
  return q
    .select({ id: users.id, name: users.name, username: users.username, disabled: users.disabled })
    .from(users)
    .where(eq(users.unitId, params.unitId))
    .orderBy(asc(users.disabled), asc(users.name))
    .all();
}

/** The audit's flat picture of a unit's heads, ids resolved to names by the log. */
function auditPicture(heads: { principal: UnitHeadInput | null; deputy: UnitHeadInput | null }) {
  const side = (prefix: "principal" | "deputy", head: UnitHeadInput | null) =>
    !head
      ? { [`${prefix}UserId`]: null, [`${prefix}Name`]: null, [`${prefix}Phone`]: null }
      : "userId" in head
        ? { [`${prefix}UserId`]: head.userId, [`${prefix}Name`]: null, [`${prefix}Phone`]: null }
        : { [`${prefix}UserId`]: null, [`${prefix}Name`]: head.name, [`${prefix}Phone`]: head.phone };
  return { ...side("principal", heads.principal), ...side("deputy", heads.deputy) };
}

const asInput = (head: UnitHead | null): UnitHeadInput | null =>
  !head ? null : head.userId ? { userId: head.userId } : { name: head.name, phone: head.phone };

/**
 * Records both heads of a unit, replacing what was there. The caller has checked that an
 * account belongs to the unit and is active. One audit row.
 */
export function setUnitHeads(
  tx: Queryable,
  params: { actorId: string; unitId: number; principal: UnitHeadInput | null; deputy: UnitHeadInput | null },
): void {
  const current = headsOfUnit(tx, { unitId: params.unitId });
  const before = auditPicture({ principal: asInput(current.principal), deputy: asInput(current.deputy) });
  tx.delete(unitHeads).where(eq(unitHeads.unitId, params.unitId)).run();
  const rows = (["principal", "deputy"] as const).flatMap((post) => {
    const head = params[post];
    if (!head) return [];
    return [{ unitId: params.unitId, post, ...("userId" in head ? { userId: head.userId } : { name: head.name, phone: head.phone }) }];
  });
  if (rows.length > 0) tx.insert(unitHeads).values(rows).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "unit.set_heads",
    entity: "unit",
    entityId: params.unitId,
    before,
    after: auditPicture(params),
  });
}

/** Whether an account may be a head of the unit: one of its own, and not disabled. */
export function headAccountProblem(q: Queryable, params: { unitId: number; userId: string }): string | null {
  const user = q
    .select({ unitId: users.unitId, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, params.userId))
    .get();
  if (!user || user.unitId !== params.unitId) return "所选账号不属于该单位,请刷新后重新选择";
  if (user.disabled) return "所选账号已停用,请选择其他账号或登记为联系人";
  return null;
}
