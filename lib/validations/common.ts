import { z } from "zod";

// A field without a message of its own (a hidden field, a nested value from the API) still
// answers in Chinese: zod's built-in messages, switched to its zh-CN locale. Every schema
// module imports this one, so the setting is in force wherever input is parsed.
z.config(z.locales.zhCN());

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
    .refine(isCalendarDay, `${label}不是有效日期`);

// Read as UTC midnight: parsing in local time would shift the day on a server east of UTC
// (Asia/Shanghai), and every real date would be refused.
function isCalendarDay(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

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

/** Largest magnitude a 量化指标 value may have: beyond it a typo, not a measurement. */
const INDICATOR_LIMIT = 1e12;

/** An optional 量化指标 figure (基线值, 目标值, 实际值): a finite decimal, blank = none. */
export const indicatorValue = (label: string) =>
  z.preprocess(
    (v) => {
      const given = emptyToNull(v);
      // "1,200" and full-width digits are how figures are often typed; anything else must be a plain number.
      return typeof given === "string" ? given.trim().replace(/,/g, "").replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : given;
    },
    z.coerce
      .number({ error: `${label}应为数字,如 12.5` })
      .refine(Number.isFinite, `${label}应为数字,如 12.5`)
      .refine((n) => Math.abs(n) < INDICATOR_LIMIT, `${label}超出可填写的范围`)
      .nullable(),
  );

/** A checkbox list arrives as one string, several strings, or (after an error) "1,2". */
export function idList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  const parts = Array.isArray(value) ? value : String(value).split(",");
  return parts.map((p) => (typeof p === "string" ? p.trim() : p)).filter((p) => p !== "");
}
