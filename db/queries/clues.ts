import "server-only";
import { and, asc, desc, eq, inArray, lt, notInArray, or, sql } from "drizzle-orm";
import { clueDueDate, clueFigures, CONCLUDED_STAGES, outcomeRefusal, stageChangeRefusal, type ClueFigures } from "@/lib/clues";
import type { ClueStage } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { AdvanceClueInput, ClueFields } from "@/lib/validations/clue";
import type { Queryable } from "../client";
import { clues, clueStageChanges, rounds, units, users } from "../schema";
import { recordAudit } from "./audit";

// The 信访件、问题线索 register. Only its keepers reach the rows (the callers check
// "clue.manage"); leaders and the 通报 get roundClueFigures. The audit rows name the item by
// its id, kind, number and stage, never its title: the log is read by every office user.

/** Rounds with their register's size, for choosing one; archived rounds last. */
export function clueRounds(q: Queryable) {
  return q
    .select({
      id: rounds.id,
      name: rounds.name,
      kind: rounds.kind,
      archivedAt: rounds.archivedAt,
      items: sql<number>`(select count(*) from ${clues} where ${clues.roundId} = ${rounds.id})`,
    })
    .from(rounds)
    .orderBy(sql`${rounds.archivedAt} is not null`, sql`${rounds.feedbackDate} desc`, asc(rounds.id))
    .all();
}

/** The register's counts for a round: what leaders and the 通报 see. */
export function roundClueFigures(q: Queryable, params: { roundId: number }): ClueFigures {
  const rows = q
    .select({
      kind: clues.kind,
      stage: clues.stage,
      peopleHandled: clues.peopleHandled,
      disciplined: clues.disciplined,
      organizational: clues.organizational,
      prosecuted: clues.prosecuted,
    })
    .from(clues)
    .where(eq(clues.roundId, params.roundId))
    .all();
  return clueFigures(rows);
}

const itemColumns = {
  id: clues.id,
  roundId: clues.roundId,
  kind: clues.kind,
  number: clues.number,
  title: clues.title,
  handler: clues.handler,
  handlerUnitId: clues.handlerUnitId,
  handlerUnitName: units.name,
  receivedDate: clues.receivedDate,
  timeLimit: clues.timeLimit,
  dueDate: clues.dueDate,
  stage: clues.stage,
  peopleHandled: clues.peopleHandled,
  disciplined: clues.disciplined,
  organizational: clues.organizational,
  prosecuted: clues.prosecuted,
};

/** A round's items in the order they were received. */
export function listClues(q: Queryable, params: { roundId: number }) {
  return q
    .select(itemColumns)
    .from(clues)
    .leftJoin(units, eq(units.id, clues.handlerUnitId))
    .where(eq(clues.roundId, params.roundId))
    .orderBy(asc(clues.receivedDate), asc(clues.id))
    .all();
}

export type ClueRow = ReturnType<typeof listClues>[number];

export function getClue(q: Queryable, params: { clueId: number }) {
  return q
    .select({ ...itemColumns, roundName: rounds.name })
    .from(clues)
    .innerJoin(rounds, eq(rounds.id, clues.roundId))
    .leftJoin(units, eq(units.id, clues.handlerUnitId))
    .where(eq(clues.id, params.clueId))
    .get();
}

/** An item's stage changes, oldest first, with who made them. */
export function clueHistory(q: Queryable, params: { clueId: number }) {
  return q
    .select({
      id: clueStageChanges.id,
      fromStage: clueStageChanges.fromStage,
      toStage: clueStageChanges.toStage,
      changeDate: clueStageChanges.changeDate,
      note: clueStageChanges.note,
      actorName: users.name,
      createdAt: clueStageChanges.createdAt,
    })
    .from(clueStageChanges)
    .leftJoin(users, eq(users.id, clueStageChanges.actorId))
    .where(eq(clueStageChanges.clueId, params.clueId))
    .orderBy(asc(clueStageChanges.createdAt), asc(clueStageChanges.id))
    .all();
}

function assertHandlerUnit(q: Queryable, unitId: number | null): void {
  if (unitId === null) return;
  if (!q.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get()) {
    throw new AppError("VALIDATION", "提交的内容有误,请按提示修改", { handlerUnitId: ["未找到所选的责任单位"] });
  }
}

function numbersTaken(q: Queryable, roundId: number, numbers: readonly string[]): string[] {
  if (numbers.length === 0) return [];
  return q
    .select({ number: clues.number })
    .from(clues)
    .where(and(eq(clues.roundId, roundId), inArray(clues.number, [...numbers])))
    .all()
    .map((r) => r.number);
}

function insertClue(tx: Queryable, params: { actorId: string; roundId: number; fields: ClueFields }) {
  const { fields } = params;
  const dueDate = clueDueDate(fields.receivedDate, fields.timeLimit, fields.dueDate)!;
  const clue = tx
    .insert(clues)
    .values({
      roundId: params.roundId,
      kind: fields.kind,
      number: fields.number,
      title: fields.title,
      handler: fields.handler,
      handlerUnitId: fields.handlerUnitId,
      receivedDate: fields.receivedDate,
      timeLimit: fields.timeLimit,
      dueDate,
      createdById: params.actorId,
    })
    .returning()
    .get();
  tx.insert(clueStageChanges).values({ clueId: clue.id, fromStage: null, toStage: "registered", changeDate: fields.receivedDate, actorId: params.actorId }).run();
  return clue;
}

/** Registers one item handed over, at stage 已登记, with its computed due date. */
export function registerClue(tx: Queryable, params: { actorId: string; roundId: number; fields: ClueFields }) {
  assertHandlerUnit(tx, params.fields.handlerUnitId);
  if (numbersTaken(tx, params.roundId, [params.fields.number]).length > 0) {
    throw new AppError("CONFLICT", `本轮次已登记编号为“${params.fields.number}”的件,请核对编号`, { number: ["该编号已登记"] });
  }
  const clue = insertClue(tx, params);
  recordAudit(tx, {
    actorId: params.actorId,
    action: "clue.register",
    entity: "clue",
    entityId: clue.id,
    after: { roundId: clue.roundId, clueKind: clue.kind, number: clue.number, stage: clue.stage, receivedDate: clue.receivedDate, dueDate: clue.dueDate },
  });
  return clue;
}

/**
 * Registers a whole imported workbook in one go: every row or none. The caller has
 * validated each row; numbers already in the register or repeated in the file are refused.
 */
export function importClues(tx: Queryable, params: { actorId: string; roundId: number; rows: readonly ClueFields[]; source: string }) {
  for (const row of params.rows) assertHandlerUnit(tx, row.handlerUnitId);
  const taken = numbersTaken(tx, params.roundId, params.rows.map((r) => r.number));
  if (taken.length > 0) throw new AppError("CONFLICT", `本轮次已登记以下编号,未导入任何一件:${taken.join("、")}`);
  const created = params.rows.map((fields) => insertClue(tx, { actorId: params.actorId, roundId: params.roundId, fields }));
  recordAudit(tx, {
    actorId: params.actorId,
    action: "clue.import",
    entity: "round",
    entityId: params.roundId,
    after: { source: params.source, added: created.length },
  });
  return created;
}

/** Moves an item to its next stage (lib/clues.ts's order), with the people counts it reports. */
export function advanceClue(tx: Queryable, params: { actorId: string; input: AdvanceClueInput }) {
  const { input } = params;
  const clue = tx.select().from(clues).where(eq(clues.id, input.clueId)).get();
  if (!clue) throw new AppError("NOT_FOUND", "未找到该件");
  const refusal = stageChangeRefusal(clue.stage, input.toStage);
  if (refusal) throw new AppError("CONFLICT", refusal);
  const last = tx
    .select({ changeDate: clueStageChanges.changeDate })
    .from(clueStageChanges)
    .where(eq(clueStageChanges.clueId, clue.id))
    .orderBy(desc(clueStageChanges.changeDate))
    .limit(1)
    .get();
  if (last && input.changeDate < last.changeDate) {
    throw new AppError("VALIDATION", "提交的内容有误,请按提示修改", { changeDate: [`办理日期不能早于上一阶段的日期(${last.changeDate})`] });
  }
  const outcome = {
    peopleHandled: input.peopleHandled ?? clue.peopleHandled,
    disciplined: input.disciplined ?? clue.disciplined,
    organizational: input.organizational ?? clue.organizational,
    prosecuted: input.prosecuted ?? clue.prosecuted,
  };
  const outcomeProblem = outcomeRefusal(outcome);
  if (outcomeProblem) throw new AppError("VALIDATION", "提交的内容有误,请按提示修改", { peopleHandled: [outcomeProblem] });
  const updated = tx
    .update(clues)
    .set({ stage: input.toStage, ...outcome })
    .where(and(eq(clues.id, clue.id), eq(clues.stage, clue.stage)))
    .returning()
    .get();
  // Another keeper moved it in between: say so rather than skip a stage.
  if (!updated) throw new AppError("CONFLICT", "该件的办理阶段刚被他人变更,请刷新后重试");
  tx.insert(clueStageChanges).values({ clueId: clue.id, fromStage: clue.stage, toStage: input.toStage, changeDate: input.changeDate, note: input.note, actorId: params.actorId }).run();
  const counts = (c: typeof outcome) => ({ peopleHandled: c.peopleHandled, disciplined: c.disciplined, organizational: c.organizational, prosecuted: c.prosecuted });
  recordAudit(tx, {
    actorId: params.actorId,
    action: "clue.advance",
    entity: "clue",
    entityId: clue.id,
    before: { stage: clue.stage, ...counts(clue) },
    after: { stage: updated.stage, changeDate: input.changeDate, ...counts(updated) },
  });
  return updated;
}

/** Items past their due date and not 办结, in rounds still open: the reminder job's list. */
export function overdueClues(q: Queryable, params: { today: string }) {
  return q
    .select({ id: clues.id, number: clues.number, kind: clues.kind, dueDate: clues.dueDate, stage: clues.stage, roundName: rounds.name })
    .from(clues)
    .innerJoin(rounds, eq(rounds.id, clues.roundId))
    .where(and(lt(clues.dueDate, params.today), notInArray(clues.stage, [...CONCLUDED_STAGES] as ClueStage[]), sql`${rounds.archivedAt} is null`))
    .orderBy(asc(clues.dueDate), asc(clues.id))
    .all();
}

/** Who keeps the register: active office administrators and discipline staff. */
export function clueKeeperIds(q: Queryable): string[] {
  return q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.disabled, false), or(and(eq(users.role, "office"), eq(users.isAdmin, true)), eq(users.role, "discipline"))))
    .all()
    .map((u) => u.id);
}
