import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { InstitutionInput } from "@/lib/validations/institution";
import type { Queryable } from "../client";
import { institutions, measures, problems, progressReports, units } from "../schema";

// 建章立制 (DOMAIN.md §9): rules issued as part of rectification. A progress report
// registers them; the round lists and counts them for its public report.

/**
 * Stores the institutions a progress report announces. Call it inside the transaction that
 * inserts the report, so a report and its rules stand or fall together; the report's audit
 * row lists them (one row per user action).
 */
export function registerInstitutions(
  tx: Queryable,
  params: {
    roundId: number;
    unitId: number | null;
    progressReportId: number | null;
    items: readonly InstitutionInput[];
  },
) {
  return params.items.map((item) => {
    const created = tx
      .insert(institutions)
      .values({
        roundId: params.roundId,
        unitId: params.unitId,
        progressReportId: params.progressReportId,
        title: item.title,
        documentNumber: item.documentNumber,
        issuedDate: item.issuedDate,
      })
      .returning()
      .get();
    return created;
  });
}

/** A round's institutions, newest issued first, with the unit and the measure they came from. */
export function listInstitutions(q: Queryable, params: { roundId: number }) {
  return q
    .select({
      id: institutions.id,
      title: institutions.title,
      documentNumber: institutions.documentNumber,
      issuedDate: institutions.issuedDate,
      unitName: units.name,
      progressReportId: institutions.progressReportId,
      measureId: measures.id,
      measureText: measures.text,
      problemNumber: problems.number,
      position: measures.position,
    })
    .from(institutions)
    .leftJoin(units, eq(units.id, institutions.unitId))
    .leftJoin(progressReports, eq(progressReports.id, institutions.progressReportId))
    .leftJoin(measures, eq(measures.id, progressReports.measureId))
    .leftJoin(problems, eq(problems.id, measures.problemId))
    .where(eq(institutions.roundId, params.roundId))
    .orderBy(sql`${institutions.issuedDate} is null`, desc(institutions.issuedDate), asc(institutions.id))
    .all();
}

export type InstitutionRow = ReturnType<typeof listInstitutions>[number];

export function countInstitutions(q: Queryable, params: { roundId: number }): number {
  return (
    q
      .select({ n: sql<number>`count(*)` })
      .from(institutions)
      .where(eq(institutions.roundId, params.roundId))
      .get()?.n ?? 0
  );
}
