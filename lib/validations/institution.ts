import { z } from "zod";
import { INSTITUTION_APPLIED } from "@/lib/domain";
import { emptyToNull, id, idList, isoDate, optionalText, text } from "./common";

// 建章立制: a rule or institution issued as part of rectification, registered with the
// progress report that announces it. Exported for the progress-report form and its action.

export const INSTITUTIONS_PER_REPORT_MAX = 50;

export const institutionSchema = z.object({
  title: text("制度名称", 200),
  documentNumber: optionalText("文号", 100),
  // Omitted, null or blank all mean "date not known".
  issuedDate: z.preprocess((v) => (v === undefined ? null : emptyToNull(v)), isoDate("印发日期").nullable()),
});
export type InstitutionInput = z.infer<typeof institutionSchema>;

export const institutionsSchema = z
  .array(institutionSchema)
  .max(INSTITUTIONS_PER_REPORT_MAX, `一次最多登记 ${INSTITUTIONS_PER_REPORT_MAX} 项制度`);

// ── the office's edit of a registered rule: its 复查日期 and the problems it answers ──

export const INSTITUTION_PROBLEMS_MAX = 100;

export const institutionEditSchema = z.object({
  institutionId: id("制度"),
  // Blank reads as missing, so an emptied field gets one message, not two.
  reviewDate: z.preprocess(emptyToNull, isoDate("复查日期")),
  problemIds: z.preprocess(
    idList,
    z
      .array(id("问题"))
      .min(1, "请至少关联一个该制度所针对的问题")
      .max(INSTITUTION_PROBLEMS_MAX, `一项制度最多关联 ${INSTITUTION_PROBLEMS_MAX} 个问题`)
      .transform((list) => [...new Set(list)]),
  ),
});
export type InstitutionEditInput = z.infer<typeof institutionEditSchema>;

// ── 回头看: 是否执行到位, per rule ──────────────────────────────────────────

export const INSTITUTION_CHECK_NOTE_MAX = 500;

export const institutionCheckSchema = z.object({
  institutionId: id("制度"),
  applied: z.enum(INSTITUTION_APPLIED, { error: "请选择该制度是否执行到位" }),
  note: optionalText("执行情况说明", INSTITUTION_CHECK_NOTE_MAX),
});
export type InstitutionCheckInput = z.infer<typeof institutionCheckSchema>;

export const institutionChecksSchema = z.array(institutionCheckSchema).max(200, "一次回头看最多核查 200 项制度").default([]);

/**
 * The look-back form names its per-rule answers `applied.<id>` and `appliedNote.<id>`; the
 * API sends `institutionChecks` as a list. This turns the first into the second, so one
 * schema checks both. An unanswered rule sends no `applied.<id>`: the use case, which knows
 * which rules are asked, says which answer is missing.
 */
export function institutionChecksFromForm(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const fields = value as Record<string, unknown>;
  if ("institutionChecks" in fields) return value;
  const checks = Object.entries(fields)
    .filter(([key]) => /^applied\.\d{1,15}$/.test(key))
    .map(([key, applied]) => {
      const institutionId = key.slice("applied.".length);
      return { institutionId, applied, note: fields[`appliedNote.${institutionId}`] ?? "" };
    });
  return { ...fields, institutionChecks: checks };
}

// ── the round's 建章立制 page, read from the URL (a malformed value is ignored) ──

export const institutionListFilterSchema = z.object({
  review: z.literal("due").optional().catch(undefined),
  edit: id("制度").optional().catch(undefined),
});

export function parseInstitutionListFilter(searchParams: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return institutionListFilterSchema.parse(flat);
}
