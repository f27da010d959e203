import "server-only";
import { and, asc, count, desc, eq, gt, inArray, lt, max, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { AspectInput, Direction, MeasureDeadline, MeasureIndicatorValues, ProblemInput } from "@/lib/validations/plan";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measureIndicators, measures, problems, progressReports, rounds, units, type Measure } from "../schema";
import { recordAudit } from "./audit";
import { refreshProblemStatus } from "./measure-status";
import { notifyUnit } from "./notifications";
import type { ReproofInterval } from "@/lib/reproof";

// The office's hand edits to a round's plan. Every function runs in the caller's
// transaction and writes exactly one audit row, whose before/after hold everything the
// change touched, so nothing is lost without a trace.

interface Ctx {
  actorId: string | null;
  roundId: number;
}

export interface MeasureValues extends MeasureDeadline {
  text: string;
  goal: string;
  leadUnitId: number | null;
  coUnitIds: number[];
  /** 并长期坚持's re-proof interval; absent (imports) leaves it as it is, or the default. */
  reproofInterval?: ReproofInterval;
  /** 量化指标; null removes it, absent (callers other than the plan editor) leaves it as it is. */
  indicator?: MeasureIndicatorValues | null;
}

// ── look-ups within the round ───────────────────────────────────────────

function roundOf(q: Queryable, roundId: number) {
  const row = q.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, roundId)).get();
  if (!row) throw new AppError("NOT_FOUND", "未找到该轮次,可能已被删除");
  return row;
}

function aspectIn(q: Queryable, roundId: number, aspectId: number) {
  const row = q.select().from(aspects).where(and(eq(aspects.id, aspectId), eq(aspects.roundId, roundId))).get();
  if (!row) throw new AppError("NOT_FOUND", "未找到该方面,可能已被删除");
  return row;
}

function problemIn(q: Queryable, roundId: number, problemId: number) {
  const row = q.select().from(problems).where(and(eq(problems.id, problemId), eq(problems.roundId, roundId))).get();
  if (!row) throw new AppError("NOT_FOUND", "未找到该问题,可能已被删除");
  return row;
}

function measureIn(q: Queryable, roundId: number, measureId: number) {
  const row = q.select().from(measures).where(and(eq(measures.id, measureId), eq(measures.roundId, roundId))).get();
  if (!row) throw new AppError("NOT_FOUND", "未找到该整改措施,可能已被删除");
  return row;
}

function coUnitIdsOf(q: Queryable, measureId: number): number[] {
  return q
    .select({ id: measureCoUnits.unitId })
    .from(measureCoUnits)
    .where(eq(measureCoUnits.measureId, measureId))
    .orderBy(asc(measureCoUnits.unitId))
    .all()
    .map((r) => r.id);
}

/** The 量化指标 as flat, self-labelled fields of the measure's audit snapshot (all null when it has none). */
function indicatorOf(q: Queryable, measureId: number) {
  const row = q.select().from(measureIndicators).where(eq(measureIndicators.measureId, measureId)).get();
  return {
    indicatorName: row?.name ?? null,
    indicatorUnit: row?.unit ?? null,
    indicatorDirection: row?.direction ?? null,
    indicatorBaseline: row?.baseline ?? null,
    indicatorTarget: row?.target ?? null,
    indicatorActual: row?.actual ?? null,
  };
}

/** The measure as its audit row keeps it: co-units and 量化指标 included. */
const withCoUnits = (q: Queryable, m: Measure) => ({ ...m, coUnitIds: coUnitIdsOf(q, m.id), ...indicatorOf(q, m.id) });

/** Sets or removes the measure's 量化指标; a reported actual value survives an edit of the plan's figures. */
function setIndicator(tx: Queryable, measureId: number, indicator: MeasureIndicatorValues | null | undefined) {
  if (indicator === undefined) return;
  if (!indicator) {
    tx.delete(measureIndicators).where(eq(measureIndicators.measureId, measureId)).run();
    return;
  }
  tx.insert(measureIndicators)
    .values({ measureId, ...indicator })
    .onConflictDoUpdate({ target: measureIndicators.measureId, set: { ...indicator, updatedAt: new Date() } })
    .run();
}

function assertUnitsExist(q: Queryable, ids: number[], field: string) {
  if (ids.length === 0) return;
  const found = q.select({ id: units.id }).from(units).where(inArray(units.id, ids)).all();
  if (found.length !== new Set(ids).size) throw new AppError("VALIDATION", "所选单位不存在", { [field]: ["所选单位不存在,请刷新后重新选择"] });
}

function assertProblemFields(q: Queryable, roundId: number, input: ProblemInput, problemId?: number) {
  if (input.aspectId !== null) aspectIn(q, roundId, input.aspectId);
  assertUnitsExist(q, input.leadUnitId === null ? [] : [input.leadUnitId], "leadUnitId");
  const taken = q
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.roundId, roundId), eq(problems.number, input.number), problemId ? ne(problems.id, problemId) : undefined))
    .get();
  if (taken) {
    const message = `本轮已有第 ${input.number} 号问题,请换一个序号`;
    throw new AppError("CONFLICT", message, { number: [message] });
  }
}

function nextPosition(q: Queryable, table: typeof aspects | typeof measures, where: ReturnType<typeof eq>) {
  return (q.select({ p: max(table.position) }).from(table).where(where).get()?.p ?? 0) + 1;
}

// ── aspects ─────────────────────────────────────────────────────────────

export function createAspect(tx: Queryable, params: Ctx & { input: AspectInput }) {
  roundOf(tx, params.roundId);
  const position = nextPosition(tx, aspects, eq(aspects.roundId, params.roundId));
  const created = tx.insert(aspects).values({ roundId: params.roundId, position, name: params.input.name }).returning().get();
  recordAudit(tx, { actorId: params.actorId, action: "aspect.create", entity: "aspect", entityId: created.id, after: created });
  return created;
}

export function renameAspect(tx: Queryable, params: Ctx & { aspectId: number; input: AspectInput }) {
  const before = aspectIn(tx, params.roundId, params.aspectId);
  const after = tx.update(aspects).set({ name: params.input.name }).where(eq(aspects.id, before.id)).returning().get();
  recordAudit(tx, { actorId: params.actorId, action: "aspect.update", entity: "aspect", entityId: after.id, before, after });
  return after;
}

/** Swaps places with the neighbour; false (and no audit row) when already at that end. */
export function moveAspect(tx: Queryable, params: Ctx & { aspectId: number; direction: Direction }): boolean {
  const aspect = aspectIn(tx, params.roundId, params.aspectId);
  const up = params.direction === "up";
  const neighbour = tx
    .select()
    .from(aspects)
    .where(and(eq(aspects.roundId, params.roundId), up ? lt(aspects.position, aspect.position) : gt(aspects.position, aspect.position)))
    .orderBy(up ? desc(aspects.position) : asc(aspects.position))
    .limit(1)
    .get();
  if (!neighbour) return false;
  tx.update(aspects).set({ position: neighbour.position }).where(eq(aspects.id, aspect.id)).run();
  tx.update(aspects).set({ position: aspect.position }).where(eq(aspects.id, neighbour.id)).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "aspect.move",
    entity: "aspect",
    entityId: aspect.id,
    before: { position: aspect.position, neighbour: { id: neighbour.id, position: neighbour.position } },
    after: { position: neighbour.position, neighbour: { id: neighbour.id, position: aspect.position } },
  });
  return true;
}

/** Refused while the aspect holds problems: they are moved elsewhere or deleted first. */
export function deleteAspect(tx: Queryable, params: Ctx & { aspectId: number }) {
  const before = aspectIn(tx, params.roundId, params.aspectId);
  const held = tx.select({ n: count() }).from(problems).where(eq(problems.aspectId, before.id)).get()?.n ?? 0;
  if (held > 0) {
    throw new AppError(
      "CONFLICT",
      `方面“${before.name}”下还有 ${held} 个问题,不能删除。请先通过“改名 / 移动问题”把这些问题移到其他方面,或逐一删除后再删除该方面。`,
    );
  }
  tx.delete(aspects).where(eq(aspects.id, before.id)).run();
  recordAudit(tx, { actorId: params.actorId, action: "aspect.delete", entity: "aspect", entityId: before.id, before });
  return before;
}

/** Moves every problem of an aspect to another aspect (or to none). Returns how many. */
export function moveAspectProblems(tx: Queryable, params: Ctx & { aspectId: number; targetAspectId: number | null }) {
  const from = aspectIn(tx, params.roundId, params.aspectId);
  if (params.targetAspectId !== null) aspectIn(tx, params.roundId, params.targetAspectId);
  if (params.targetAspectId === from.id) throw new AppError("VALIDATION", "请选择另一个方面", { targetAspectId: ["请选择另一个方面"] });
  const moved = tx
    .update(problems)
    .set({ aspectId: params.targetAspectId })
    .where(eq(problems.aspectId, from.id))
    .returning({ id: problems.id, number: problems.number })
    .all();
  if (moved.length === 0) return 0;
  recordAudit(tx, {
    actorId: params.actorId,
    action: "aspect.move_problems",
    entity: "aspect",
    entityId: from.id,
    before: { aspectId: from.id, problems: moved },
    after: { aspectId: params.targetAspectId, problems: moved },
  });
  return moved.length;
}

// ── problems ────────────────────────────────────────────────────────────

export function createProblem(tx: Queryable, params: Ctx & { input: ProblemInput }) {
  roundOf(tx, params.roundId);
  assertProblemFields(tx, params.roundId, params.input);
  const created = tx.insert(problems).values({ ...params.input, roundId: params.roundId, status: "incomplete" }).returning().get();
  recordAudit(tx, { actorId: params.actorId, action: "problem.create", entity: "problem", entityId: created.id, after: created });
  return created;
}

export function updateProblem(tx: Queryable, params: Ctx & { problemId: number; input: ProblemInput }) {
  const before = problemIn(tx, params.roundId, params.problemId);
  assertProblemFields(tx, params.roundId, params.input, before.id);
  const after = tx.update(problems).set(params.input).where(eq(problems.id, before.id)).returning().get();
  recordAudit(tx, { actorId: params.actorId, action: "problem.update", entity: "problem", entityId: after.id, before, after });
  return after;
}

/** A measure with progress reports carries the units' work and evidence: never deleted here. */
function assertNoProgress(q: Queryable, measureIds: number[]) {
  if (measureIds.length === 0) return;
  const n = q.select({ n: count() }).from(progressReports).where(inArray(progressReports.measureId, measureIds)).get()?.n ?? 0;
  if (n > 0) throw new AppError("CONFLICT", `已有 ${n} 条整改动态记录在这些整改措施下,不能删除;如措施有变,请编辑修改。`);
}

/**
 * Deletes a problem; its measures go with it only when `confirmCascade` is set and the
 * confirmed count still matches. The audit row keeps the problem and all its measures.
 */
export function deleteProblem(
  tx: Queryable,
  params: Ctx & { problemId: number; confirmCascade: boolean; measureCount?: number },
) {
  const problem = problemIn(tx, params.roundId, params.problemId);
  const children = tx.select().from(measures).where(eq(measures.problemId, problem.id)).orderBy(asc(measures.position)).all();
  if (children.length > 0 && !params.confirmCascade) {
    throw new AppError("CONFLICT", `第 ${problem.number} 号问题下有 ${children.length} 项整改措施,须确认一并删除后才能删除该问题`);
  }
  if (params.measureCount !== undefined && children.length > 0 && params.measureCount !== children.length) {
    throw new AppError("CONFLICT", `第 ${problem.number} 号问题下现有 ${children.length} 项整改措施,与确认时不同,请刷新后重试`);
  }
  assertNoProgress(tx, children.map((m) => m.id));
  const before = { ...problem, measures: children.map((m) => withCoUnits(tx, m)) };
  if (children.length > 0) tx.delete(measures).where(eq(measures.problemId, problem.id)).run();
  tx.delete(problems).where(eq(problems.id, problem.id)).run();
  recordAudit(tx, { actorId: params.actorId, action: "problem.delete", entity: "problem", entityId: problem.id, before });
  return before;
}

// ── measures ────────────────────────────────────────────────────────────

function setCoUnits(tx: Queryable, measureId: number, unitIds: number[]) {
  tx.delete(measureCoUnits).where(eq(measureCoUnits.measureId, measureId)).run();
  for (const unitId of new Set(unitIds)) tx.insert(measureCoUnits).values({ measureId, unitId }).run();
}

function assertMeasureUnits(q: Queryable, input: MeasureValues) {
  assertUnitsExist(q, input.leadUnitId === null ? [] : [input.leadUnitId], "leadUnitId");
  assertUnitsExist(q, input.coUnitIds, "coUnitIds");
}

/** New measures start 未完成: a status changes only through the office's sign-off. */
export function createMeasure(tx: Queryable, params: Ctx & { problemId: number; input: MeasureValues }) {
  const problem = problemIn(tx, params.roundId, params.problemId);
  assertMeasureUnits(tx, params.input);
  const { coUnitIds, indicator, ...fields } = params.input;
  const position = nextPosition(tx, measures, eq(measures.problemId, problem.id));
  const created = tx
    .insert(measures)
    .values({ ...fields, roundId: params.roundId, problemId: problem.id, position, status: "incomplete" })
    .returning()
    .get();
  setCoUnits(tx, created.id, coUnitIds);
  setIndicator(tx, created.id, indicator);
  refreshProblemStatus(tx, problem.id);
  const after = withCoUnits(tx, created);
  recordAudit(tx, { actorId: params.actorId, action: "measure.create", entity: "measure", entityId: created.id, after });
  notifyAssignment(tx, created, [created.leadUnitId, ...coUnitIds]);
  return after;
}

/** Tells newly responsible units (lead or co-responsible) about a measure they now answer for. */
function notifyAssignment(tx: Queryable, measure: Measure, unitIds: readonly (number | null)[]) {
  for (const unitId of new Set(unitIds)) {
    if (unitId === null) continue;
    notifyUnit(tx, {
      unitId,
      notification: {
        kind: "assignment",
        title: "新分配的整改任务",
        body: measure.text.slice(0, 80),
        link: `/measures/${measure.id}`,
        dedupeKey: `assign:measure:${measure.id}:unit:${unitId}`,
      },
    });
  }
}

/** Optimistic concurrency: the edit applies only to the version the editor started from. */
export function updateMeasure(tx: Queryable, params: Ctx & { measureId: number; version: number; input: MeasureValues }) {
  const current = measureIn(tx, params.roundId, params.measureId);
  assertMeasureUnits(tx, params.input);
  const before = withCoUnits(tx, current);
  const { coUnitIds, indicator, ...fields } = params.input;
  const updated = tx
    .update(measures)
    .set({ ...fields, version: sql`${measures.version} + 1` })
    .where(and(eq(measures.id, current.id), eq(measures.version, params.version)))
    .returning()
    .get();
  if (!updated) throw new AppError("CONFLICT", "该事项已被他人修改,请刷新后重试");
  setCoUnits(tx, updated.id, coUnitIds);
  setIndicator(tx, updated.id, indicator);
  refreshProblemStatus(tx, updated.problemId);
  const after = withCoUnits(tx, updated);
  recordAudit(tx, { actorId: params.actorId, action: "measure.update", entity: "measure", entityId: updated.id, before, after });
  const previous = new Set([current.leadUnitId, ...before.coUnitIds]);
  notifyAssignment(tx, updated, [updated.leadUnitId, ...coUnitIds].filter((id) => !previous.has(id)));
  return after;
}

export function deleteMeasure(tx: Queryable, params: Ctx & { measureId: number }) {
  const measure = measureIn(tx, params.roundId, params.measureId);
  assertNoProgress(tx, [measure.id]);
  const before = withCoUnits(tx, measure);
  tx.delete(measures).where(eq(measures.id, measure.id)).run();
  // Close the gap so the list numbering (问题号.序号) stays 1, 2, 3 …
  tx.update(measures)
    .set({ position: sql`${measures.position} - 1` })
    .where(and(eq(measures.problemId, measure.problemId), gt(measures.position, measure.position)))
    .run();
  refreshProblemStatus(tx, measure.problemId);
  recordAudit(tx, { actorId: params.actorId, action: "measure.delete", entity: "measure", entityId: measure.id, before });
  return before;
}

/** Swaps places with the neighbour under the same problem; false when already at that end. */
export function moveMeasure(tx: Queryable, params: Ctx & { measureId: number; direction: Direction }): boolean {
  const measure = measureIn(tx, params.roundId, params.measureId);
  const up = params.direction === "up";
  const neighbour = tx
    .select()
    .from(measures)
    .where(
      and(eq(measures.problemId, measure.problemId), up ? lt(measures.position, measure.position) : gt(measures.position, measure.position)),
    )
    .orderBy(up ? desc(measures.position) : asc(measures.position))
    .limit(1)
    .get();
  if (!neighbour) return false;
  // Position is not an edited field, so moving leaves `version` alone: an open edit form stays valid.
  tx.update(measures).set({ position: neighbour.position }).where(eq(measures.id, measure.id)).run();
  tx.update(measures).set({ position: measure.position }).where(eq(measures.id, neighbour.id)).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "measure.move",
    entity: "measure",
    entityId: measure.id,
    before: { position: measure.position, neighbour: { id: neighbour.id, position: neighbour.position } },
    after: { position: neighbour.position, neighbour: { id: neighbour.id, position: measure.position } },
  });
  return true;
}
