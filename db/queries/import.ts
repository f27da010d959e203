import "server-only";
import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ImportPlan } from "@/lib/ledger-import/types";
import { AppError } from "@/lib/errors";
import { problemStatus } from "@/lib/status";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, problems, progressReports, rounds, units, users } from "../schema";
import { recordAudit } from "./audit";
import { notifyUnit } from "./notifications";

/** Which of the plan's unit names exist already; the rest would be created by the import. */
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

export interface ImportResult {
  roundId: number;
  problems: number;
  measures: number;
  createdUnits: string[];
}

/**
 * Writes an error-free plan into an empty round, all of it inside the caller's transaction:
 * missing units (under the round's inspected body), aspects, problems with their rolled-up
 * status, measures with co-responsible units, and each 整改情况 as a verified progress
 * report by `authorId`. One audit row records the import as a whole.
 */
export function importPlan(
  tx: Queryable,
  params: { actorId: string | null; authorId: string | null; roundId: number; plan: ImportPlan; source: string; today: string },
): ImportResult {
  const { plan } = params;
  if (plan.errors.length > 0) throw new AppError("VALIDATION", "文件有错误,未导入");
  const round = tx.select().from(rounds).where(eq(rounds.id, params.roundId)).get();
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  const existing = tx.select({ n: sql<number>`count(*)` }).from(problems).where(eq(problems.roundId, round.id)).get()!.n;
  if (existing > 0) {
    throw new AppError("CONFLICT", `该轮次已有 ${existing} 个问题,导入只能用于尚未录入方案的轮次,请新建轮次后导入`);
  }
  const fallbackUnit = progressFallbackUnit(tx, { authorId: params.authorId, inspectedUnitId: round.inspectedUnitId });

  const { known, unknown } = splitKnownUnits(tx, { names: plan.unitNames });
  for (const name of unknown) {
    const created = tx.insert(units).values({ name, kind: "other", parentId: round.inspectedUnitId }).returning({ id: units.id }).get();
    known.set(name, created.id);
  }
  const unitId = (name: string | null) => (name ? (known.get(name) ?? null) : null);

  const aspectIds = new Map<string, number>();
  plan.aspects.forEach((name, index) => {
    const row = tx.insert(aspects).values({ roundId: round.id, position: index + 1, name }).returning({ id: aspects.id }).get();
    aspectIds.set(name, row.id);
  });

  let measureCount = 0;
  const assigned = new Map<number, number>();
  const countAssignment = (unitIds: (number | null)[]) => {
    for (const id of new Set(unitIds)) if (id !== null) assigned.set(id, (assigned.get(id) ?? 0) + 1);
  };
  // Prepared once, run per row: building and preparing a statement per row was most of a
  // 10,000-row import's time.
  const inserts = preparedInserts(tx, round.id);
  for (const problem of plan.problems) {
    const problemRow = inserts.problem.get({
      aspectId: problem.aspect ? (aspectIds.get(problem.aspect) ?? null) : null,
      number: problem.number,
      title: problem.title,
      leadLeader: problem.leadLeader,
      leadUnitId: unitId(problem.leadUnit),
      status: problemStatus(problem.measures.map((m) => m.status)),
    })!;
    problem.measures.forEach((measure, index) => {
      const leadUnitId = unitId(measure.leadUnit);
      const measureRow = inserts.measure.get({
        problemId: problemRow.id,
        position: index + 1,
        text: measure.text,
        leadUnitId,
        deadline: measure.deadline,
        deadlineKind: measure.deadlineKind,
        deadlineText: measure.deadlineText,
        category: measure.category,
        status: measure.status,
      })!;
      measureCount += 1;
      const coUnitIds = measure.coUnits.map(unitId).filter((id): id is number => id !== null && id !== leadUnitId);
      countAssignment([leadUnitId, ...coUnitIds]);
      for (const coUnitId of new Set(coUnitIds)) inserts.coUnit.run({ measureId: measureRow.id, unitId: coUnitId });
      if (measure.progress) {
        // 整改情况 in an imported ledger is what the office already accepted.
        inserts.progress.run({
          measureId: measureRow.id,
          unitId: leadUnitId ?? unitId(problem.leadUnit) ?? fallbackUnit(),
          authorId: params.authorId,
          reportDate: params.today,
          text: measure.progress,
          claimedStatus: measure.status,
          isClaim: measure.status !== "incomplete",
          reviewerId: params.authorId,
          reviewedAt: new Date(),
        });
      }
    });
  }
  // One notification per unit for the whole import, not one per measure.
  for (const [assignedUnitId, count] of assigned) {
    notifyUnit(tx, {
      unitId: assignedUnitId,
      notification: {
        kind: "assignment",
        title: "新分配的整改任务",
        body: `${round.name}:本单位牵头或配合的整改措施 ${count} 项`,
        link: "/my-tasks",
        dedupeKey: `assign:import:round:${round.id}:unit:${assignedUnitId}`,
      },
    });
  }
  const result = { roundId: round.id, problems: plan.problems.length, measures: measureCount, createdUnits: unknown };
  recordAudit(tx, {
    actorId: params.actorId,
    action: "round.import",
    entity: "round",
    entityId: round.id,
    after: { source: params.source, ...result, warnings: plan.warnings.length },
  });
  return result;
}

const p = sql.placeholder;

/** The import's per-row INSERTs, prepared once for the transaction they run in. */
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
      .prepare(),
  };
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
