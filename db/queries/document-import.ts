import "server-only";
import { eq, sql } from "drizzle-orm";
import { parseDeadline } from "@/lib/deadline-parse";
import { measureDeadlineText } from "@/lib/document-import/responsibility";
import { AppError } from "@/lib/errors";
import type { DocumentPlan, UnitMap } from "@/lib/validations/document-import";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, problems, progressReports, rounds, units } from "../schema";
import { recordAudit } from "./audit";
import { progressFallbackUnit } from "./plan-writer";
import { createUnit } from "./units";

export interface DocumentImportResult {
  roundId: number;
  problems: number;
  measures: number;
  /** Unit names the document gives that match no unit: those measures wait for the office to assign them. */
  unmatchedUnits: string[];
}

/**
 * Writes the plan a document became (as the office edited it) into a round that has no
 * plan yet, inside the caller's transaction, with one audit row for the whole.
 *
 * Problems are numbered 1, 2, 3 … in the order given. A problem's status (null = the
 * document said nothing: 未完成) is given to each of its measures, so the roll-up agrees;
 * its 完成时限 goes to each measure unless the measure names its own, read by
 * lib/deadline-parse (kept verbatim when not understood). 牵头单位 and 责任单位 named in the
 * document are matched to units by exact name; a name that matches none is reported, and
 * the office assigns those in the plan editor. 整改情况 becomes one verified progress
 * report on the problem's first measure, as a ledger import does.
 */
export function createPlanFromDocument(
  tx: Queryable,
  params: { actorId: string | null; authorId: string | null; roundId: number; plan: DocumentPlan; source: string; today: string; unitMap?: UnitMap },
): DocumentImportResult {
  const round = tx.select().from(rounds).where(eq(rounds.id, params.roundId)).get();
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  if (round.archivedAt) throw new AppError("CONFLICT", "该轮次已归档,请先恢复轮次再导入");
  const count = (table: typeof problems | typeof aspects) =>
    tx.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.roundId, round.id)).get()!.n;
  const [existingAspects, existingProblems] = [count(aspects), count(problems)];
  if (existingAspects + existingProblems > 0) {
    throw new AppError(
      "CONFLICT",
      `该轮次已有方案(${existingAspects} 个方面、${existingProblems} 个问题),从文档导入只能用于尚未录入方案的轮次,请新建轮次后导入`,
    );
  }
  const fallbackUnit = progressFallbackUnit(tx, { authorId: params.authorId, inspectedUnitId: round.inspectedUnitId });

  const unitIds = new Map(tx.select({ id: units.id, name: units.name }).from(units).all().map((u) => [u.name.trim(), u.id] as const));
  const known = new Set(unitIds.values());
  // The office's choice for a name that matches no unit: another unit, or a new one of that name.
  for (const [name, choice] of Object.entries(params.unitMap ?? {})) {
    if (unitIds.has(name.trim())) continue;
    if (choice === "new") {
      const created = createUnit(tx, { actorId: params.actorId, input: { name: name.trim(), kind: "other", parentId: null } });
      unitIds.set(created.name, created.id);
    } else if (known.has(choice)) unitIds.set(name.trim(), choice);
    else throw new AppError("VALIDATION", `为“${name}”选择的单位不存在,请刷新后重新选择`, { unitMap: ["所选单位不存在"] });
  }
  const unmatched = new Set<string>();
  const unitOf = (name: string): number | null => {
    if (!name) return null;
    const id = unitIds.get(name.trim()) ?? null;
    if (id === null) unmatched.add(name);
    return id;
  };

  let problemCount = 0;
  let measureCount = 0;
  let position = 0;
  for (const aspect of params.plan.aspects) {
    if (aspect.problems.length === 0) continue; // an aspect the office emptied in the preview
    const aspectId =
      aspect.name === ""
        ? null
        : tx.insert(aspects).values({ roundId: round.id, position: ++position, name: aspect.name }).returning({ id: aspects.id }).get().id;
    for (const problem of aspect.problems) {
      const status = problem.status ?? "incomplete";
      // Nothing of the document is dropped: with no measure to carry it, 整改情况 stays on the problem.
      const description =
        problem.measures.length === 0 && problem.progressText
          ? [problem.description, `整改情况:${problem.progressText}`].filter(Boolean).join("\n")
          : problem.description;
      const leadUnitId = unitOf(problem.responsibility?.leadUnit ?? "");
      const problemRow = tx
        .insert(problems)
        .values({ roundId: round.id, aspectId, number: ++problemCount, title: problem.title, description, status, leadLeader: problem.responsibility?.leadLeader ?? "", leadUnitId })
        .returning({ id: problems.id })
        .get();
      const coUnitIds = [...new Set((problem.responsibility?.coUnits ?? []).map(unitOf))].filter((id): id is number => id !== null && id !== leadUnitId);
      problem.measures.forEach((text, index) => {
        // "…(完成时限:2022年3月底)" inside the measure is its own deadline.
        const deadline = parseDeadline(measureDeadlineText(text) ?? problem.deadlineText, { feedbackDate: round.feedbackDate });
        const measureRow = tx
          .insert(measures)
          .values({
            roundId: round.id,
            problemId: problemRow.id,
            position: index + 1,
            text,
            deadline: deadline.deadline,
            deadlineKind: deadline.kind,
            deadlineText: deadline.text,
            category: deadline.category ?? "time_limited",
            status,
            leadUnitId,
          })
          .returning({ id: measures.id })
          .get();
        if (coUnitIds.length > 0) tx.insert(measureCoUnits).values(coUnitIds.map((unitId) => ({ measureId: measureRow.id, unitId }))).run();
        measureCount += 1;
        if (index === 0 && problem.progressText) {
          tx.insert(progressReports)
            .values({
              measureId: measureRow.id,
              unitId: fallbackUnit(),
              authorId: params.authorId,
              reportDate: params.today,
              text: problem.progressText,
              claimedStatus: status,
              isClaim: status !== "incomplete",
              reviewState: "signed_off",
              reviewerId: params.authorId,
              reviewedAt: new Date(),
            })
            .run();
        }
      });
    }
  }
  const result = { roundId: round.id, problems: problemCount, measures: measureCount, unmatchedUnits: [...unmatched] };
  recordAudit(tx, {
    actorId: params.actorId,
    action: "round.import_document",
    entity: "round",
    entityId: round.id,
    after: { source: params.source, ...result, aspects: position },
  });
  return result;
}
