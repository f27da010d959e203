import "server-only";
import { db } from "@/db";
import * as review from "@/db/queries/plan-review";
import { reviewerAccounts, setRoundReviewers } from "@/db/queries/round-reviewers";
import { setUnitsSeeUnapprovedPlan } from "@/db/queries/rounds";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { versionCounts } from "@/lib/plan-version";
import { roundToReview, submitVersion } from "./submissions";

// Plan review (整改方案审核): the office submits the plan as it stands, the superior office's
// reviewer comments and approves or returns it (server/submissions.ts), the office revises
// and submits again. Every submitted version is kept whole, so any two can be compared.

export function submitPlan(actor: Actor, input: { roundId: number; note: string }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "submission.submit", input.roundId);
    const content = review.currentPlanVersion(tx, { roundId: round.id });
    if (versionCounts(content).problems === 0) throw new AppError("VALIDATION", "整改方案还没有问题,请先录入方案再报送审核");
    return submitVersion(tx, actor, round, "plan", content, input.note);
  });
}

export function assignReviewers(actor: Actor, input: { roundId: number; reviewerIds: readonly string[] }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "admin.manage", input.roundId);
    const wanted = [...new Set(input.reviewerIds)];
    const known = reviewerAccounts(tx, { userIds: wanted });
    if (known.length !== wanted.length) throw new AppError("VALIDATION", "所选账号不是上级督导账号", { reviewerIds: ["所选账号不是上级督导账号,请刷新后重新选择"] });
    setRoundReviewers(tx, { actorId: actor.id, roundId: round.id, userIds: known });
    return known.length;
  });
}

export function setPlanVisibility(actor: Actor, input: { roundId: number; unitsSeeUnapprovedPlan: boolean }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "plan.manage", input.roundId);
    return setUnitsSeeUnapprovedPlan(tx, { actorId: actor.id, roundId: round.id, value: input.unitsSeeUnapprovedPlan })!;
  });
}
