import "server-only";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import { getMeasureDetail } from "@/db/queries/measures";
import { notifyUsers } from "@/db/queries/notifications";
import { problemForEdit } from "@/db/queries/plan-outline";
import * as review from "@/db/queries/plan-review";
import { reviewersOf } from "@/db/queries/round-reviewers";
import { getRound } from "@/db/queries/rounds";
import { SUBMISSION_KIND_LABELS, type CommentTarget, type SubmissionKind } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { canOpenRound, refusalMessage, type Actor, type Permission } from "@/lib/permissions";

// What plan review and report review share: a submitted version awaits the superior
// office's decision, and both sides discuss it in comment threads. A reviewer acts only on
// the rounds assigned to it; the check is here, for every write.

/** The round, if `actor` may act on it under `permission` (a reviewer: only its rounds). */
export function roundToReview(tx: Tx, actor: Actor, permission: Permission, roundId: number) {
  const round = getRound(tx, { id: roundId });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  if (!canOpenRound(actor, permission, roundId)) throw new AppError("FORBIDDEN", refusalMessage(actor));
  return round;
}

export const reviewPage = (roundId: number, kind: SubmissionKind) => `/rounds/${roundId}/${kind === "plan" ? "plan-review" : "report-review"}`;

/** Stores a new version of `kind` and tells the round's reviewers; one pending at a time. */
export function submitVersion(tx: Tx, actor: Actor, round: { id: number; name: string; archivedAt: Date | null }, kind: SubmissionKind, content: unknown, note: string) {
  const label = SUBMISSION_KIND_LABELS[kind];
  if (round.archivedAt) throw new AppError("CONFLICT", "该轮次已归档,不能报送审核");
  if (review.pendingSubmission(tx, { roundId: round.id, kind })) {
    throw new AppError("CONFLICT", `上一版${label}还在审核中,审核结束后才能报送新版本`);
  }
  const created = review.insertSubmission(tx, { actorId: actor.id, roundId: round.id, kind, content, note });
  notifyUsers(tx, {
    userIds: reviewersOf(tx, { roundId: round.id }).map((r) => r.id),
    notification: {
      kind: "review_requested",
      title: `“${round.name}”${label}第 ${created.version} 版待审核`,
      body: note,
      link: reviewPage(round.id, kind),
      dedupeKey: `review:submission:${created.id}`,
    },
  });
  return created;
}

/** The reviewer's decision on a pending version; approving a 通报 publishes it. */
export function decideVersion(actor: Actor, input: { roundId: number; submissionId: number; decision: "approve" | "return"; note: string }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "submission.decide", input.roundId);
    const submission = review.getSubmission(tx, { roundId: round.id, id: input.submissionId });
    if (!submission) throw new AppError("NOT_FOUND", "未找到该报审版本");
    const decided = review.decideSubmission(tx, { actorId: actor.id, roundId: round.id, id: submission.id, approve: input.decision === "approve", note: input.note });
    if (!decided) throw new AppError("CONFLICT", "该版本已经审核过了,请刷新页面查看结论");
    const label = SUBMISSION_KIND_LABELS[decided.kind];
    const outcome = decided.state === "approved" ? (decided.kind === "report" ? "已审核通过并发布" : "已审核通过") : "被退回修改";
    if (submission.submittedById) {
      notifyUsers(tx, {
        userIds: [submission.submittedById],
        notification: {
          kind: "review_decided",
          title: `“${round.name}”${label}第 ${decided.version} 版${outcome}`,
          body: input.note,
          link: reviewPage(round.id, decided.kind),
          dedupeKey: `review:decision:${decided.id}`,
        },
      });
    }
    return decided;
  });
}

/** A label short enough to read in a list; the item itself holds the whole text. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a comment's target is called, checked to belong to the round. */
function targetLabel(tx: Tx, roundId: number, about: { target: CommentTarget; targetId: number | null }): string {
  if (about.target === "plan") return "整改方案";
  if (about.target === "report") return "整改通报";
  if (about.target === "problem") {
    const problem = problemForEdit(tx, { roundId, problemId: about.targetId ?? 0 });
    if (!problem) throw new AppError("VALIDATION", "所选问题不在本轮方案中", { about: ["所选问题不在本轮方案中,请刷新后重新选择"] });
    return clip(`问题 ${problem.number}:${problem.title}`, 120);
  }
  const measure = getMeasureDetail(tx, { id: about.targetId ?? 0 });
  if (!measure || measure.round.id !== roundId) throw new AppError("VALIDATION", "所选措施不在本轮方案中", { about: ["所选措施不在本轮方案中,请刷新后重新选择"] });
  return clip(`问题 ${measure.problem.number} 措施 ${measure.measure.position}:${measure.measure.text}`, 120);
}

export function addComment(actor: Actor, input: { roundId: number; about: { target: CommentTarget; targetId: number | null }; body: string }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "review.comment", input.roundId);
    const label = targetLabel(tx, round.id, input.about);
    const kind: SubmissionKind = input.about.target === "report" ? "report" : "plan";
    const latest = review.listSubmissions(tx, { roundId: round.id, kind })[0];
    return review.insertReviewComment(tx, {
      actorId: actor.id,
      roundId: round.id,
      submissionId: latest?.id ?? null,
      threadId: null,
      target: input.about.target,
      targetId: input.about.targetId,
      targetLabel: label,
      body: input.body,
    });
  });
}

export function replyToComment(actor: Actor, input: { roundId: number; threadId: number; body: string }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "review.comment", input.roundId);
    const thread = review.getThread(tx, { roundId: round.id, threadId: input.threadId });
    if (!thread) throw new AppError("NOT_FOUND", "未找到该审核意见");
    return review.insertReviewComment(tx, {
      actorId: actor.id,
      roundId: round.id,
      submissionId: thread.submissionId,
      threadId: thread.id,
      target: thread.target,
      targetId: thread.targetId,
      targetLabel: thread.targetLabel,
      body: input.body,
    });
  });
}

export function resolveComment(actor: Actor, input: { roundId: number; threadId: number }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "review.comment", input.roundId);
    const resolved = review.resolveThread(tx, { actorId: actor.id, roundId: round.id, threadId: input.threadId });
    if (!resolved) throw new AppError("CONFLICT", "该意见已标记解决或不存在,请刷新页面");
    return resolved;
  });
}
