import "server-only";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import { getMeasureDetail } from "@/db/queries/measures";
import { notifyUsers } from "@/db/queries/notifications";
import * as review from "@/db/queries/plan-review";
import { reviewerAccounts, reviewersOf, setRoundReviewers } from "@/db/queries/round-reviewers";
import { getRound, setUnitsSeeUnapprovedPlan } from "@/db/queries/rounds";
import { problemForEdit } from "@/db/queries/plan-outline";
import { AppError } from "@/lib/errors";
import { canOpenRound, refusalMessage, type Actor, type Permission } from "@/lib/permissions";
import { versionCounts } from "@/lib/plan-version";

// Plan review (整改方案审核): the office submits the plan as it stands, the superior office's
// reviewer comments and approves or returns it, the office revises and submits again.
// Every submitted version is kept whole, so any two can be compared.

/** The round, if `actor` may act on it under `permission` (a reviewer: only its rounds). */
function roundFor(tx: Tx, actor: Actor, permission: Permission, roundId: number) {
  const round = getRound(tx, { id: roundId });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  if (!canOpenRound(actor, permission, roundId)) throw new AppError("FORBIDDEN", refusalMessage(actor));
  return round;
}

const planLink = (roundId: number) => `/rounds/${roundId}/plan-review`;

export function submitPlan(actor: Actor, input: { roundId: number; note: string }) {
  return db.transaction((tx) => {
    const round = roundFor(tx, actor, "submission.submit", input.roundId);
    if (round.archivedAt) throw new AppError("CONFLICT", "该轮次已归档,不能报送审核");
    if (review.pendingSubmission(tx, { roundId: round.id, kind: "plan" })) {
      throw new AppError("CONFLICT", "上一版整改方案还在审核中,审核结束后才能报送新版本");
    }
    const content = review.currentPlanVersion(tx, { roundId: round.id });
    if (versionCounts(content).problems === 0) throw new AppError("VALIDATION", "整改方案还没有问题,请先录入方案再报送审核");
    const created = review.insertSubmission(tx, { actorId: actor.id, roundId: round.id, kind: "plan", content, note: input.note });
    notifyUsers(tx, {
      userIds: reviewersOf(tx, { roundId: round.id }).map((r) => r.id),
      notification: {
        kind: "review_requested",
        title: `“${round.name}”整改方案第 ${created.version} 版待审核`,
        body: input.note,
        link: planLink(round.id),
        dedupeKey: `review:submission:${created.id}`,
      },
    });
    return created;
  });
}

export function decidePlan(actor: Actor, input: { roundId: number; submissionId: number; decision: "approve" | "return"; note: string }) {
  return db.transaction((tx) => {
    const round = roundFor(tx, actor, "submission.decide", input.roundId);
    const submission = review.getSubmission(tx, { roundId: round.id, id: input.submissionId });
    if (!submission || submission.kind !== "plan") throw new AppError("NOT_FOUND", "未找到该报审版本");
    const decided = review.decideSubmission(tx, { actorId: actor.id, roundId: round.id, id: submission.id, approve: input.decision === "approve", note: input.note });
    if (!decided) throw new AppError("CONFLICT", "该版本已经审核过了,请刷新页面查看结论");
    if (submission.submittedById) {
      notifyUsers(tx, {
        userIds: [submission.submittedById],
        notification: {
          kind: "review_decided",
          title: `“${round.name}”整改方案第 ${decided.version} 版${decided.state === "approved" ? "已审核通过" : "被退回修改"}`,
          body: input.note,
          link: planLink(round.id),
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
function targetLabel(tx: Tx, roundId: number, about: { target: "plan" | "problem" | "measure"; targetId: number | null }): string {
  if (about.target === "plan") return "整改方案";
  if (about.target === "problem") {
    const problem = problemForEdit(tx, { roundId, problemId: about.targetId ?? 0 });
    if (!problem) throw new AppError("VALIDATION", "所选问题不在本轮方案中", { about: ["所选问题不在本轮方案中,请刷新后重新选择"] });
    return clip(`问题 ${problem.number}:${problem.title}`, 120);
  }
  const measure = getMeasureDetail(tx, { id: about.targetId ?? 0 });
  if (!measure || measure.round.id !== roundId) throw new AppError("VALIDATION", "所选措施不在本轮方案中", { about: ["所选措施不在本轮方案中,请刷新后重新选择"] });
  return clip(`问题 ${measure.problem.number} 措施 ${measure.measure.position}:${measure.measure.text}`, 120);
}

export function addComment(actor: Actor, input: { roundId: number; about: { target: "plan" | "problem" | "measure"; targetId: number | null }; body: string }) {
  return db.transaction((tx) => {
    const round = roundFor(tx, actor, "review.comment", input.roundId);
    const label = targetLabel(tx, round.id, input.about);
    const latest = review.listSubmissions(tx, { roundId: round.id, kind: "plan" })[0];
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
    const round = roundFor(tx, actor, "review.comment", input.roundId);
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
    const round = roundFor(tx, actor, "review.comment", input.roundId);
    const resolved = review.resolveThread(tx, { actorId: actor.id, roundId: round.id, threadId: input.threadId });
    if (!resolved) throw new AppError("CONFLICT", "该意见已标记解决或不存在,请刷新页面");
    return resolved;
  });
}

export function assignReviewers(actor: Actor, input: { roundId: number; reviewerIds: readonly string[] }) {
  return db.transaction((tx) => {
    const round = roundFor(tx, actor, "admin.manage", input.roundId);
    const wanted = [...new Set(input.reviewerIds)];
    const known = reviewerAccounts(tx, { userIds: wanted });
    if (known.length !== wanted.length) throw new AppError("VALIDATION", "所选账号不是上级督导账号", { reviewerIds: ["所选账号不是上级督导账号,请刷新后重新选择"] });
    setRoundReviewers(tx, { actorId: actor.id, roundId: round.id, userIds: known });
    return known.length;
  });
}

export function setPlanVisibility(actor: Actor, input: { roundId: number; unitsSeeUnapprovedPlan: boolean }) {
  return db.transaction((tx) => {
    const round = roundFor(tx, actor, "plan.manage", input.roundId);
    return setUnitsSeeUnapprovedPlan(tx, { actorId: actor.id, roundId: round.id, value: input.unitsSeeUnapprovedPlan })!;
  });
}
