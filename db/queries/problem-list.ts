import "server-only";
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { tallyStatuses } from "@/lib/status";
import type { ListFilter } from "@/lib/validations/list-filter";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, problems, units } from "../schema";
import { containsPattern } from "./measure-filter";
import { outer } from "./sql";

function problemConditions(roundId: number, filter: ListFilter): SQL {
  const conditions: (SQL | undefined)[] = [eq(problems.roundId, roundId)];
  if (filter.aspect) conditions.push(eq(problems.aspectId, filter.aspect));
  if (filter.status) conditions.push(eq(problems.status, filter.status));
  if (filter.unit) {
    // A unit answers for a problem it leads, or for any of its measures.
    conditions.push(
      or(
        eq(problems.leadUnitId, filter.unit),
        sql`exists (select 1 from ${measures} m where m.problem_id = ${outer(problems.id)} and (m.lead_unit_id = ${filter.unit}
            or exists (select 1 from ${measureCoUnits} c where c.measure_id = m.id and c.unit_id = ${filter.unit})))`,
      ),
    );
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(sql`${problems.title} like ${pattern} escape '\\'`, sql`${problems.description} like ${pattern} escape '\\'`));
  }
  return and(...conditions)!;
}

/** 问题清单: problems by aspect with their rolled-up status and measure progress. */
export function problemPage(q: Queryable, params: { roundId: number; filter: ListFilter; pageSize: number }) {
  const where = problemConditions(params.roundId, params.filter);
  const countRows = q
    .select({ status: problems.status, n: sql<number>`count(*)` })
    .from(problems)
    .where(where)
    .groupBy(problems.status)
    .all();
  const counts = tallyStatuses(countRows);
  const pages = Math.max(1, Math.ceil(counts.total / params.pageSize));
  const page = Math.min(params.filter.page ?? 1, pages);
  const direction = params.filter.dir === "desc" ? desc : asc;
  const order =
    params.filter.sort === "status"
      ? [direction(sql`case ${problems.status} when 'incomplete' then 0 when 'basically_completed' then 1 else 2 end`), asc(problems.number)]
      : params.filter.sort === "unit"
        ? [direction(units.name), asc(problems.number)]
        : [direction(aspects.position), direction(problems.number)];
  const rows = q
    .select({
      id: problems.id,
      number: problems.number,
      title: problems.title,
      description: problems.description,
      status: problems.status,
      leadLeader: problems.leadLeader,
      leadUnitName: units.name,
      aspectPosition: aspects.position,
      aspectName: aspects.name,
      measureCount: sql<number>`(select count(*) from ${measures} m where m.problem_id = ${outer(problems.id)})`,
      completedCount: sql<number>`(select count(*) from ${measures} m where m.problem_id = ${outer(problems.id)} and m.status = 'completed')`,
    })
    .from(problems)
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .leftJoin(units, eq(units.id, problems.leadUnitId))
    .where(where)
    .orderBy(...order)
    .limit(params.pageSize)
    .offset((page - 1) * params.pageSize)
    .all();
  return { rows, counts, page, pages };
}
