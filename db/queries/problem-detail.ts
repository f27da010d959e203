import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, problems, rounds, units } from "../schema";
import { roundOpenToUnits } from "./rounds";

/**
 * A problem with its measures, for its page, and the units that answer for it: a unit sees
 * the problem only when it holds one of its measures (lead or co-responsible), as on the
 * measure page, and not before a round set to wait opens its plan to the units.
 */
export function getProblemDetail(q: Queryable, params: { id: number }) {
  const row = q
    .select({
      problem: problems,
      aspect: { name: aspects.name, position: aspects.position },
      round: { id: rounds.id, name: rounds.name, inspectedBody: rounds.inspectedBody, feedbackDate: rounds.feedbackDate },
      openToUnits: roundOpenToUnits,
      leadUnitName: units.name,
    })
    .from(problems)
    .innerJoin(rounds, eq(rounds.id, problems.roundId))
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .leftJoin(units, eq(units.id, problems.leadUnitId))
    .where(eq(problems.id, params.id))
    .get();
  if (!row) return undefined;
  const measureRows = q
    .select({
      id: measures.id,
      position: measures.position,
      text: measures.text,
      status: measures.status,
      deadline: measures.deadline,
      deadlineText: measures.deadlineText,
      leadUnitId: measures.leadUnitId,
      leadUnitName: units.name,
    })
    .from(measures)
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(eq(measures.problemId, params.id))
    .orderBy(asc(measures.position))
    .all();
  const coUnitIds =
    measureRows.length === 0
      ? []
      : q
          .select({ unitId: measureCoUnits.unitId })
          .from(measureCoUnits)
          .where(inArray(measureCoUnits.measureId, measureRows.map((m) => m.id)))
          .all()
          .map((r) => r.unitId);
  const unitIds = [...new Set([...measureRows.map((m) => m.leadUnitId), ...coUnitIds])].filter((id): id is number => id !== null);
  return { ...row, measures: measureRows, ownership: { unitIds: row.openToUnits ? unitIds : [], roundId: row.round.id } };
}

export type ProblemDetail = NonNullable<ReturnType<typeof getProblemDetail>>;
