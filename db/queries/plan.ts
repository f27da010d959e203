import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, units } from "../schema";

export function listAspects(q: Queryable, params: { roundId: number }) {
  return q
    .select({ id: aspects.id, name: aspects.name, position: aspects.position })
    .from(aspects)
    .where(eq(aspects.roundId, params.roundId))
    .orderBy(asc(aspects.position), asc(aspects.id))
    .all();
}

/** The units that answer for something in a round (lead or co-responsible), by name. */
export function unitsInRound(q: Queryable, params: { roundId: number }) {
  return q
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      sql`${units.id} in (
        select ${measures.leadUnitId} from ${measures} where ${measures.roundId} = ${params.roundId}
        union
        select ${measureCoUnits.unitId} from ${measureCoUnits}
          join ${measures} on ${measures.id} = ${measureCoUnits.measureId}
          where ${measures.roundId} = ${params.roundId})`,
    )
    .orderBy(asc(units.name))
    .all();
}
