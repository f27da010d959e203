import "server-only";
import { asc, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { measureCoUnits, measures, units } from "../schema";
import { outer } from "./sql";

/**
 * 责任清单 by unit: what each unit answers for in a round, as lead unit and as
 * co-responsible unit, with the lead measures' statuses and overdue count.
 */
export function unitResponsibilities(q: Queryable, params: { roundId: number; today: string }) {
  const lead = sql`(select m.id from ${measures} m where m.round_id = ${params.roundId} and m.lead_unit_id = ${outer(units.id)})`;
  return q
    .select({
      unitId: units.id,
      unitName: units.name,
      leadCount: sql<number>`(select count(*) from ${measures} m where m.round_id = ${params.roundId} and m.lead_unit_id = ${outer(units.id)})`,
      coCount: sql<number>`(select count(*) from ${measureCoUnits} c join ${measures} m on m.id = c.measure_id
        where m.round_id = ${params.roundId} and c.unit_id = ${outer(units.id)})`,
      completed: sql<number>`(select count(*) from ${measures} m where m.id in ${lead} and m.status = 'completed')`,
      basicallyCompleted: sql<number>`(select count(*) from ${measures} m where m.id in ${lead} and m.status = 'basically_completed')`,
      incomplete: sql<number>`(select count(*) from ${measures} m where m.id in ${lead} and m.status = 'incomplete')`,
      overdue: sql<number>`(select count(*) from ${measures} m where m.id in ${lead} and m.status != 'completed' and m.deadline < ${params.today})`,
    })
    .from(units)
    .where(
      sql`${outer(units.id)} in (
        select lead_unit_id from ${measures} where round_id = ${params.roundId}
        union select c.unit_id from ${measureCoUnits} c join ${measures} m on m.id = c.measure_id where m.round_id = ${params.roundId})`,
    )
    .orderBy(asc(units.name))
    .all()
    // The "红黄绿" ranking offices use: most overdue first.
    .sort((a, b) => b.overdue - a.overdue);
}

