import "server-only";
import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { ImportedMeasure, ImportedProblem } from "@/lib/ledger-import/types";
import { problemStatus } from "@/lib/status";
import type { Queryable } from "../client";
import { measureCoUnits, measures, problems, progressReports, units, users } from "../schema";
import { notifyUnit } from "./notifications";

// How a ledger file's rows become database rows, shared by the first import of a plan
// (import.ts) and the update import (ledger-update.ts), so a measure added by either is
// the same measure: units created alike, 整改情况 kept alike.

/** Which of the names exist already as units; the rest would be created by an import. */
export function splitKnownUnits(q: Queryable, params: { names: readonly string[] }) {
  const known = new Map<string, number>();
  for (let i = 0; i < params.names.length; i += 500) {
    const chunk = params.names.slice(i, i + 500) as string[];
    for (const u of q.select({ id: units.id, name: units.name }).from(units).where(inArray(units.name, chunk)).all()) {
      known.set(u.name, u.id);
    }
  }
  return { known, unknown: params.names.filter((n) => !known.has(n)) };
}

/**
 * The unit an imported 整改情况 is filed under when its row names no unit: the round's
 * inspected body, else the importer's unit, else the top of the units tree. An import from
 * the command line into a database with no accounts has no importer, hence the last resort.
 */
export function progressFallbackUnit(
  tx: Queryable,
  params: { authorId: string | null; inspectedUnitId: number | null },
): () => number {
  let found: number | undefined;
  return () => {
    found ??=
      params.inspectedUnitId ??
      (params.authorId ? tx.select({ unitId: users.unitId }).from(users).where(eq(users.id, params.authorId)).get()?.unitId : undefined) ??
      tx.select({ id: units.id }).from(units).where(isNull(units.parentId)).orderBy(asc(units.id)).limit(1).get()?.id;
    if (found === undefined) {
      throw new AppError("VALIDATION", "整改情况没有可归属的单位:请在台账中填写牵头单位,或先创建整改办管理员(npm run cli -- user create)");
    }
    return found;
  };
}

const p = sql.placeholder;

/** The per-row INSERTs, prepared once for the transaction they run in. */
function preparedInserts(tx: Queryable, roundId: number) {
  return {
    problem: tx
      .insert(problems)
      .values({ roundId, aspectId: p("aspectId"), number: p("number"), title: p("title"), leadLeader: p("leadLeader"), leadUnitId: p("leadUnitId"), status: p("status") })
      .returning({ id: problems.id })
      .prepare(),
    measure: tx
      .insert(measures)
      .values({
        roundId,
        problemId: p("problemId"),
        position: p("position"),
        text: p("text"),
        leadUnitId: p("leadUnitId"),
        deadline: p("deadline"),
        deadlineKind: p("deadlineKind"),
        deadlineText: p("deadlineText"),
        category: p("category"),
        status: p("status"),
      })
      .returning({ id: measures.id })
      .prepare(),
    coUnit: tx.insert(measureCoUnits).values({ measureId: p("measureId"), unitId: p("unitId") }).prepare(),
    progress: tx
      .insert(progressReports)
      .values({
        measureId: p("measureId"),
        unitId: p("unitId"),
        authorId: p("authorId"),
        reportDate: p("reportDate"),
        text: p("text"),
        claimedStatus: p("claimedStatus"),
        isClaim: p("isClaim"),
        reviewState: "signed_off",
        reviewerId: p("reviewerId"),
        reviewedAt: p("reviewedAt"),
      })
      .returning({ id: progressReports.id })
      .prepare(),
  };
}

export type PlanWriter = ReturnType<typeof planWriter>;

/**
 * Inserts a file's problems and measures into a round, inside the caller's transaction.
 * Prepared once, run per row: building and preparing a statement per row was most of a
 * 10,000-row import's time. Counts the measures each unit was given, for one notification
 * per unit rather than one per measure.
 */
export function planWriter(
  tx: Queryable,
  params: { round: { id: number; inspectedUnitId: number | null }; authorId: string | null; today: string },
) {
  const inserts = preparedInserts(tx, params.round.id);
  const fallbackUnit = progressFallbackUnit(tx, { authorId: params.authorId, inspectedUnitId: params.round.inspectedUnitId });
  const known = new Map<string, number>();
  const createdUnits: string[] = [];
  const assigned = new Map<number, number>();
  const unitId = (name: string | null) => (name ? (known.get(name) ?? null) : null);

  return {
    createdUnits,
    assigned,
    unitId,
    fallbackUnit,
    /** Looks the names up, creating missing ones under the round's inspected body. */
    ensureUnits(names: readonly string[]) {
      const { known: found, unknown } = splitKnownUnits(tx, { names: names.filter((n) => !known.has(n)) });
      for (const [name, id] of found) known.set(name, id);
      for (const name of unknown) {
        const created = tx.insert(units).values({ name, kind: "other", parentId: params.round.inspectedUnitId }).returning({ id: units.id }).get();
        known.set(name, created.id);
        createdUnits.push(name);
      }
    },
    /** A problem with its status rolled up from the file's measures (inserted next, by `measure`). */
    problem(problem: ImportedProblem, aspectId: number | null): number {
      return inserts.problem.get({
        aspectId,
        number: problem.number,
        title: problem.title,
        leadLeader: problem.leadLeader,
        leadUnitId: unitId(problem.leadUnit),
        status: problemStatus(problem.measures.map((m) => m.status)),
      })!.id;
    },
    /** A measure with its co-units; its 整改情况 becomes a progress report the office already accepted. */
    measure(input: { problemId: number; problemLeadUnit: string | null; position: number; measure: ImportedMeasure }): number {
      const { measure } = input;
      const leadUnitId = unitId(measure.leadUnit);
      const measureId = inserts.measure.get({
        problemId: input.problemId,
        position: input.position,
        text: measure.text,
        leadUnitId,
        deadline: measure.deadline,
        deadlineKind: measure.deadlineKind,
        deadlineText: measure.deadlineText,
        category: measure.category,
        status: measure.status,
      })!.id;
      const coUnitIds = measure.coUnits.map(unitId).filter((id): id is number => id !== null && id !== leadUnitId);
      for (const id of new Set([leadUnitId, ...coUnitIds])) if (id !== null) assigned.set(id, (assigned.get(id) ?? 0) + 1);
      for (const coUnitId of new Set(coUnitIds)) inserts.coUnit.run({ measureId, unitId: coUnitId });
      if (measure.progress) {
        inserts.progress.run({
          measureId,
          unitId: leadUnitId ?? unitId(input.problemLeadUnit) ?? fallbackUnit(),
          authorId: params.authorId,
          reportDate: params.today,
          text: measure.progress,
          claimedStatus: measure.status,
          isClaim: measure.status !== "incomplete",
          reviewerId: params.authorId,
          reviewedAt: new Date(),
        });
      }
      return measureId;
    },
    /** A progress report the office writes itself and signs off at once (an update import's status change). */
    signedOffReport(input: { measureId: number; unitId: number; text: string; status: ImportedMeasure["status"] }): number {
      return inserts.progress.get({
        measureId: input.measureId,
        unitId: input.unitId,
        authorId: params.authorId,
        reportDate: params.today,
        text: input.text,
        claimedStatus: input.status,
        // A claim even when it lowers the status: officialStatus() follows signed-off
        // claims, and must arrive where the office put the measure.
        isClaim: true,
        reviewerId: params.authorId,
        reviewedAt: new Date(),
      })!.id;
    },
  };
}

/** One "new task" notification per unit for everything an import gave it. */
export function notifyAssigned(
  tx: Queryable,
  params: { round: { id: number; name: string }; assigned: ReadonlyMap<number, number>; dedupeKey: string },
) {
  for (const [unitId, count] of params.assigned) {
    notifyUnit(tx, {
      unitId,
      notification: {
        kind: "assignment",
        title: "新分配的整改任务",
        body: `${params.round.name}:本单位牵头或配合的整改措施 ${count} 项`,
        link: "/my-tasks",
        dedupeKey: `${params.dedupeKey}:unit:${unitId}`,
      },
    });
  }
}
