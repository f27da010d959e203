import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { draftNoticeLevel, draftNoticeRequest, draftReplyDeadline } from "@/lib/escalation-messages";
import type { NoticeLevel } from "@/lib/domain";
import type { Queryable } from "../client";
import { measures, noticeDraftMeasures, noticeDrafts, problems, rounds, supervisionNoticeMeasures, supervisionNotices, units, type NoticeDraft } from "../schema";
import { recordAudit } from "./audit";
import { thresholdsOf } from "./escalation-thresholds";
import { issueNotice } from "./notice-writes";

// 督办单 drafted by the escalation ladder (预警升级) for the office to confirm in one click.
// One pending draft per round and unit gathers the unit's measures as each reaches the
// 牵头领导 step; confirming issues it as any notice is issued (notice-writes.ts).

/**
 * Puts a measure on its unit's pending draft in the round, opening one if there is none.
 * Part of the reminder job's transaction (its one audit row records the run).
 */
export function addToPendingDraft(tx: Queryable, params: { roundId: number; unitId: number; measureId: number }): { draftId: number; created: boolean } {
  const pending = and(eq(noticeDrafts.roundId, params.roundId), eq(noticeDrafts.unitId, params.unitId), eq(noticeDrafts.state, "pending"));
  const existing = tx.select({ id: noticeDrafts.id }).from(noticeDrafts).where(pending).get();
  const draftId = existing?.id ?? tx.insert(noticeDrafts).values({ roundId: params.roundId, unitId: params.unitId }).returning({ id: noticeDrafts.id }).get().id;
  tx.insert(noticeDraftMeasures).values({ draftId, measureId: params.measureId }).onConflictDoNothing().run();
  return { draftId, created: !existing };
}

/** The levels of the notices that already named any of these measures (for the next level). */
function earlierLevels(q: Queryable, measureIds: readonly number[]): NoticeLevel[] {
  if (measureIds.length === 0) return [];
  return q
    .selectDistinct({ level: supervisionNotices.level })
    .from(supervisionNotices)
    .innerJoin(supervisionNoticeMeasures, eq(supervisionNoticeMeasures.noticeId, supervisionNotices.id))
    .where(inArray(supervisionNoticeMeasures.measureId, [...measureIds]))
    .all()
    .map((r) => r.level);
}

function draftMeasures(q: Queryable, draftIds: readonly number[]) {
  if (draftIds.length === 0) return [];
  return q
    .select({
      draftId: noticeDraftMeasures.draftId,
      id: measures.id,
      text: measures.text,
      deadline: measures.deadline,
      status: measures.status,
      leadUnitId: measures.leadUnitId,
      problemNumber: problems.number,
      leadLeader: problems.leadLeader,
    })
    .from(noticeDraftMeasures)
    .innerJoin(measures, eq(measures.id, noticeDraftMeasures.measureId))
    .innerJoin(problems, eq(problems.id, measures.problemId))
    .where(inArray(noticeDraftMeasures.draftId, [...draftIds]))
    .orderBy(asc(problems.number), asc(measures.position))
    .all();
}

/**
 * The pending drafts, oldest first, each with what confirming it would issue today: the
 * measures still open and led by the unit, the level (one above any earlier notice on them),
 * the request and the reply day.
 */
export function listPendingDrafts(q: Queryable, params: { today: string }) {
  const drafts = q
    .select({ id: noticeDrafts.id, roundId: noticeDrafts.roundId, roundName: rounds.name, unitId: noticeDrafts.unitId, unitName: units.name, createdAt: noticeDrafts.createdAt })
    .from(noticeDrafts)
    .innerJoin(rounds, eq(rounds.id, noticeDrafts.roundId))
    .innerJoin(units, eq(units.id, noticeDrafts.unitId))
    .where(eq(noticeDrafts.state, "pending"))
    .orderBy(asc(noticeDrafts.createdAt), asc(noticeDrafts.id))
    .all();
  const all = draftMeasures(q, drafts.map((d) => d.id));
  return drafts.map((draft) => {
    const open = all.filter((m) => m.draftId === draft.id && m.status !== "completed" && m.leadUnitId === draft.unitId);
    return {
      ...draft,
      measures: open,
      level: draftNoticeLevel(earlierLevels(q, open.map((m) => m.id))),
      request: draftNoticeRequest(thresholdsOf(q, { roundId: draft.roundId }).leadLeaderOverdueDays),
      replyDeadline: draftReplyDeadline(params.today),
    };
  });
}

export type PendingDraft = ReturnType<typeof listPendingDrafts>[number];

function pendingDraft(tx: Queryable, draftId: number): NoticeDraft {
  const draft = tx.select().from(noticeDrafts).where(eq(noticeDrafts.id, draftId)).get();
  if (!draft) throw new AppError("NOT_FOUND", "未找到该督办单草稿");
  if (draft.state !== "pending") throw new AppError("CONFLICT", draft.state === "issued" ? "该草稿已确认发出" : "该草稿已设为不发出");
  return draft;
}

/**
 * The office confirms a draft: it is issued as a notice (numbered, the unit told, one audit
 * row "notice.issue_draft") with the measures still open, and the draft records which notice
 * it became. Run it in an IMMEDIATE transaction, as issuing a notice is.
 */
export function confirmDraft(tx: Queryable, params: { actorId: string; draftId: number; today: string }) {
  const draft = pendingDraft(tx, params.draftId);
  const round = tx.select({ archivedAt: rounds.archivedAt }).from(rounds).where(eq(rounds.id, draft.roundId)).get();
  if (round?.archivedAt) throw new AppError("CONFLICT", "该轮次已归档,不能再发督办单;可将草稿设为不发出");
  const proposal = listPendingDrafts(tx, { today: params.today }).find((d) => d.id === draft.id)!;
  if (proposal.measures.length === 0) {
    throw new AppError("CONFLICT", "草稿中的整改措施均已完成或已改由其他单位牵头,无需督办;可将草稿设为不发出");
  }
  const notice = issueNotice(tx, {
    actorId: params.actorId,
    today: params.today,
    draftId: draft.id,
    input: {
      roundId: draft.roundId,
      unitId: draft.unitId,
      measureIds: proposal.measures.map((m) => m.id),
      level: proposal.level,
      request: proposal.request,
      replyDeadline: proposal.replyDeadline,
    },
  });
  const decided = tx
    .update(noticeDrafts)
    .set({ state: "issued", noticeId: notice.id, decidedById: params.actorId, decidedAt: new Date() })
    .where(and(eq(noticeDrafts.id, draft.id), eq(noticeDrafts.state, "pending")))
    .returning({ id: noticeDrafts.id })
    .get();
  if (!decided) throw new AppError("CONFLICT", "该草稿已被他人处理,请刷新后查看");
  return notice;
}

/** The office sets a draft aside (the unit was chased otherwise, say); one audit row. */
export function dismissDraft(tx: Queryable, params: { actorId: string; draftId: number }) {
  const draft = pendingDraft(tx, params.draftId);
  const after = tx
    .update(noticeDrafts)
    .set({ state: "dismissed", decidedById: params.actorId, decidedAt: new Date() })
    .where(and(eq(noticeDrafts.id, draft.id), eq(noticeDrafts.state, "pending")))
    .returning()
    .get();
  if (!after) throw new AppError("CONFLICT", "该草稿已被他人处理,请刷新后查看");
  const measureIds = tx
    .select({ id: noticeDraftMeasures.measureId })
    .from(noticeDraftMeasures)
    .where(eq(noticeDraftMeasures.draftId, draft.id))
    .all()
    .map((r) => r.id);
  recordAudit(tx, {
    actorId: params.actorId,
    action: "notice_draft.dismiss",
    entity: "notice_draft",
    entityId: draft.id,
    before: { draftState: draft.state },
    after: { draftState: after.state, unitId: after.unitId, roundId: after.roundId, measureIds },
  });
  return after;
}

/** What became of the drafts that hold a measure, newest first (the measure's timeline). */
export function draftsOfMeasure(q: Queryable, params: { measureId: number }) {
  return q
    .select({ id: noticeDrafts.id, state: noticeDrafts.state, noticeId: noticeDrafts.noticeId, year: supervisionNotices.year, sequence: supervisionNotices.sequence })
    .from(noticeDraftMeasures)
    .innerJoin(noticeDrafts, eq(noticeDrafts.id, noticeDraftMeasures.draftId))
    .leftJoin(supervisionNotices, eq(supervisionNotices.id, noticeDrafts.noticeId))
    .where(eq(noticeDraftMeasures.measureId, params.measureId))
    .orderBy(desc(noticeDrafts.id))
    .all();
}
