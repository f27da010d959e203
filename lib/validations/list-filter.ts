import { z } from "zod";
import { STATUSES } from "@/lib/domain";
import { id, isoDate } from "./common";

// Filters of the four lists and the ledger, read from the URL so that every filtered view
// is a link (the dashboard drills down into them). A malformed value is ignored rather
// than failing the page: a shared link with a stale filter should still open.

export const SORT_KEYS = ["number", "deadline", "status", "unit"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const PAGE_SIZE = 50;

export const listFilterSchema = z.object({
  aspect: id("方面").optional().catch(undefined),
  unit: id("单位").optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  from: isoDate("起始日期").optional().catch(undefined),
  to: isoDate("截止日期").optional().catch(undefined),
  overdue: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  dueSoon: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  sort: z.enum(SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type ListFilter = z.infer<typeof listFilterSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

export function parseListFilter(searchParams: SearchParams): ListFilter {
  const flat = Object.fromEntries(
    Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  return listFilterSchema.parse(flat);
}

/** The query string for a filter, optionally changed; empty values are dropped. */
export function filterQuery(filter: ListFilter, change: Partial<Record<keyof ListFilter, string | number | boolean | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...filter, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === "" || value === null) continue;
    if (key === "page" && value === 1) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
