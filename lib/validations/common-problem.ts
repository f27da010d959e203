import { z } from "zod";
import { id, isoDate, optionalText, text } from "./common";

// 共性问题: the office groups problems of different rounds or units and hands them to a
// functional department for 专项治理 with measures of its own. The form sends the measures
// as parallel lists (one text, lead unit and deadline per row); blank rows are dropped.

export const COMMON_PROBLEM_TITLE_MAX = 200;
export const COMMON_PROBLEM_MEMBERS_MAX = 200;
export const COMMON_PROBLEM_MEASURES_MAX = 30;

/** A field sent once is a string, sent several times a list; absent is an empty list. */
const list = (v: unknown): unknown[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

const idList = (v: unknown) =>
  list(v)
    .flatMap((p) => (typeof p === "string" ? p.split(",") : [p]))
    .map((p) => (typeof p === "string" ? p.trim() : p))
    .filter((p) => p !== "");

const governanceMeasure = z.object({
  text: text("整改措施", 2000),
  leadUnitId: id("措施的牵头单位"),
  deadline: isoDate("措施的完成时限"),
});

export const createCommonProblemSchema = z
  .object({
    title: text("共性问题名称", COMMON_PROBLEM_TITLE_MAX),
    description: optionalText("情况说明", 2000),
    problemIds: z.preprocess(
      idList,
      z
        .array(id("问题"))
        .min(2, "请至少选择两个问题归并为共性问题")
        .max(COMMON_PROBLEM_MEMBERS_MAX, `一个共性问题最多归并 ${COMMON_PROBLEM_MEMBERS_MAX} 个问题`),
    ),
    leadUnitId: id("牵头治理的职能部门"),
    deadline: isoDate("专项治理完成时限"),
    measureText: z.preprocess(list, z.array(z.string().trim())),
    measureLeadUnitId: z.preprocess(list, z.array(z.string().trim())),
    measureDeadline: z.preprocess(list, z.array(z.string().trim())),
  })
  .transform((v, ctx) => {
    const measures: z.infer<typeof governanceMeasure>[] = [];
    let refused = false;
    const rows = Math.max(v.measureText.length, v.measureLeadUnitId.length, v.measureDeadline.length);
    for (let i = 0; i < rows; i++) {
      const row = { text: v.measureText[i] ?? "", leadUnitId: v.measureLeadUnitId[i] ?? "", deadline: v.measureDeadline[i] ?? "" };
      if (row.text === "" && row.leadUnitId === "" && row.deadline === "") continue;
      const parsed = governanceMeasure.safeParse(row);
      if (!parsed.success) {
        refused = true;
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [`measure${i + 1}`], message: `第 ${i + 1} 项措施:${issue.message}` });
        continue;
      }
      if (parsed.data.deadline > v.deadline) {
        ctx.addIssue({ code: "custom", path: [`measure${i + 1}`], message: `第 ${i + 1} 项措施的完成时限不能晚于专项治理的完成时限` });
      }
      measures.push(parsed.data);
    }
    const problemIds = [...new Set(v.problemIds)];
    if (problemIds.length < 2) ctx.addIssue({ code: "custom", path: ["problemIds"], message: "请至少选择两个不同的问题归并为共性问题" });
    if (measures.length === 0 && !refused) ctx.addIssue({ code: "custom", path: ["measure1"], message: "请至少填写一项专项治理措施" });
    if (measures.length > COMMON_PROBLEM_MEASURES_MAX) ctx.addIssue({ code: "custom", path: ["measure1"], message: `专项治理措施最多 ${COMMON_PROBLEM_MEASURES_MAX} 项` });
    return { title: v.title, description: v.description, problemIds, leadUnitId: v.leadUnitId, deadline: v.deadline, measures };
  });

export type CreateCommonProblemInput = z.infer<typeof createCommonProblemSchema>;
