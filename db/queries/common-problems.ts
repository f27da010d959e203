import "server-only";
import { and, asc, count, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Status } from "@/lib/domain";
import type { CreateCommonProblemInput } from "@/lib/validations/common-problem";
import type { Queryable } from "../client";
import { aspects, commonProblemMembers, commonProblems, measures, problems, rounds, units } from "../schema";
import { recordAudit } from "./audit";
import { refreshProblemStatus } from "./measure-status";
import { notifyUnit } from "./notifications";

// 共性问题 and their 专项治理. Creating one writes, in the caller's transaction, the 专项治理
// round (kind 专项检查, named after the common problem), its one aspect and problem, the
// measures, and the links to the grouped problems — and ONE audit row holding all of it, since
// to the office it is one act ("归并为共性问题并交办"). Later edits of the measures go through
// the plan editor of that round, audited as any plan edit.

/** The round that carries a common problem's 专项治理 is called so, which also keeps its name unique. */
export const governanceRoundName = (title: string) => `专项治理:${title}`;

export function createCommonProblem(
  tx: Queryable,
  params: { actorId: string; officeName: string; today: string; input: CreateCommonProblemInput },
) {
  const { input } = params;
  const grouped = tx
    .select({ id: problems.id, roundId: problems.roundId })
    .from(problems)
    .where(and(inArray(problems.id, input.problemIds), notInArray(problems.roundId, tx.select({ id: commonProblems.roundId }).from(commonProblems))))
    .all();
  if (grouped.length !== input.problemIds.length) {
    throw new AppError("VALIDATION", "所选问题有的不存在或不可归并,请刷新后重新选择", { problemIds: ["所选问题有的不存在或不可归并,请刷新后重新选择"] });
  }
  const unitIds = [...new Set([input.leadUnitId, ...input.measures.map((m) => m.leadUnitId)])];
  const known = tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)).all();
  if (known.length !== unitIds.length) throw new AppError("VALIDATION", "所选单位不存在,请刷新后重新选择", { leadUnitId: ["所选单位不存在,请刷新后重新选择"] });
  const department = known.find((u) => u.id === input.leadUnitId)!;
  const name = governanceRoundName(input.title);
  if (tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.name, name)).get()) {
    throw new AppError("CONFLICT", "已有同名的共性问题或轮次", { title: ["已有同名的共性问题或轮次,请换一个名称"] });
  }

  const round = tx
    .insert(rounds)
    .values({
      name,
      kind: "special_check",
      inspectingBody: params.officeName,
      inspectedBody: department.name,
      inspectedUnitId: department.id,
      feedbackDate: params.today,
      deadline: input.deadline,
      reportCycle: "monthly",
    })
    .returning()
    .get();
  const aspect = tx.insert(aspects).values({ roundId: round.id, position: 1, name: "共性问题专项治理" }).returning().get();
  const problem = tx
    .insert(problems)
    .values({ roundId: round.id, aspectId: aspect.id, number: 1, title: input.title, description: input.description, leadUnitId: department.id })
    .returning()
    .get();
  const created = input.measures.map((m, i) =>
    tx
      .insert(measures)
      .values({ roundId: round.id, problemId: problem.id, position: i + 1, text: m.text, leadUnitId: m.leadUnitId, deadline: m.deadline, deadlineText: m.deadline })
      .returning()
      .get(),
  );
  refreshProblemStatus(tx, problem.id);
  const row = tx
    .insert(commonProblems)
    .values({ title: input.title, description: input.description, leadUnitId: department.id, deadline: input.deadline, roundId: round.id, aspectId: aspect.id, problemId: problem.id, createdById: params.actorId })
    .returning()
    .get();
  for (const p of grouped) tx.insert(commonProblemMembers).values({ commonProblemId: row.id, problemId: p.id }).run();

  recordAudit(tx, {
    actorId: params.actorId,
    action: "common_problem.create",
    entity: "common_problem",
    entityId: row.id,
    after: {
      title: row.title,
      description: row.description,
      leadUnitId: row.leadUnitId,
      deadline: row.deadline,
      problemIds: grouped.map((p) => p.id),
      roundId: round.id,
      measures: created.map((m) => ({ text: m.text, leadUnitId: m.leadUnitId, deadline: m.deadline })),
    },
  });
  for (const m of created) {
    notifyUnit(tx, {
      unitId: m.leadUnitId!,
      notification: { kind: "assignment", title: "新分配的共性问题专项治理任务", body: m.text.slice(0, 80), link: `/measures/${m.id}`, dedupeKey: `assign:measure:${m.id}:unit:${m.leadUnitId}` },
    });
  }
  return row;
}

/** Common problems whose 专项治理 round is among `roundIds` (null: all). */
const inRounds = (roundIds: readonly number[] | null) => (roundIds === null ? undefined : inArray(commonProblems.roundId, [...roundIds]));

const overdueMeasures = (today: string) =>
  sql<number>`(select count(*) from ${measures} m where m.problem_id = ${commonProblems.problemId} and m.status != 'completed' and m.deadline < ${today})`;

export function listCommonProblems(q: Queryable, params: { roundIds: readonly number[] | null; today: string }) {
  return q
    .select({
      id: commonProblems.id,
      title: commonProblems.title,
      deadline: commonProblems.deadline,
      roundId: commonProblems.roundId,
      leadUnitName: units.name,
      status: problems.status,
      members: sql<number>`(select count(*) from ${commonProblemMembers} cm where cm.common_problem_id = ${commonProblems.id})`,
      memberRounds: sql<number>`(select count(distinct p.round_id) from ${commonProblemMembers} cm join ${problems} p on p.id = cm.problem_id where cm.common_problem_id = ${commonProblems.id})`,
      measures: sql<number>`(select count(*) from ${measures} m where m.problem_id = ${commonProblems.problemId})`,
      overdueMeasures: overdueMeasures(params.today),
    })
    .from(commonProblems)
    .innerJoin(units, eq(units.id, commonProblems.leadUnitId))
    .innerJoin(problems, eq(problems.id, commonProblems.problemId))
    .where(inRounds(params.roundIds))
    .orderBy(desc(commonProblems.id))
    .all();
}

export type CommonProblemRow = ReturnType<typeof listCommonProblems>[number];

/** Overdue: the 专项治理 is past its deadline and not completed, or one of its measures is. */
export const isCommonProblemOverdue = (row: Pick<CommonProblemRow, "status" | "deadline" | "overdueMeasures">, today: string) =>
  row.status !== "completed" && (row.deadline < today || row.overdueMeasures > 0);

export function commonProblemFigures(q: Queryable, params: { roundIds: readonly number[] | null; today: string }) {
  const rows = listCommonProblems(q, params);
  const byStatus: Record<Status, number> = { incomplete: 0, basically_completed: 0, completed: 0 };
  for (const r of rows) byStatus[r.status] += 1;
  return { total: rows.length, byStatus, overdue: rows.filter((r) => isCommonProblemOverdue(r, params.today)).length };
}

export function getCommonProblem(q: Queryable, params: { id: number }) {
  const row = q
    .select({ cp: commonProblems, leadUnitName: units.name, status: problems.status })
    .from(commonProblems)
    .innerJoin(units, eq(units.id, commonProblems.leadUnitId))
    .innerJoin(problems, eq(problems.id, commonProblems.problemId))
    .where(eq(commonProblems.id, params.id))
    .get();
  if (!row) return undefined;
  const members = q
    .select({ id: problems.id, number: problems.number, title: problems.title, status: problems.status, roundId: rounds.id, roundName: rounds.name, leadUnitName: units.name })
    .from(commonProblemMembers)
    .innerJoin(problems, eq(problems.id, commonProblemMembers.problemId))
    .innerJoin(rounds, eq(rounds.id, problems.roundId))
    .leftJoin(units, eq(units.id, problems.leadUnitId))
    .where(eq(commonProblemMembers.commonProblemId, params.id))
    .orderBy(asc(rounds.id), asc(problems.number))
    .all();
  const governance = q
    .select({ id: measures.id, text: measures.text, deadline: measures.deadline, status: measures.status, leadUnitName: units.name })
    .from(measures)
    .leftJoin(units, eq(units.id, measures.leadUnitId))
    .where(eq(measures.problemId, row.cp.problemId))
    .orderBy(asc(measures.position))
    .all();
  return { ...row.cp, leadUnitName: row.leadUnitName, status: row.status, members, measures: governance };
}

// ── the problem picker ──────────────────────────────────────────────────

/** Rounds whose problems may be grouped: every round but the 专项治理 rounds themselves. */
export function pickableRounds(q: Queryable) {
  return q
    .select({ id: rounds.id, name: rounds.name, problems: count(problems.id) })
    .from(rounds)
    .leftJoin(problems, eq(problems.roundId, rounds.id))
    .where(notInArray(rounds.id, q.select({ id: commonProblems.roundId }).from(commonProblems)))
    .groupBy(rounds.id)
    .orderBy(desc(rounds.feedbackDate), desc(rounds.id))
    .all();
}

export const PICKER_LIMIT = 200;

/** A round's problems whose number or text holds `text`, for the picker; at most PICKER_LIMIT. */
export function pickableProblems(q: Queryable, params: { roundId: number; text: string }) {
  const words = params.text.trim();
  return q
    .select({ id: problems.id, number: problems.number, title: problems.title, leadUnitName: units.name })
    .from(problems)
    .leftJoin(units, eq(units.id, problems.leadUnitId))
    .where(
      and(
        eq(problems.roundId, params.roundId),
        notInArray(problems.roundId, q.select({ id: commonProblems.roundId }).from(commonProblems)),
        // instr, not like: what the office types is matched as typed, % and _ included.
        words ? sql`instr(${problems.title}, ${words}) > 0` : undefined,
      ),
    )
    .orderBy(asc(problems.number))
    .limit(PICKER_LIMIT)
    .all();
}

/** The problems `ids` as the picker lists what is already chosen. */
export function problemsByIds(q: Queryable, params: { ids: readonly number[] }) {
  if (params.ids.length === 0) return [];
  return q
    .select({ id: problems.id, number: problems.number, title: problems.title, roundName: rounds.name })
    .from(problems)
    .innerJoin(rounds, eq(rounds.id, problems.roundId))
    .where(inArray(problems.id, [...params.ids]))
    .all();
}
