import "server-only";
import { asc, eq, max } from "drizzle-orm";
import { STATUS_LABELS } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { diffCounts, diffUnitNames, type LedgerDiff, type LedgerDiffCounts } from "@/lib/ledger-import/ledger-diff";
import type { ImportedMeasure, ImportedProblem } from "@/lib/ledger-import/types";
import { parseListFilter } from "@/lib/validations/list-filter";
import type { Queryable } from "../client";
import { aspects, measureCoUnits, measures, problems, rounds, units } from "../schema";
import { recordAudit } from "./audit";
import { ledgerRows } from "./ledger";
import { refreshProblemStatus, setMeasureStatus } from "./measure-status";
import { notifyUnit } from "./notifications";
import { createAspect } from "./plan-edit";
import { notifyAssigned, planWriter, type PlanWriter } from "./plan-writer";

// A ledger file applied to a round that already has a plan (issue 13 item 5): what the
// diff (lib/ledger-import/ledger-diff.ts) found is written in the caller's transaction,
// one audit row per change and one for the update as a whole. Rows missing from the file
// are only recorded, never deleted.

export interface SnapshotMeasure extends ImportedMeasure {
  id: number;
  leadUnitId: number | null;
}
export interface SnapshotProblem extends ImportedProblem {
  id: number;
  leadUnitId: number | null;
  measures: SnapshotMeasure[];
}

/**
 * The round's plan in the import's shape, as its export would read back: every problem
 * (those without measures too, so a file cannot add a 序号 twice), measures in plan order.
 */
export function roundPlanSnapshot(q: Queryable, params: { roundId: number; today: string }): SnapshotProblem[] {
  const rows = q
    .select({
      id: problems.id,
      number: problems.number,
      title: problems.title,
      aspect: aspects.name,
      leadLeader: problems.leadLeader,
      leadUnitId: problems.leadUnitId,
      leadUnit: units.name,
    })
    .from(problems)
    .leftJoin(aspects, eq(aspects.id, problems.aspectId))
    .leftJoin(units, eq(units.id, problems.leadUnitId))
    .where(eq(problems.roundId, params.roundId))
    .orderBy(asc(problems.number))
    .all();
  const byId = new Map<number, SnapshotProblem>(rows.map((row) => [row.id, { ...row, measures: [] }]));
  for (const row of ledgerRows(q, { roundId: params.roundId, filter: parseListFilter({}), today: params.today })) {
    byId.get(row.problemId)?.measures.push({
      id: row.id,
      line: 0,
      text: row.text,
      leadUnitId: row.leadUnitId,
      leadUnit: row.leadUnitName,
      coUnits: row.coUnitNames ? row.coUnitNames.split("、") : [],
      deadline: row.deadline,
      deadlineKind: row.deadlineKind,
      deadlineText: row.deadlineText,
      category: row.category,
      status: row.status,
      progress: row.latestProgress,
    });
  }
  return [...byId.values()];
}

export interface LedgerUpdateResult extends LedgerDiffCounts {
  roundId: number;
  createdUnits: string[];
}

const cell = (measure: ImportedMeasure) => ({
  text: measure.text,
  leadUnit: measure.leadUnit,
  coUnits: measure.coUnits.join("、"),
  deadline: measure.deadline,
  deadlineKind: measure.deadlineKind,
  deadlineText: measure.deadlineText,
  status: measure.status,
});

/** Writes `diff` (computed from `snapshot`, read in this same transaction) into the round. */
export function applyLedgerDiff(
  tx: Queryable,
  params: {
    actorId: string | null;
    authorId: string | null;
    roundId: number;
    diff: LedgerDiff;
    snapshot: readonly SnapshotProblem[];
    source: string;
    today: string;
  },
): LedgerUpdateResult {
  const { diff, actorId, source } = params;
  if (diff.conflicts.length > 0) throw new AppError("CONFLICT", "文件中的措施行与本轮次的顺序对不上,未更新");
  const round = tx.select().from(rounds).where(eq(rounds.id, params.roundId)).get();
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  const writer = planWriter(tx, { round, authorId: params.authorId, today: params.today });
  writer.ensureUnits(diffUnitNames(diff));
  const aspectId = aspectsOf(tx, { roundId: round.id, actorId });
  const byNumber = new Map(params.snapshot.map((p) => [p.number, p]));
  const existing = (number: number) => {
    const problem = byNumber.get(number);
    if (!problem) throw new AppError("CONFLICT", `本轮次没有第 ${number} 号问题,请重新上传预览`);
    return problem;
  };
  const measureAt = (number: number, position: number) => {
    const measure = existing(number).measures[position - 1];
    if (!measure) throw new AppError("CONFLICT", `本轮次第 ${number} 号问题没有第 ${position} 项措施,请重新上传预览`);
    return measure;
  };

  for (const problem of diff.addedProblems) {
    const problemId = writer.problem(problem, aspectId(problem.aspect));
    const measureIds = problem.measures.map((measure, index) =>
      addMeasure(tx, writer, { actorId, source, problemId, problem, position: index + 1, measure }),
    );
    recordAudit(tx, {
      actorId,
      action: "problem.create_import",
      entity: "problem",
      entityId: problemId,
      after: { number: problem.number, title: problem.title, aspect: problem.aspect, leadLeader: problem.leadLeader, leadUnit: problem.leadUnit, measureIds, source },
    });
  }

  const touched = new Set<number>();
  for (const { problemNumber, measure } of diff.addedMeasures) {
    const problem = existing(problemNumber);
    const position = (tx.select({ p: max(measures.position) }).from(measures).where(eq(measures.problemId, problem.id)).get()?.p ?? 0) + 1;
    addMeasure(tx, writer, { actorId, source, problemId: problem.id, problem, position, measure });
    touched.add(problem.id);
  }

  for (const change of diff.changedProblems) {
    const problem = existing(change.number);
    const set: Partial<typeof problems.$inferInsert> = {};
    for (const { field } of change.changes) {
      if (field === "aspect") set.aspectId = aspectId(change.next.aspect);
      else if (field === "title") set.title = change.next.title;
      else set.leadLeader = change.next.leadLeader;
    }
    tx.update(problems).set(set).where(eq(problems.id, problem.id)).run();
    recordAudit(tx, {
      actorId,
      action: "problem.update_import",
      entity: "problem",
      entityId: problem.id,
      before: Object.fromEntries(change.changes.map((c) => [c.field, c.before])),
      after: { ...Object.fromEntries(change.changes.map((c) => [c.field, c.after])), line: change.line, source },
    });
  }

  for (const change of diff.changedMeasures) {
    const measure = measureAt(change.problemNumber, change.position);
    updateMeasureCells(tx, writer, { actorId, source, measure, change });
  }

  // Status last: each is a sign-off of the measure as the file now describes it.
  const signedOff = new Map<number, number>();
  for (const change of diff.statusChanges) {
    const problem = existing(change.problemNumber);
    const measure = measureAt(change.problemNumber, change.position);
    const unitId = writer.unitId(measure.leadUnit) ?? measure.leadUnitId ?? problem.leadUnitId ?? writer.fallbackUnit();
    const fromTo = `整改状态由“${STATUS_LABELS[change.from]}”改为“${STATUS_LABELS[change.to]}”`;
    // The file's 整改情况 when the office wrote something new; else say what happened.
    const progress = change.progress?.trim();
    const text = progress && progress !== measure.progress?.trim() ? progress : `台账更新导入:${fromTo}`;
    const reportId = writer.signedOffReport({ measureId: measure.id, unitId, text, status: change.to });
    setMeasureStatus(tx, {
      actorId,
      measureId: measure.id,
      status: change.to,
      // Audited as the sign-off (or reopening) it is, so the burn-up and a unit's
      // completion dates, which read those rows, count it.
      action: change.to === "incomplete" ? "measure.reopen" : "measure.sign_off",
      reason: `台账更新导入(${source} 第 ${change.line} 行):${fromTo}`,
      reportId,
    });
    const lead = tx.select({ id: measures.leadUnitId }).from(measures).where(eq(measures.id, measure.id)).get()?.id;
    if (lead) signedOff.set(lead, (signedOff.get(lead) ?? 0) + 1);
  }
  for (const problemId of touched) refreshProblemStatus(tx, problemId);

  const stamp = `${round.id}:${Date.now()}`;
  notifyAssigned(tx, { round, assigned: writer.assigned, dedupeKey: `assign:import-update:round:${stamp}` });
  for (const [unitId, count] of signedOff) {
    notifyUnit(tx, {
      unitId,
      notification: {
        kind: "claim_signed_off",
        title: "整改状态已更新",
        body: `${round.name}:整改办按台账更新了本单位牵头的 ${count} 项整改措施的整改状态`,
        link: "/my-tasks",
        dedupeKey: `signoff:import-update:round:${stamp}:unit:${unitId}`,
      },
    });
  }

  const counts = diffCounts(diff);
  recordAudit(tx, {
    actorId,
    action: "round.import_update",
    entity: "round",
    entityId: round.id,
    after: {
      source,
      ...counts,
      createdUnits: writer.createdUnits,
      // Flagged for the office to look at; the update deletes nothing.
      missingProblems: diff.missingProblems.map((p) => p.number),
      missingMeasures: diff.missingMeasures.map((m) => `${m.problemNumber}.${m.position}`),
    },
  });
  return { roundId: round.id, ...counts, createdUnits: writer.createdUnits };
}

/** Aspect ids by name, creating (and auditing) the ones the file names that the round lacks. */
function aspectsOf(tx: Queryable, params: { roundId: number; actorId: string | null }) {
  const ids = new Map(
    tx.select({ id: aspects.id, name: aspects.name }).from(aspects).where(eq(aspects.roundId, params.roundId)).all().map((a) => [a.name, a.id]),
  );
  return (name: string | null): number | null => {
    if (!name) return null;
    let id = ids.get(name);
    if (id === undefined) {
      id = createAspect(tx, { actorId: params.actorId, roundId: params.roundId, input: { name } }).id;
      ids.set(name, id);
    }
    return id;
  };
}

function addMeasure(
  tx: Queryable,
  writer: PlanWriter,
  params: { actorId: string | null; source: string; problemId: number; problem: Pick<ImportedProblem, "number" | "leadUnit">; position: number; measure: ImportedMeasure },
): number {
  const { measure } = params;
  const id = writer.measure({ problemId: params.problemId, problemLeadUnit: params.problem.leadUnit, position: params.position, measure });
  recordAudit(tx, {
    actorId: params.actorId,
    action: "measure.create_import",
    entity: "measure",
    entityId: id,
    after: { problemNumber: params.problem.number, position: params.position, ...cell(measure), line: measure.line, source: params.source },
  });
  return id;
}

function updateMeasureCells(
  tx: Queryable,
  writer: PlanWriter,
  params: { actorId: string | null; source: string; measure: SnapshotMeasure; change: LedgerDiff["changedMeasures"][number] },
) {
  const { measure, change } = params;
  const { next } = change;
  const fields = new Set(change.changes.map((c) => c.field));
  const current = tx.select().from(measures).where(eq(measures.id, measure.id)).get()!;
  const set: Partial<typeof measures.$inferInsert> = { version: current.version + 1 };
  if (fields.has("text")) set.text = next.text;
  if (fields.has("leadUnit")) set.leadUnitId = writer.unitId(next.leadUnit);
  if (fields.has("deadline")) {
    Object.assign(set, { deadline: next.deadline, deadlineKind: next.deadlineKind, deadlineText: next.deadlineText, category: next.category });
  }
  tx.update(measures).set(set).where(eq(measures.id, measure.id)).run();
  const leadUnitId = set.leadUnitId !== undefined ? set.leadUnitId : current.leadUnitId;
  const newlyResponsible: number[] = [];
  if (fields.has("coUnits")) {
    const before = new Set(tx.select({ id: measureCoUnits.unitId }).from(measureCoUnits).where(eq(measureCoUnits.measureId, measure.id)).all().map((r) => r.id));
    tx.delete(measureCoUnits).where(eq(measureCoUnits.measureId, measure.id)).run();
    const ids = new Set(next.coUnits.map(writer.unitId).filter((id): id is number => id !== null && id !== leadUnitId));
    for (const unitId of ids) {
      tx.insert(measureCoUnits).values({ measureId: measure.id, unitId }).run();
      if (!before.has(unitId)) newlyResponsible.push(unitId);
    }
  }
  if (fields.has("leadUnit") && leadUnitId !== null && leadUnitId !== current.leadUnitId) newlyResponsible.push(leadUnitId);
  for (const unitId of new Set(newlyResponsible)) writer.assigned.set(unitId, (writer.assigned.get(unitId) ?? 0) + 1);

  const pick = (side: "before" | "after") => Object.fromEntries(change.changes.map((c) => [c.field, c[side]]));
  recordAudit(tx, {
    actorId: params.actorId,
    action: "measure.update_import",
    entity: "measure",
    entityId: measure.id,
    before: { ...pick("before"), version: current.version },
    after: { ...pick("after"), version: current.version + 1, line: change.line, source: params.source },
  });
}
