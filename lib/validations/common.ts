import { isValid, parseISO } from "date-fns";
import { z } from "zod";

/** Form inputs arrive as strings; an empty or absent one means "not given". */
export const emptyToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

export const text = (label: string, max: number) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .optional()
    .transform((v) => v ?? "");

/** A calendar day, "YYYY-MM-DD", that exists. */
export const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((v) => isValid(parseISO(v)) && parseISO(v).toISOString().startsWith(v), `${label}不是有效日期`);

export const optionalIsoDate = (label: string) => z.preprocess(emptyToNull, isoDate(label).nullable());

export const id = (label: string) =>
  z.coerce
    .number({ error: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`)
    .max(Number.MAX_SAFE_INTEGER, `请选择${label}`);

export const optionalId = (label: string) => z.preprocess(emptyToNull, id(label).nullable());

/** A route segment that should be a row id; null when it is not one. */
export function parseId(segment: string | undefined): number | null {
  if (!segment || !/^\d{1,15}$/.test(segment)) return null;
  const value = Number(segment);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
