import { z } from "zod";
import type { CommentTarget } from "@/lib/domain";
import { id, optionalText, text } from "./common";

// The forms of plan review: the office submits a version and assigns reviewers; the
// reviewer comments on the plan or an item of it and decides.

export const REVIEW_TEXT_MAX = 2000;

const roundId = id("轮次");

export const submitPlanSchema = z.object({
  roundId,
  note: optionalText("报送说明", REVIEW_TEXT_MAX),
});

export const submitReportSchema = submitPlanSchema;

/** "plan", "report", "problem:12" or "measure:34": what a comment is about, as the form's select sends it. */
const commentTarget = z
  .string({ error: "请选择意见针对的内容" })
  .trim()
  .regex(/^(plan|report|problem:\d{1,15}|measure:\d{1,15})$/, "请选择意见针对的内容")
  .transform((value) => {
    const [target, targetId] = value.split(":") as [CommentTarget, string | undefined];
    return { target, targetId: targetId === undefined ? null : Number(targetId) };
  });

export const commentSchema = z.object({
  roundId,
  about: commentTarget,
  body: text("意见内容", REVIEW_TEXT_MAX),
});

export const replySchema = z.object({
  roundId,
  threadId: id("意见"),
  body: text("回复内容", REVIEW_TEXT_MAX),
});

export const resolveSchema = z.object({ roundId, threadId: id("意见") });

export const decisionSchema = z
  .object({
    roundId,
    submissionId: id("报审版本"),
    decision: z.enum(["approve", "return"], { error: "请选择审核结论" }),
    note: optionalText("审核意见", REVIEW_TEXT_MAX),
  })
  .refine((d) => d.decision === "approve" || d.note.length > 0, { path: ["note"], message: "退回修改时请写明退回意见" });

const idList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const assignReviewersSchema = z.object({
  roundId,
  reviewerIds: z.preprocess(idList, z.array(z.string().trim().min(1).max(100)).max(50, "一次最多指定 50 位上级督导")),
});

export const planVisibilitySchema = z.object({
  roundId,
  unitsSeeUnapprovedPlan: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
