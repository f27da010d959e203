import "server-only";
import { db } from "@/db";
import * as appealQueries from "@/db/queries/appeals";
import { measureOwners } from "@/db/queries/progress";
import type { Tx } from "@/db/client";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { can, refusalMessage, reportingFor, type Actor, type Permission } from "@/lib/permissions";
import type { DecideAppealInput } from "@/lib/validations/appeal";

// 申诉: a responsible unit contests a return or an overdue mark; the office decides. Each
// use case opens its transaction; who may act on which measure is decided here, inside it,
// and the subject's state and the audit row by db/queries/appeals.ts.

function allowed(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", refusalMessage(actor));
}

/**
 * The unit the actor appeals for: the measure's lead unit, which answers for completion and
 * the deadline. Another unit's measure does not exist as far as the actor can tell; a
 * co-responsible unit sees the measure but the appeal is the lead unit's to make.
 */
function appealingUnit(tx: Tx, actor: Actor, measureId: number | undefined, notFound: string): number {
  const owners = measureId === undefined ? undefined : measureOwners(tx, { measureId });
  if (!owners || !can(actor, "appeal.submit", owners)) throw new AppError("NOT_FOUND", notFound);
  const reporting = reportingFor(actor, owners);
  if (!reporting?.mayClaim) throw new AppError("FORBIDDEN", "只有牵头单位可以对退回或逾期提出申诉");
  return reporting.unitId;
}

export function appealReturn(actor: Actor, input: { reportId: number; reason: string }) {
  allowed(actor, "appeal.submit");
  return db.transaction((tx) => {
    const claim = appealQueries.claimForAppeal(tx, { reportId: input.reportId });
    const unitId = appealingUnit(tx, actor, claim?.measureId, "未找到该申报");
    return appealQueries.submitReturnAppeal(tx, { actorId: actor.id, unitId, reportId: input.reportId, reason: input.reason });
  });
}

export function appealOverdue(actor: Actor, input: { measureId: number; reason: string }) {
  allowed(actor, "appeal.submit");
  return db.transaction((tx) => {
    const unitId = appealingUnit(tx, actor, input.measureId, "未找到该整改措施");
    return appealQueries.submitOverdueAppeal(tx, { actorId: actor.id, unitId, measureId: input.measureId, reason: input.reason, today: todayISO() });
  });
}

export function decideAppeal(actor: Actor, input: DecideAppealInput) {
  allowed(actor, "appeal.decide");
  return db.transaction((tx) => appealQueries.decideAppeal(tx, { actorId: actor.id, ...input, today: todayISO() }));
}
