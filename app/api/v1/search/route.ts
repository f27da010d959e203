import { AppError } from "@/lib/errors";
import { searchScopeOf } from "@/lib/search";
import { parseSearchQuery } from "@/lib/validations/search";
import { apiRoute } from "@/server/api";
import { search } from "@/server/search";

// GET /api/v1/search?q=&round=&unit=&status=&from=&to=&kind=&page= — 全文检索 over every round
// the caller may read; a unit finds only what it answers for. Without kind: each kind's
// best hits and totals; with it: that kind a page at a time. The text is not echoed back.
export const GET = apiRoute({
  permission: "search.read",
  handle: ({ actor, request }) => {
    const parsed = parseSearchQuery(Object.fromEntries(new URL(request.url).searchParams));
    if ("error" in parsed) throw new AppError("VALIDATION", parsed.error);
    const answer = search(searchScopeOf(actor), parsed.query);
    return {
      groups: answer.groups.map((g) => ({ kind: g.kind, label: g.label, total: g.total, hits: g.hits })),
      page: answer.page,
      pages: answer.pages,
      ms: answer.ms,
    };
  },
});
