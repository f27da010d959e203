import "server-only";
import { eq, sql } from "drizzle-orm";
import type { ImportPlan } from "@/lib/ledger-import/types";
import { AppError } from "@/lib/errors";
import type { Queryable } from "../client";
import { aspects, problems, rounds } from "../schema";
import { recordAudit } from "./audit";
import { notifyAssigned, planWriter } from "./plan-writer";

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
    throw new AppError("CONFLICT", `该轮次已有 ${existing} 个问题,整体导入只能用于尚未录入方案的轮次。如要按文件更新已有方案,请用更新导入(命令行加 --update);否则请新建轮次后导入`);
  }
  const writer = planWriter(tx, { round, authorId: params.authorId, today: params.today });
  writer.ensureUnits(plan.unitNames);

  const aspectIds = new Map<string, number>();
  plan.aspects.forEach((name, index) => {
    const row = tx.insert(aspects).values({ roundId: round.id, position: index + 1, name }).returning({ id: aspects.id }).get();
    aspectIds.set(name, row.id);
  });

  let measureCount = 0;
  for (const problem of plan.problems) {
    const problemId = writer.problem(problem, problem.aspect ? (aspectIds.get(problem.aspect) ?? null) : null);
    problem.measures.forEach((measure, index) => {
      writer.measure({ problemId, problemLeadUnit: problem.leadUnit, position: index + 1, measure });
      measureCount += 1;
    });
  }
  // One notification per unit for the whole import, not one per measure.
  notifyAssigned(tx, { round, assigned: writer.assigned, dedupeKey: `assign:import:round:${round.id}` });
  const result = { roundId: round.id, problems: plan.problems.length, measures: measureCount, createdUnits: writer.createdUnits };
  recordAudit(tx, {
    actorId: params.actorId,
    action: "round.import",
    entity: "round",
    entityId: round.id,
    after: { source: params.source, ...result, warnings: plan.warnings.length },
  });
  return result;
}
