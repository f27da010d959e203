import "server-only";
import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { InstitutionApplied } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { defaultReviewDate, institutionReviewState } from "@/lib/institution-review";
import type { InstitutionEditInput, InstitutionInput } from "@/lib/validations/institution";
import type { Queryable } from "../client";
import { institutionProblems, institutions, lookBackInstitutionChecks, lookBacks, measures, problems, progressReports, rounds, units } from "../schema";
import { recordAudit } from "./audit";
import { outer } from "./sql";

// 建章立制 (DOMAIN.md §9): rules issued as part of rectification. A progress report
// registers them; the round lists and counts them for its public report. Each rule answers
// problems of its round (institution_problems), is re-examined on its 复查日期, and every
// 回头看 of a measure under those problems asks whether it is applied (look-backs.ts).

/**
 * Stores the institutions a progress report announces. Call it inside the transaction that
 * inserts the report, so a report and its rules stand or fall together; the report's audit
 * row lists them (one row per user action). Each is reviewed a year after issue (or after
 * `registeredOn`) and answers the problem of the measure reported on.
 */
export function registerInstitutions(
  tx: Queryable,
  params: {
    roundId: number;
    unitId: number | null;
    progressReportId: number | null;
    problemId: number | null;
    registeredOn: string;
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
        reviewDate: defaultReviewDate(item.issuedDate, params.registeredOn),
      })
      .returning()
      .get();
    if (params.problemId !== null) tx.insert(institutionProblems).values({ institutionId: created.id, problemId: params.problemId }).run();
    return created;
  });
}

export interface LinkedProblem {
  id: number;
  number: number;
}

export interface LastCheck {
  applied: InstitutionApplied;
  note: string | null;
  checkedAt: number | null;
  measureId: number;
}

// Correlated sub-selects read as JSON: the problems a rule answers, and the last 回头看 answer about it.
const linkedProblemsJson = sql<string>`(select json_group_array(json_object('id', x.id, 'number', x.number)) from
  (select p.id, p.number from ${institutionProblems} ip join ${problems} p on p.id = ip.problem_id
   where ip.institution_id = ${outer(institutions.id)} order by p.number, p.id) x)`;
const lastCheckJson = sql<string | null>`(select json_object('applied', c.applied, 'note', c.note, 'checkedAt', l.checked_at, 'measureId', l.measure_id)
  from ${lookBackInstitutionChecks} c join ${lookBacks} l on l.id = c.look_back_id
  where c.institution_id = ${outer(institutions.id)} order by l.checked_at desc, l.id desc limit 1)`;

const linkedProblemsOf = (json: string) => JSON.parse(json) as LinkedProblem[];
const lastCheckOf = (json: string | null) => (json ? (JSON.parse(json) as LastCheck) : null);
const newestIssuedFirst = [sql`${institutions.issuedDate} is null`, desc(institutions.issuedDate), asc(institutions.id)];

/**
 * A round's institutions, newest issued first, with the unit and the measure they came from,
 * the problems they answer, their 复查日期 and the last 回头看 answer. With `reviewDueBy`,
 * only those whose review falls on or before that day (the office's 到期复查 filter).
 */
export function listInstitutions(q: Queryable, params: { roundId: number; reviewDueBy?: string }) {
  return q
    .select({
      id: institutions.id,
      title: institutions.title,
      documentNumber: institutions.documentNumber,
      issuedDate: institutions.issuedDate,
      reviewDate: institutions.reviewDate,
      unitName: units.name,
      progressReportId: institutions.progressReportId,
      measureId: measures.id,
      measureText: measures.text,
      problemNumber: problems.number,
      position: measures.position,
      linkedProblems: linkedProblemsJson,
      lastCheck: lastCheckJson,
    })
    .from(institutions)
    .leftJoin(units, eq(units.id, institutions.unitId))
    .leftJoin(progressReports, eq(progressReports.id, institutions.progressReportId))
    .leftJoin(measures, eq(measures.id, progressReports.measureId))
    .leftJoin(problems, eq(problems.id, measures.problemId))
    .where(and(eq(institutions.roundId, params.roundId), params.reviewDueBy ? lte(institutions.reviewDate, params.reviewDueBy) : undefined))
    .orderBy(...newestIssuedFirst)
    .all()
    .map((row) => ({ ...row, linkedProblems: linkedProblemsOf(row.linkedProblems), lastCheck: lastCheckOf(row.lastCheck) }));
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

/** One rule with the ids of the problems it answers, for the office's edit. */
export function getInstitution(q: Queryable, params: { id: number }) {
  const row = q.select().from(institutions).where(eq(institutions.id, params.id)).get();
  if (!row) return undefined;
  const problemIds = q
    .select({ id: institutionProblems.problemId })
    .from(institutionProblems)
    .where(eq(institutionProblems.institutionId, row.id))
    .orderBy(asc(institutionProblems.problemId))
    .all()
    .map((p) => p.id);
  return { ...row, problemIds };
}

/**
 * The office sets a rule's 复查日期 and the problems (of its round) it answers. Refuses a
 * problem of another round and a rule of an archived round; one audit row with both sides.
 */
export function updateInstitution(tx: Queryable, params: { actorId: string; input: InstitutionEditInput }) {
  const { input } = params;
  const before = getInstitution(tx, { id: input.institutionId });
  if (!before) throw new AppError("NOT_FOUND", "未找到该制度");
  const round = tx.select({ archivedAt: rounds.archivedAt }).from(rounds).where(eq(rounds.id, before.roundId)).get();
  if (round?.archivedAt) throw new AppError("CONFLICT", "该轮次已归档,不能修改其制度;如需修改请先恢复轮次");
  const inRound = tx
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.roundId, before.roundId), inArray(problems.id, input.problemIds)))
    .all()
    .map((p) => p.id);
  if (inRound.length !== input.problemIds.length) {
    throw new AppError("VALIDATION", "所选问题不属于该制度所在的轮次", { problemIds: ["只能关联本轮次的问题"] });
  }
  tx.update(institutions).set({ reviewDate: input.reviewDate }).where(eq(institutions.id, before.id)).run();
  tx.delete(institutionProblems).where(eq(institutionProblems.institutionId, before.id)).run();
  tx.insert(institutionProblems)
    .values(input.problemIds.map((problemId) => ({ institutionId: before.id, problemId })))
    .run();
  const problemIds = [...input.problemIds].sort((a, b) => a - b);
  recordAudit(tx, {
    actorId: params.actorId,
    action: "institution.update",
    entity: "institution",
    entityId: before.id,
    before: { reviewDate: before.reviewDate, linkedProblemIds: before.problemIds },
    after: { reviewDate: input.reviewDate, linkedProblemIds: problemIds },
  });
  return { ...before, reviewDate: input.reviewDate, problemIds };
}

/** The rules that answer a problem, for its page. */
export function problemInstitutions(q: Queryable, params: { problemId: number }) {
  return q
    .select({
      id: institutions.id,
      roundId: institutions.roundId,
      title: institutions.title,
      documentNumber: institutions.documentNumber,
      issuedDate: institutions.issuedDate,
      reviewDate: institutions.reviewDate,
      unitName: units.name,
      lastCheck: lastCheckJson,
    })
    .from(institutionProblems)
    .innerJoin(institutions, eq(institutions.id, institutionProblems.institutionId))
    .leftJoin(units, eq(units.id, institutions.unitId))
    .where(eq(institutionProblems.problemId, params.problemId))
    .orderBy(...newestIssuedFirst)
    .all()
    .map((row) => ({ ...row, lastCheck: lastCheckOf(row.lastCheck) }));
}

/**
 * The rules a 回头看 of `measureId` asks about: those answering the measure's problem, and
 * those registered with one of the measure's progress reports (even if the office has since
 * linked them elsewhere: the unit announced them as this measure's work).
 */
export function institutionsForMeasure(q: Queryable, params: { measureId: number }) {
  return institutionsForMeasures(q, { measureIds: [params.measureId] }).get(params.measureId) ?? [];
}

export type AskedInstitution = { id: number; title: string; documentNumber: string };

/** institutionsForMeasure for several measures in one query (a list of due 回头看), by measure id. */
export function institutionsForMeasures(q: Queryable, params: { measureIds: readonly number[] }): Map<number, AskedInstitution[]> {
  const byMeasure = new Map<number, AskedInstitution[]>();
  if (params.measureIds.length === 0) return byMeasure;
  const ids = sql.join([...new Set(params.measureIds)].map((id) => sql`${id}`), sql`, `);
  // union, not union all: a rule both linked to the problem and registered with the measure is asked once.
  const rows = q.all<AskedInstitution & { measureId: number }>(sql`
    select m.id as measureId, i.id as id, i.title as title, i.document_number as documentNumber
      from ${measures} m join ${institutionProblems} ip on ip.problem_id = m.problem_id join ${institutions} i on i.id = ip.institution_id
      where m.id in (${ids})
    union
    select pr.measure_id, i.id, i.title, i.document_number
      from ${progressReports} pr join ${institutions} i on i.progress_report_id = pr.id
      where pr.measure_id in (${ids})
    order by measureId, id`);
  for (const { measureId, ...rule } of rows) byMeasure.set(measureId, [...(byMeasure.get(measureId) ?? []), rule]);
  return byMeasure;
}

/** What each of `lookBackIds` answered about the rules, for the look-back history. */
export function lookBackChecks(q: Queryable, params: { lookBackIds: readonly number[] }) {
  if (params.lookBackIds.length === 0) return [];
  return q
    .select({
      lookBackId: lookBackInstitutionChecks.lookBackId,
      institutionId: institutions.id,
      title: institutions.title,
      applied: lookBackInstitutionChecks.applied,
      note: lookBackInstitutionChecks.note,
    })
    .from(lookBackInstitutionChecks)
    .innerJoin(institutions, eq(institutions.id, lookBackInstitutionChecks.institutionId))
    .where(inArray(lookBackInstitutionChecks.lookBackId, [...params.lookBackIds]))
    .orderBy(asc(institutions.id))
    .all();
}

/**
 * 催报's 制度到期复查: rules of open rounds (of `roundIds`, null: all) whose review is due or
 * due soon on `today` (by each round's 临期 days), the earliest first.
 */
export function institutionReviewsDue(q: Queryable, params: { today: string; roundIds: readonly number[] | null }) {
  const rows = q
    .select({
      id: institutions.id,
      title: institutions.title,
      documentNumber: institutions.documentNumber,
      reviewDate: institutions.reviewDate,
      roundId: rounds.id,
      roundName: rounds.name,
      dueSoonDays: rounds.dueSoonDays,
      unitId: institutions.unitId,
      unitName: units.name,
      linkedProblems: linkedProblemsJson,
    })
    .from(institutions)
    .innerJoin(rounds, eq(rounds.id, institutions.roundId))
    .leftJoin(units, eq(units.id, institutions.unitId))
    .where(
      and(
        isNull(rounds.archivedAt),
        // 90 days is the most a round may call 临期 (rounds_due_soon_days_check).
        lte(institutions.reviewDate, sql`date(${params.today}, '+90 days')`),
        params.roundIds === null ? undefined : inArray(rounds.id, [...params.roundIds]),
      ),
    )
    .orderBy(asc(institutions.reviewDate), asc(institutions.id))
    .all();
  return rows
    .map((r) => ({
      ...r,
      linkedProblems: linkedProblemsOf(r.linkedProblems),
      state: institutionReviewState({ reviewDate: r.reviewDate, today: params.today, dueSoonDays: r.dueSoonDays }),
    }))
    .filter((r) => r.state !== null);
}

export type DueInstitutionReview = ReturnType<typeof institutionReviewsDue>[number];

/** A round's problems to pick from when linking a rule, in the order of the plan. */
export function roundProblemOptions(q: Queryable, params: { roundId: number }) {
  return q
    .select({ id: problems.id, number: problems.number, title: problems.title })
    .from(problems)
    .where(eq(problems.roundId, params.roundId))
    .orderBy(asc(problems.number), asc(problems.id))
    .all();
}
