import { z } from "zod";
import { id } from "./common";

// 反弹回潮: the office links a problem to the earlier one it repeats, or removes the link.
// Whether the earlier problem is earlier, and not the problem itself, is the write's check
// (db/queries/recurrence.ts), which knows the rounds.

export const markRecurrenceSchema = z.object({
  problemId: id("问题"),
  earlierProblemId: id("历史问题"),
});

export const unmarkRecurrenceSchema = z.object({
  problemId: id("问题"),
});
