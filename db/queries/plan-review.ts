import "server-only";
import { and, asc, desc, eq, isNull, max } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { CommentTarget, SubmissionKind } from "@/lib/domain";
import type { PlanVersion } from "@/lib/plan-version";
import type { Queryable } from "../client";
import { reviewComments, rounds, submissions, users } from "../schema";
import { recordAudit } from "./audit";
import { planOutline } from "./plan-outline";

// What the office submits to the superior office (a frozen version of the plan) and the
// reviewer's decisions and comments on it. Writes record their audit row here, inside the
// caller's transaction.

/** The round's plan as it stands, in the shape a submitted version keeps. */
export function currentPlanVersion(q: Queryable, params: { roundId: number }): PlanVersion {
  const outline = planOutline(q, params);
  const problems = [...outline.aspects.flatMap((a) => a.problems.map((p) => ({ ...p, aspectName: a.name as string | null }))), ...outline.unassigned.map((p) => ({ ...p, aspectName: null }))];
  return {
    problems: problems
      .sort((a, b) => a.number - b.number)
      .map((p) => ({
        id: p.id,
        number: p.number,
        title: p.title,
        aspectName: p.aspectName,
        leadLeader: p.leadLeader,
        leadUnitName: p.leadUnitName,
        measures: p.measures.map((m) => ({
          id: m.id,
          text: m.text,
          leadUnitName: m.leadUnitName,
          coUnitNames: m.coUnitNames,
          deadline: m.deadline,
          deadlineText: m.deadlineText,
        })),
      })),
  };
}

const submitter = alias(users, "submitter");
const decider = alias(users, "decider");

/** A round's versions of `kind`, newest first, without their content. */
export function listSubmissions(q: Queryable, params: { roundId: number; kind: SubmissionKind }) {
  return q
    .select({
      id: submissions.id,
      version: submissions.version,
      state: submissions.state,
      note: submissions.note,
      createdAt: submissions.createdAt,
      submittedByName: submitter.name,
      decisionNote: submissions.decisionNote,
      decidedAt: submissions.decidedAt,
      decidedByName: decider.name,
    })
    .from(submissions)
    .leftJoin(submitter, eq(submitter.id, submissions.submittedById))
    .leftJoin(decider, eq(decider.id, submissions.decidedById))
    .where(and(eq(submissions.roundId, params.roundId), eq(submissions.kind, params.kind)))
    .orderBy(desc(submissions.version))
    .all();
}

export type SubmissionRow = ReturnType<typeof listSubmissions>[number];

export function getSubmission(q: Queryable, params: { roundId: number; id: number }) {
  return q
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, params.id), eq(submissions.roundId, params.roundId)))
    .get();
}

export function pendingSubmission(q: Queryable, params: { roundId: number; kind: SubmissionKind }) {
  return q
    .select()
    .from(submissions)
    .where(and(eq(submissions.roundId, params.roundId), eq(submissions.kind, params.kind), eq(submissions.state, "pending")))
    .get();
}

export function insertSubmission(
  tx: Queryable,
  params: { actorId: string; roundId: number; kind: SubmissionKind; content: unknown; note: string },
) {
  const last = tx
    .select({ version: max(submissions.version) })
    .from(submissions)
    .where(and(eq(submissions.roundId, params.roundId), eq(submissions.kind, params.kind)))
    .get();
  const created = tx
    .insert(submissions)
    .values({ roundId: params.roundId, kind: params.kind, version: (last?.version ?? 0) + 1, content: params.content, note: params.note, submittedById: params.actorId })
    .returning({ id: submissions.id, version: submissions.version, state: submissions.state })
    .get();
  // A new version is not approved until the reviewer says so.
  if (params.kind === "plan") tx.update(rounds).set({ planApprovedAt: null }).where(eq(rounds.id, params.roundId)).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "submission.submit",
    entity: "submission",
    entityId: created.id,
    after: { roundId: params.roundId, kind: params.kind, version: created.version, note: params.note },
  });
  return created;
}

export function decideSubmission(
  tx: Queryable,
  params: { actorId: string; roundId: number; id: number; approve: boolean; note: string },
) {
  const decided = tx
    .update(submissions)
    .set({ state: params.approve ? "approved" : "returned", decidedById: params.actorId, decidedAt: new Date(), decisionNote: params.note })
    .where(and(eq(submissions.id, params.id), eq(submissions.roundId, params.roundId), eq(submissions.state, "pending")))
    .returning({ id: submissions.id, kind: submissions.kind, version: submissions.version, state: submissions.state })
    .get();
  if (!decided) return undefined;
  if (decided.kind === "plan" && params.approve) tx.update(rounds).set({ planApprovedAt: new Date() }).where(eq(rounds.id, params.roundId)).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.approve ? "submission.approve" : "submission.return",
    entity: "submission",
    entityId: decided.id,
    before: { state: "pending" },
    after: { state: decided.state, version: decided.version, decisionNote: params.note },
  });
  return decided;
}

const author = alias(users, "author");

/** Every comment of a round, oldest first, grouped into threads by the caller. */
export function listReviewComments(q: Queryable, params: { roundId: number }) {
  return q
    .select({
      id: reviewComments.id,
      threadId: reviewComments.threadId,
      submissionId: reviewComments.submissionId,
      target: reviewComments.target,
      targetId: reviewComments.targetId,
      targetLabel: reviewComments.targetLabel,
      body: reviewComments.body,
      authorName: author.name,
      authorRole: author.role,
      resolvedAt: reviewComments.resolvedAt,
      createdAt: reviewComments.createdAt,
    })
    .from(reviewComments)
    .leftJoin(author, eq(author.id, reviewComments.authorId))
    .where(eq(reviewComments.roundId, params.roundId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id))
    .all();
}

export type ReviewCommentRow = ReturnType<typeof listReviewComments>[number];

/** A thread's first comment in `roundId`, or undefined. */
export function getThread(q: Queryable, params: { roundId: number; threadId: number }) {
  return q
    .select()
    .from(reviewComments)
    .where(and(eq(reviewComments.id, params.threadId), eq(reviewComments.roundId, params.roundId), isNull(reviewComments.threadId)))
    .get();
}

export function insertReviewComment(
  tx: Queryable,
  params: {
    actorId: string;
    roundId: number;
    submissionId: number | null;
    threadId: number | null;
    target: CommentTarget;
    targetId: number | null;
    targetLabel: string;
    body: string;
  },
) {
  const created = tx
    .insert(reviewComments)
    .values({
      roundId: params.roundId,
      submissionId: params.submissionId,
      threadId: params.threadId,
      target: params.target,
      targetId: params.targetId,
      targetLabel: params.targetLabel,
      body: params.body,
      authorId: params.actorId,
    })
    .returning({ id: reviewComments.id })
    .get();
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.threadId === null ? "review_comment.create" : "review_comment.reply",
    entity: "review_comment",
    entityId: created.id,
    after: { roundId: params.roundId, threadId: params.threadId, target: params.target, targetId: params.targetId, targetLabel: params.targetLabel, body: params.body },
  });
  return created;
}

export function resolveThread(tx: Queryable, params: { actorId: string; roundId: number; threadId: number }) {
  const resolved = tx
    .update(reviewComments)
    .set({ resolvedAt: new Date(), resolvedById: params.actorId })
    .where(and(eq(reviewComments.id, params.threadId), eq(reviewComments.roundId, params.roundId), isNull(reviewComments.threadId), isNull(reviewComments.resolvedAt)))
    .returning({ id: reviewComments.id })
    .get();
  if (!resolved) return undefined;
  recordAudit(tx, { actorId: params.actorId, action: "review_comment.resolve", entity: "review_comment", entityId: resolved.id, before: { resolvedAt: null }, after: { resolved: true } });
  return resolved;
}
