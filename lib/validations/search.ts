import { z } from "zod";
import { STATUSES } from "@/lib/domain";
import { SEARCH_KINDS, SEARCH_MAX_LENGTH } from "@/lib/search";
import { id, isoDate } from "./common";

// 全文检索's query, from the header box, the /search page's URL or GET /api/v1/search.
// The text must be there and not too long; a malformed filter is dropped (a shared link
// with a stale filter still searches), as the lists' filters are.

export const SEARCH_PAGE_SIZE = 20;
/** Hits of each kind on the grouped page before "查看全部". */
export const SEARCH_GROUP_SIZE = 5;

export const searchQuerySchema = z.object({
  q: z
    .string({ error: "请输入要搜索的内容" })
    .trim()
    .min(1, "请输入要搜索的内容")
    .max(SEARCH_MAX_LENGTH, `搜索内容不能超过 ${SEARCH_MAX_LENGTH} 个字`),
  round: id("轮次").optional().catch(undefined),
  unit: id("单位").optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  from: isoDate("起始日期").optional().catch(undefined),
  to: isoDate("截止日期").optional().catch(undefined),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The query of a URL's parameters (first value of each), or the first problem with it. */
export function parseSearchQuery(params: Record<string, string | string[] | undefined>): { query: SearchQuery } | { error: string } {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = searchQuerySchema.safeParse(flat);
  return parsed.success ? { query: parsed.data } : { error: parsed.error.issues[0]?.message ?? "搜索条件有误" };
}
