import "server-only";
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measureIndicators, measures, problems, units } from "../schema";
import { outer } from "./sql";

// What the plan editor (/rounds/[id]/plan) reads: the whole plan of a round as an outline,
// and single items with what their edit forms need. Writes are in plan-edit.ts.

const coUnitNames = sql<string | null>`(
  select group_concat(u.name, '、') from ${measureCoUnits} mc join ${units} u on u.id = mc.unit_id
  where mc.measure_id = ${outer(measures.id)})`;

/** Aspects in order, each with its problems by number and their measures by position. */
export function planOutline(q: Queryable, params: { roundId: number }) {
  const aspectRows = q
    .select({ id: aspects.id, name: aspects.name, position: aspects.position })
    .from(aspects)
    .where(eq(aspects.roundId, params.roundId))
    .orderBy(asc(aspects.position), asc(aspects.id))
    .all();
  const problemRows = q
    .select({
      id: problems.id,
      aspectId: problems.aspectId,
      number: problems.number,
      title: problems.title,
      leadLeader: problems.leadLeader,
      leadUnitName: units.name,
      status: problems.status,
    })
    .from(problems)
    .leftJoin(units, eq(units.id, problems.leadUnitId))
    .where(eq(problems.roundId, params.roundId))
    .orderBy(asc(problems.number))
    .all();
  const measureRows = q
    .select({
      id: measures.id,
      problemId: measures.problemId,
      position: measures.position,
      text: measures.text,
      leadUnitName: units.name,
      coUnitNames,
      deadline: measures.deadline,
      deadlineText: measures.deadlineText,
      deadlineKind: measures.deadlineKind,
      category: measures.category,
      status: measures.status,
    })
    .from(measures)
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(eq(measures.roundId, params.roundId))
    .orderBy(asc(measures.problemId), asc(measures.position), asc(measures.id))
    .all();

  const measuresOf = new Map<number, typeof measureRows>();
  for (const m of measureRows) {
    const list = measuresOf.get(m.problemId) ?? [];
    list.push(m);
    measuresOf.set(m.problemId, list);
  }
  const outlined = problemRows.map((p) => ({ ...p, measures: measuresOf.get(p.id) ?? [] }));
  return {
    aspects: aspectRows.map((a) => ({ ...a, problems: outlined.filter((p) => p.aspectId === a.id) })),
    /** Problems not (or no longer) under an aspect. */
    unassigned: outlined.filter((p) => p.aspectId === null),
    problemCount: problemRows.length,
    measureCount: measureRows.length,
  };
}

export type PlanOutline = ReturnType<typeof planOutline>;
export type OutlineProblem = PlanOutline["unassigned"][number];
export type OutlineMeasure = OutlineProblem["measures"][number];

/** The number a new problem most likely gets: one past the highest so far. */
export function nextProblemNumber(q: Queryable, params: { roundId: number }): number {
  return (q.select({ n: max(problems.number) }).from(problems).where(eq(problems.roundId, params.roundId)).get()?.n ?? 0) + 1;
}

export function aspectForEdit(q: Queryable, params: { roundId: number; aspectId: number }) {
  const aspect = q
    .select()
    .from(aspects)
    .where(and(eq(aspects.id, params.aspectId), eq(aspects.roundId, params.roundId)))
    .get();
  if (!aspect) return undefined;
  const problemCount = q.select({ n: count() }).from(problems).where(eq(problems.aspectId, aspect.id)).get()?.n ?? 0;
  return { ...aspect, problemCount };
}

export function problemForEdit(q: Queryable, params: { roundId: number; problemId: number }) {
  return q
    .select()
    .from(problems)
    .where(and(eq(problems.id, params.problemId), eq(problems.roundId, params.roundId)))
    .get();
}

export function measureForEdit(q: Queryable, params: { roundId: number; measureId: number }) {
  const measure = q
    .select()
    .from(measures)
    .where(and(eq(measures.id, params.measureId), eq(measures.roundId, params.roundId)))
    .get();
  if (!measure) return undefined;
  const coUnitIds = q
    .select({ id: measureCoUnits.unitId })
    .from(measureCoUnits)
    .where(eq(measureCoUnits.measureId, measure.id))
    .all()
    .map((r) => r.id);
  const problem = problemForEdit(q, { roundId: params.roundId, problemId: measure.problemId })!;
  const indicator = q.select().from(measureIndicators).where(eq(measureIndicators.measureId, measure.id)).get() ?? null;
  return { ...measure, coUnitIds, indicator, problem: { id: problem.id, number: problem.number, title: problem.title } };
}
