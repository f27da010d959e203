import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { likePattern, SEARCH_KINDS, searchTerms, type SearchKind, type SearchScope, type SearchTerms } from "@/lib/search";
import type { Status } from "@/lib/domain";
import type { Queryable } from "../client";
import { ids, KINDS, measuresOfUnit, unitMeasures, type KindSql } from "./search-kinds";

// 全文检索 over every round (issue 18). Each kind has an FTS5 table with the trigram
// tokenizer over its source table's text (migration add_full_text_search, kept current by
// triggers); the kinds are described in ./search-kinds.ts. How a search runs is `Plan`
// below. What the user may see is a condition of the same SQL, never a filter applied
// afterwards.

export interface SearchFilter {
  text: string;
  roundId?: number;
  /** Items a unit answers for (the office narrowing its search; not visibility). */
  unitId?: number;
  status?: Status;
  from?: string;
  to?: string;
}

export interface SearchHit {
  kind: SearchKind;
  id: number;
  roundId: number;
  roundName: string;
  title: string;
  /** The text the snippet is cut from. */
  body: string;
  /** The measure a problem, progress report or institution is read on, if any. */
  measureId: number | null;
  date: string | null;
}

/** Totals beyond this are shown as "1000+": counting every match of a common word costs. */
export const SEARCH_COUNT_CAP = 1000;


/**
 * How a search runs. Through the index when it may look at everything: FTS5 hands out its
 * matches newest first, and bm25 ranks the newest. When the scope or the filter narrows it
 * to a few thousand measures (a unit, a reviewer's round, the office's round filter), by
 * LIKE over those rows instead: walking the index's 80,000 matches of a common word to keep
 * a unit's 300 costs more than reading the 300. A word of two characters goes through the
 * index as any of the trigrams it begins (from the index's vocabulary: every text ends with a
 * line feed in the index, so even a word at the very end begins one); a single character by LIKE.
 */
interface Plan {
  terms: SearchTerms;
  useIndex: boolean;
  /** Rank LIKE hits by how often the words occur (few rows); else newest first. */
  rankByCount: boolean;
}

/** Measures beyond which a narrowed search still goes through the index. */
export const NARROW_MEASURES = 3000;

/** The plan of a search: one count over the measures it is narrowed to, if any. */
export function searchPlan(q: Queryable, params: { scope: SearchScope; filter: SearchFilter }): Plan {
  const { scope, filter } = params;
  const terms = searchTerms(filter.text);
  const narrowing: SQL[] = [];
  if (scope.roundIds) narrowing.push(sql`m.round_id in (${ids(scope.roundIds)})`);
  if (filter.roundId) narrowing.push(sql`m.round_id = ${filter.roundId}`);
  if (scope.unitIds) narrowing.push(sql`m.id in ${unitMeasures(scope.unitIds)}`);
  if (filter.unitId) narrowing.push(sql`m.id in ${measuresOfUnit(filter.unitId)}`);
  const indexable = terms.words.some((w) => [...w].length >= 2);
  if (narrowing.length === 0) return { terms, useIndex: indexable, rankByCount: false };
  const count = q.get<{ n: number }>(sql`select count(*) as n from (select 1 from measures m where ${sql.join(narrowing, sql` and `)} limit ${NARROW_MEASURES + 1})`)?.n ?? 0;
  const narrow = count <= NARROW_MEASURES;
  return { terms, useIndex: indexable && !narrow, rankByCount: narrow };
}

/** Whether anything but the words limits the search. */
const narrows = (scope: SearchScope, filter: SearchFilter) =>
  scope.roundIds !== null || scope.unitIds !== null || [filter.roundId, filter.unitId, filter.status, filter.from, filter.to].some((v) => v !== undefined);

/** More trigrams than this for one two-character word, and it is matched by LIKE instead. */
const MAX_PREFIX_TRIGRAMS = 500;

/** What one kind's index is asked: an FTS5 expression, the words left to LIKE, or nothing can match. */
interface KindMatch {
  match: string | null;
  like: string[];
  none: boolean;
}

const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

function kindMatch(q: Queryable, kind: KindSql, plan: Plan): KindMatch {
  if (!plan.useIndex) return { match: null, like: plan.terms.words, none: false };
  const parts = plan.terms.words.filter((w) => [...w].length >= 3).map(phrase);
  const like: string[] = [];
  for (const word of plan.terms.short) {
    if ([...word].length < 2) {
      like.push(word);
      continue;
    }
    // The tokenizer folds case: so are the vocabulary's terms.
    const lower = word.toLowerCase();
    const trigrams = q.all<{ term: string }>(sql`select term from ${sql.identifier(`${kind.fts}_vocab`)} where term >= ${lower} and term < ${`${lower}\u{10FFFF}`} limit ${MAX_PREFIX_TRIGRAMS + 1}`);
    if (trigrams.length === 0) return { match: null, like: [], none: true };
    if (trigrams.length > MAX_PREFIX_TRIGRAMS) like.push(word);
    else parts.push(`(${trigrams.map((t) => phrase(t.term)).join(" OR ")})`);
  }
  return { match: parts.length ? parts.join(" AND ") : null, like, none: false };
}

/** The WHERE of one kind's search, or null when the kind cannot match (a status filter on notices). */
function conditions(kind: KindSql, scope: SearchScope, filter: SearchFilter, words: KindMatch): SQL | null {
  const c = kind.columns;
  const where: SQL[] = [];
  if (words.match) where.push(sql`${sql.identifier(kind.fts)} match ${words.match}`);
  for (const word of words.like) {
    const pattern = likePattern(word);
    where.push(sql`(${sql.join(kind.texts.map((t) => sql`${t} like ${pattern} escape '\\'`), sql` or `)})`);
  }
  if (scope.roundIds) where.push(sql`${c.roundId} in (${ids(scope.roundIds)})`);
  if (scope.unitIds) where.push(kind.visibleTo(scope.unitIds));
  if (filter.roundId) where.push(sql`${c.roundId} = ${filter.roundId}`);
  if (filter.unitId) where.push(kind.ofUnit(filter.unitId));
  if (filter.status) {
    if (!c.status) return null;
    where.push(sql`${c.status} = ${filter.status}`);
  }
  if (filter.from) where.push(sql`${c.date} >= ${filter.from}`);
  if (filter.to) where.push(sql`${c.date} <= ${filter.to}`);
  return sql.join(where, sql` and `);
}

/** How often the words occur in the kind's texts: the rank of a LIKE search over few rows. */
function occurrences(kind: KindSql, words: readonly string[]): SQL {
  const counts = words.flatMap((w) => kind.texts.map((t) => sql`(length(${t}) - length(replace(${t}, ${w}, ''))) / ${[...w].length}`));
  return counts.length ? sql.join(counts, sql` + `) : sql`0`;
}

function source(kind: KindSql, useIndex: boolean): SQL {
  // The index drives when it answers (its matches, then their rows); else the source table.
  return useIndex ? sql`${sql.identifier(kind.fts)} join ${kind.table} on s.id = ${sql.identifier(kind.fts)}.rowid ${kind.joins}` : sql`${kind.table} ${kind.joins}`;
}

export interface KindResult {
  kind: SearchKind;
  hits: SearchHit[];
  /** Capped at SEARCH_COUNT_CAP + 1 (shown as "1000+"). */
  total: number;
}

/**
 * How many of the newest matches bm25 ranks. Ranking scores every match it is given: all
 * 80,000 reports that say 股份合作公司 on the province database take 400 ms, the newest
 * 1,000 a few; the index hands out matches newest first at no cost. Totals stop there too.
 */
export const SEARCH_RANK_WINDOW = SEARCH_COUNT_CAP;

/**
 * One kind's hits, best first: by bm25 among the newest matches when the index answered,
 * else newest first (a LIKE has no rank). `limit` hits from `offset`, and how many there
 * are up to the cap.
 */
export function searchKind(q: Queryable, params: { kind: SearchKind; scope: SearchScope; filter: SearchFilter; limit: number; offset?: number; plan?: Plan }): KindResult {
  const kind = KINDS[params.kind];
  const empty = { kind: params.kind, hits: [], total: 0 };
  if (!params.scope.kinds.includes(params.kind) || params.scope.unitIds?.length === 0 || params.scope.roundIds?.length === 0) return empty;
  const plan = params.plan ?? searchPlan(q, params);
  if (plan.terms.words.length === 0) return empty;
  const words = kindMatch(q, kind, plan);
  if (words.none) return empty;
  const useIndex = words.match !== null;
  const where = conditions(kind, params.scope, params.filter, words);
  if (!where) return empty;
  const from = source(kind, useIndex);
  const c = kind.columns;
  const fields = sql`s.id as id, ${c.roundId} as roundId, r.name as roundName, ${c.title} as title, ${c.body} as body, ${c.measureId} as measureId, ${c.date} as date`;
  const fts = sql.identifier(kind.fts);
  const page = sql`limit ${params.limit} offset ${params.offset ?? 0}`;
  // Nothing but the words: the window and the count read the index alone, and only the
  // page's few rows are joined to their tables.
  const indexAlone = useIndex && words.like.length === 0 && !narrows(params.scope, params.filter);
  const matches = indexAlone ? sql`${fts} where ${fts} match ${words.match}` : sql`${from} where ${where}`;
  const rows = useIndex
    ? q.all<Omit<SearchHit, "kind">>(sql`
        select ${fields} from (
          select ${fts}.rowid as rid, ${sql.raw(`bm25(${kind.fts}, ${kind.weights})`)} as score
          from ${matches} order by ${fts}.rowid desc limit ${SEARCH_RANK_WINDOW + 1}) w
        join ${kind.table} on s.id = w.rid ${kind.joins}
        order by w.score, w.rid desc ${page}`)
    : q.all<Omit<SearchHit, "kind">>(sql`select ${fields} from ${from} where ${where}
        order by ${plan.rankByCount ? sql`${occurrences(kind, plan.terms.words)} desc, ` : sql``}s.id desc ${page}`);
  const total =
    rows.length < params.limit && !params.offset
      ? rows.length
      : (q.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${matches} limit ${SEARCH_COUNT_CAP + 1})`)?.n ?? 0);
  let hits = rows.map((h) => ({ ...h, kind: params.kind }));
  // A unit has no page for a whole problem: its hit opens the first measure it answers for.
  if (params.kind === "problem" && params.scope.unitIds) {
    const unitIds = params.scope.unitIds;
    hits = hits.map((h) => ({ ...h, measureId: problemMeasureFor(q, { problemId: h.id, unitIds }) }));
  }
  return { kind: params.kind, hits, total };
}

/** Every kind the scope allows, `perKind` hits each: the grouped results page. */
export function searchAll(q: Queryable, params: { scope: SearchScope; filter: SearchFilter; perKind: number }): KindResult[] {
  const kinds = SEARCH_KINDS.filter((k) => params.scope.kinds.includes(k));
  if (kinds.length === 0) return [];
  const plan = searchPlan(q, params);
  return kinds.map((kind) => searchKind(q, { ...params, kind, plan, limit: params.perKind }));
}

/** The first of a problem's measures that `unitIds` answer for (all units: null). */
function problemMeasureFor(q: Queryable, params: { problemId: number; unitIds: readonly number[] | null }): number | null {
  const visible = params.unitIds ? sql`and m.id in ${unitMeasures(params.unitIds)}` : sql``;
  return q.get<{ id: number }>(sql`select m.id as id from measures m where m.problem_id = ${params.problemId} ${visible} order by m.position limit 1`)?.id ?? null;
}

/** The rounds a scope searches, newest first: the options of the page's round filter. */
export function searchableRounds(q: Queryable, params: { scope: SearchScope }): { id: number; name: string }[] {
  const { roundIds, unitIds } = params.scope;
  if (roundIds?.length === 0 || unitIds?.length === 0) return [];
  const where: SQL[] = [sql`1 = 1`];
  if (roundIds) where.push(sql`r.id in (${ids(roundIds)})`);
  if (unitIds) where.push(sql`r.id in (select um.round_id from ${unitMeasures(unitIds)} v join measures um on um.id = v.id)`);
  return q.all<{ id: number; name: string }>(sql`select r.id as id, r.name as name from rounds r where ${sql.join(where, sql` and `)} order by r.id desc`);
}
