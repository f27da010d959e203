import "server-only";
import { addDays, formatISO, parseISO } from "date-fns";
import { and, asc, desc, eq, gte, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { ListFilter } from "@/lib/validations/list-filter";
import { aspects, measureCoUnits, measures, problems, units } from "../schema";
import { outer } from "./sql";

/** LIKE pattern for a user's search text, with %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Measures a unit answers for: it leads them or is one of their co-responsible units. */
export function measureOfUnit(unitId: number): SQL {
  // An IN over a union lets SQLite start from the two unit indexes: the unit's few hundred
  // measures instead of every measure of the round, each checked for the OR.
  return sql`${outer(measures.id)} in (select ${measures.id} from ${measures} where ${measures.leadUnitId} = ${unitId} union select ${measureCoUnits.measureId} from ${measureCoUnits} where ${measureCoUnits.unitId} = ${unitId})`;
}

/**
 * The WHERE of every measure-level list (任务清单, 责任清单, 进度清单, 整改台账), so that
 * the same filter means the same rows everywhere. Expects measures joined to problems.
 */
export function measureConditions(params: { roundId: number; filter: ListFilter; today: string; dueSoonDays: number }): SQL {
  const { filter, today } = params;
  const conditions: (SQL | undefined)[] = [eq(measures.roundId, params.roundId)];
  if (filter.aspect) conditions.push(eq(problems.aspectId, filter.aspect));
  if (filter.unit) conditions.push(measureOfUnit(filter.unit));
  if (filter.status) conditions.push(eq(measures.status, filter.status));
  if (filter.from) conditions.push(gte(measures.deadline, filter.from));
  if (filter.to) conditions.push(lte(measures.deadline, filter.to));
  if (filter.overdue) conditions.push(and(ne(measures.status, "completed"), sql`${measures.deadline} < ${today}`));
  if (filter.dueSoon) {
    const end = formatISO(addDays(parseISO(today), params.dueSoonDays), { representation: "date" });
    conditions.push(and(ne(measures.status, "completed"), gte(measures.deadline, today), lte(measures.deadline, end)));
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(
        sql`${measures.text} like ${pattern} escape '\\'`,
        sql`${problems.title} like ${pattern} escape '\\'`,
        sql`${measures.goal} like ${pattern} escape '\\'`,
      ),
    );
  }
  return and(...conditions)!;
}

/** ORDER BY for measure lists; plan order (方面 → 问题序号 → 措施) breaks ties. */
export function measureOrder(filter: ListFilter): SQL[] {
  const direction = filter.dir === "desc" ? desc : asc;
  const planOrder = [asc(aspects.position), asc(problems.number), asc(measures.position)];
  switch (filter.sort) {
    case "deadline":
      return [sql`${measures.deadline} is null`, direction(measures.deadline), ...planOrder];
    case "status":
      return [direction(sql`case ${measures.status} when 'incomplete' then 0 when 'basically_completed' then 1 else 2 end`), ...planOrder];
    case "unit":
      return [direction(units.name), ...planOrder];
    default:
      return filter.dir === "desc" ? [desc(aspects.position), desc(problems.number), desc(measures.position)] : planOrder;
  }
}

