import "server-only";
import { db } from "@/db";
import { searchAll, searchKind, type KindResult, type SearchFilter, type SearchHit } from "@/db/queries/search";
import { SEARCH_KIND_LABELS, searchTerms, snippetParts, snippetText, type SearchKind, type SearchScope, type SnippetPart } from "@/lib/search";
import { SEARCH_GROUP_SIZE, SEARCH_PAGE_SIZE, type SearchQuery } from "@/lib/validations/search";

// 全文检索 as the page, GET /api/v1/search and `npm run cli -- search` answer it: the same
// query, hits with their snippet and the page they open.

export interface FoundHit {
  kind: SearchKind;
  id: number;
  roundId: number;
  roundName: string;
  title: string;
  /** The snippet with the words in 【】, for JSON readers. */
  snippet: string;
  /** The snippet as marked and plain parts, for the page (rendered as elements). */
  parts: SnippetPart[];
  /** The page the hit opens for this user; null when it has none. */
  href: string | null;
  date: string | null;
}

export interface FoundGroup {
  kind: SearchKind;
  label: string;
  /** How many hits there are, up to SEARCH_COUNT_CAP + 1. */
  total: number;
  hits: FoundHit[];
}

export interface SearchAnswer {
  groups: FoundGroup[];
  /** Pages of the one kind asked for (query.kind); 1 for the grouped view. */
  page: number;
  pages: number;
  ms: number;
}

/** The page a hit opens: a unit reads everything on its measures' pages. */
function hrefOf(hit: SearchHit, forUnit: boolean): string | null {
  switch (hit.kind) {
    case "measure":
      return `/measures/${hit.id}`;
    case "progress":
      return `/measures/${hit.measureId}#report-${hit.id}`;
    case "notice":
      return `/notices/${hit.id}`;
    case "problem":
      if (forUnit) return hit.measureId ? `/measures/${hit.measureId}` : null;
      return `/rounds/${hit.roundId}/problems?q=${encodeURIComponent(hit.title.replace(/^问题\d+:/, "").slice(0, 30))}`;
    case "institution":
      if (forUnit) return hit.measureId ? `/measures/${hit.measureId}` : null;
      return `/rounds/${hit.roundId}/institutions`;
  }
}

function found(result: KindResult, words: string[], forUnit: boolean): FoundGroup {
  return {
    kind: result.kind,
    label: SEARCH_KIND_LABELS[result.kind],
    total: result.total,
    hits: result.hits.map((hit) => {
      const parts = snippetParts(hit.body, words);
      return {
        kind: hit.kind,
        id: hit.id,
        roundId: hit.roundId,
        roundName: hit.roundName,
        title: hit.title,
        snippet: snippetText(parts),
        parts,
        href: hrefOf(hit, forUnit),
        date: hit.date,
      };
    }),
  };
}

/**
 * Searches what `scope` allows: every kind, a few hits each, or one kind (query.kind) a
 * page at a time.
 */
export function search(scope: SearchScope, query: SearchQuery, sizes: { perKind?: number; pageSize?: number } = {}): SearchAnswer {
  const started = performance.now();
  const filter: SearchFilter = { text: query.q, roundId: query.round, unitId: query.unit, status: query.status, from: query.from, to: query.to };
  const words = searchTerms(query.q).words;
  const forUnit = scope.unitIds !== null;
  if (query.kind) {
    const pageSize = sizes.pageSize ?? SEARCH_PAGE_SIZE;
    const page = query.page ?? 1;
    const result = searchKind(db, { kind: query.kind, scope, filter, limit: pageSize, offset: (page - 1) * pageSize });
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    return { groups: [found(result, words, forUnit)], page, pages, ms: elapsed(started) };
  }
  const groups = searchAll(db, { scope, filter, perKind: sizes.perKind ?? SEARCH_GROUP_SIZE }).map((r) => found(r, words, forUnit));
  return { groups, page: 1, pages: 1, ms: elapsed(started) };
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;
