import { z } from "zod";
import { todayISO } from "@/lib/deadline-state";
import { SURVEY_CHOICES, type SurveyChoice } from "@/lib/domain";
import { PAPER_FORMS_MAX, PAPER_LABEL_MAX } from "@/lib/survey-paper";
import { emptyToNull, id, isoDate, text } from "./common";

// 纸质问卷批次: the office's tally of a pile of paper forms. The grid's cells arrive as
// fields named counts.<题号>.<choice> (题号 is the question's position in the survey), so a
// zod error's path is the cell's own name and the message lands beside it. Whether the survey
// has that question is db/queries/survey-paper.ts's check: it needs the database.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CELL = /^counts\.([^.]*)\.([^.]*)$/;

/** The flat form's count cells gathered into { counts: { 题号: { choice: value } } }. */
function gatherCells(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const counts: Record<string, Record<string, unknown>> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, cell] of Object.entries(value)) {
    const match = CELL.exec(key);
    if (match) (counts[match[1]!] ??= {})[match[2]!] = cell;
    else if (key !== "counts") rest[key] = cell;
  }
  return { ...rest, counts };
}

const count = z.preprocess(
  (v) => emptyToNull(v) ?? 0,
  z.coerce
    .number({ error: "份数应为 0 或正整数" })
    .int("份数应为 0 或正整数")
    .min(0, "份数应为 0 或正整数")
    .max(PAPER_FORMS_MAX, `份数不能超过 ${PAPER_FORMS_MAX}`),
);

const questionCounts = z.strictObject(
  Object.fromEntries(SURVEY_CHOICES.map((choice) => [choice, count.optional()])) as Record<SurveyChoice, z.ZodOptional<typeof count>>,
  { error: "只能填写满意、基本满意、不满意、不了解四项的份数" },
);

const batchFields = z.object({
  surveyId: id("满意度测评"),
  label: text("批次名称", PAPER_LABEL_MAX),
  collectedOn: isoDate("收集日期").refine((v) => !ISO_DAY.test(v) || v <= todayISO(), "收集日期不能晚于今天"),
  forms: z.coerce
    .number({ error: "请填写份数(正整数)" })
    .int("份数应为正整数")
    .min(1, "份数至少为 1")
    .max(PAPER_FORMS_MAX, `一批最多 ${PAPER_FORMS_MAX} 份`),
  counts: z.record(z.string().regex(/^[1-9]\d{0,2}$/), questionCounts, {
    error: (issue) => (issue.code === "invalid_key" ? "提交的题目不在本问卷中" : undefined),
  }),
});

export interface PaperCount {
  /** The question's position in the survey (第 N 题). */
  position: number;
  choice: SurveyChoice;
  count: number;
}

/** A question's counts may not add up to more than the forms: the rest left it blank. */
function withinForms<T extends z.infer<typeof batchFields>>(v: T, ctx: z.RefinementCtx) {
  let total = 0;
  for (const [position, cells] of Object.entries(v.counts)) {
    const sum = SURVEY_CHOICES.reduce((s, c) => s + (cells[c] ?? 0), 0);
    total += sum;
    if (sum > v.forms) {
      ctx.addIssue({ code: "custom", path: ["counts", position], message: `第 ${position} 题各项合计 ${sum} 份,多于本批的 ${v.forms} 份` });
    }
  }
  if (total === 0) ctx.addIssue({ code: "custom", path: ["counts"], message: "请填写各题选择满意、基本满意、不满意、不了解的份数" });
}

/** Only what was counted, zeros dropped: the table keeps no empty cells. */
function toCounts<T extends z.infer<typeof batchFields>>({ counts, ...rest }: T) {
  const list: PaperCount[] = Object.entries(counts).flatMap(([position, cells]) =>
    SURVEY_CHOICES.filter((choice) => (cells[choice] ?? 0) > 0).map((choice) => ({ position: Number(position), choice, count: cells[choice]! })),
  );
  return { ...rest, counts: list };
}

export const createPaperBatchSchema = z.preprocess(gatherCells, batchFields.superRefine(withinForms).transform(toCounts));

export const updatePaperBatchSchema = z.preprocess(
  gatherCells,
  batchFields.extend({ batchId: id("纸质问卷批次") }).superRefine(withinForms).transform(toCounts),
);

export const deletePaperBatchSchema = z.object({ surveyId: id("满意度测评"), batchId: id("纸质问卷批次") });

export type PaperBatchInput = z.infer<typeof createPaperBatchSchema>;
