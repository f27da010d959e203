import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { ListFilter } from "@/lib/validations/list-filter";
import type { Queryable } from "../client";
import { evidenceFiles, measures, problems, progressReports, rounds, units, users } from "../schema";
import { measureConditions } from "./measure-filter";
import { outer } from "./sql";
import { COMMAND_LINE_AUTHOR } from "@/lib/domain";

/** 进度清单: the dated progress reports of the filtered measures, latest first. */
export function progressPage(q: Queryable, params: { roundId: number; filter: ListFilter; today: string; pageSize: number }) {
  const dueSoonDays = q.select({ d: rounds.dueSoonDays }).from(rounds).where(eq(rounds.id, params.roundId)).get()?.d ?? 7;
  const where = measureConditions({ ...params, dueSoonDays });
  const total =
    q
      .select({ n: sql<number>`count(*)` })
      .from(progressReports)
      .innerJoin(measures, eq(measures.id, progressReports.measureId))
      .innerJoin(problems, eq(problems.id, measures.problemId))
      .where(where)
      .get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const page = Math.min(params.filter.page ?? 1, pages);
  const rows = q
    .select({
      id: progressReports.id,
      reportDate: progressReports.reportDate,
      text: progressReports.text,
      percent: progressReports.percent,
      claimedStatus: progressReports.claimedStatus,
      reviewState: progressReports.reviewState,
      reviewNote: progressReports.reviewNote,
      unitName: units.name,
      authorName: sql<string>`coalesce(${users.name}, ${COMMAND_LINE_AUTHOR})`,
      measureId: measures.id,
      measureText: measures.text,
      problemNumber: problems.number,
      position: measures.position,
      evidenceCount: sql<number>`(select count(*) from ${evidenceFiles} e where e.progress_report_id = ${outer(progressReports.id)})`,
    })
    .from(progressReports)
    .innerJoin(measures, eq(measures.id, progressReports.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .leftJoin(users, eq(users.id, progressReports.authorId))
    .where(where)
    .orderBy(desc(progressReports.reportDate), desc(progressReports.id))
    .limit(params.pageSize)
    .offset((page - 1) * params.pageSize)
    .all();
  return { rows, total, page, pages };
}
