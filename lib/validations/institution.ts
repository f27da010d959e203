import { z } from "zod";
import { emptyToNull, isoDate, optionalText, text } from "./common";

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
