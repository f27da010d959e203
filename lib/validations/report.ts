import { z } from "zod";
import { todayISO } from "../deadline-state";
import { id, isoDate, optionalText } from "./common";

// The free-text parts of a 整改进展情况通报 the office may write; every number in the report
// is computed from the ledger, so nothing here can carry a figure that overrides it.

export const REPORT_TEXT_MAX = 4000;
export const REPORT_ITEM_TEXT_MAX = 2000;

const problemTexts = z.object({
  explanation: optionalText("有关情况说明", REPORT_ITEM_TEXT_MAX),
  nextSteps: optionalText("下一步措施", REPORT_ITEM_TEXT_MAX),
});

export const reportTextsSchema = z.object({
  opening: optionalText("开头补充说明", REPORT_TEXT_MAX),
  closing: optionalText("结尾部分", REPORT_TEXT_MAX),
  /** Keyed by problem id: ids survive renumbering, numbers do not. */
  problems: z.record(z.string().regex(/^\d{1,15}$/), problemTexts).default({}),
});

export type ReportTexts = z.infer<typeof reportTextsSchema>;
export const EMPTY_REPORT_TEXTS: ReportTexts = { opening: "", closing: "", problems: {} };

/** A stored draft read back leniently: a draft saved by an older version never breaks the report. */
export function parseStoredTexts(value: unknown): ReportTexts {
  const parsed = reportTextsSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_REPORT_TEXTS;
}

/**
 * The edit form posts flat fields (`texts.problems.12.explanation`) so that a field error's path
 * is the field's own name and lands next to it; this folds them into the stored shape.
 */
export const reportDraftFormSchema = z.preprocess(
  (raw) => {
    const values = (raw ?? {}) as Record<string, unknown>;
    const problems: Record<string, Record<string, unknown>> = {};
    for (const [key, value] of Object.entries(values)) {
      const match = /^texts\.problems\.(\d{1,15})\.(explanation|nextSteps)$/.exec(key);
      if (match) (problems[match[1]!] ??= {})[match[2]!] = value;
    }
    return { roundId: values.roundId, texts: { opening: values["texts.opening"], closing: values["texts.closing"], problems } };
  },
  z.object({ roundId: id("轮次"), texts: reportTextsSchema }),
);

// A snapshot is the ledger as it stands now: it cannot speak for a day still to come.
const asOf = isoDate("截至日期").refine((v) => v <= todayISO(), "截至日期不能晚于今天");

export const snapshotInputSchema = z.object({
  asOf: z.preprocess((v) => (v === "" || v === null ? undefined : v), asOf.optional()),
  label: optionalText("快照说明", 100),
});

export const snapshotFormSchema = snapshotInputSchema.extend({ roundId: id("轮次") });
