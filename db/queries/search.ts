import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { likePattern, SEARCH_KINDS, searchTerms, type SearchKind, type SearchScope, type SearchTerms } from "@/lib/search";
import type { Status } from "@/lib/domain";
import type { Queryable } from "../client";

// 全文检索 over every round (issue 18). Each kind has an FTS5 table with the trigram
// tokenizer over its source table's text (migration add_full_text_search, kept current by
// triggers). Words of three or more characters go through the index and are ranked by
// bm25; shorter words (党建, 食堂) are matched with LIKE on the same rows. What the user may
// see is a condition of the same SQL, never a filter applied afterwards.

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

const ids = (list: readonly number[]) => sql.join(list.length ? list.map((id) => sql`${id}`) : [sql`null`], sql`, `);

/** The measures `units` answer for, in rounds whose plan units may see. */
function unitMeasures(units: readonly number[]): SQL {
  // A union, not an OR: each half starts from its unit index (a unit's few hundred measures),
  // where an OR would read all 150,000 measures of the province.
  const open = sql`(ur.units_see_unapproved_plan = 1 or ur.plan_approved_at is not null)`;
  return sql`(select um.id from measures um join rounds ur on ur.id = um.round_id where um.lead_unit_id in (${ids(units)}) and ${open}
    union select cu.measure_id from measure_co_units cu join measures um on um.id = cu.measure_id join rounds ur on ur.id = um.round_id
      where cu.unit_id in (${ids(units)}) and ${open})`;
}

/** Measures led or shared by one unit (the unit filter). */
function measuresOfUnit(unitId: number): SQL {
  return sql`(select id from measures where lead_unit_id = ${unitId} union select measure_id from measure_co_units where unit_id = ${unitId})`;
}

// The day an item is dated by for the date filter, as YYYY-MM-DD in China's time.
const dayOf = (column: SQL) => sql`date(${column} / 1000, 'unixepoch', '+8 hours')`;

interface KindSql {
  fts: string;
  /** The source table as `s`. */
  table: SQL;
  /** Joins after it: `r` is always the item's round. */
  joins: SQL;
  /** bm25 weights of the FTS table's columns: the title counts more. */
  weights: string;
  columns: { title: SQL; body: SQL; measureId: SQL; date: SQL; status: SQL | null; roundId: SQL };
  /** The texts LIKE looks at for a short word. */
  texts: SQL[];
  visibleTo: (units: readonly number[]) => SQL;
  ofUnit: (unitId: number) => SQL;
}

const KINDS: Record<SearchKind, KindSql> = {
  problem: {
    fts: "problems_fts",
    table: sql`problems s`,
    joins: sql`join rounds r on r.id = s.round_id`,
    weights: "2.0, 1.0",
    columns: {
      title: sql`'问题' || s.number || ':' || s.title`,
      body: sql`s.title || ' ' || s.description`,
      measureId: sql`null`,
      date: dayOf(sql`s.created_at`),
      status: sql`s.status`,
      roundId: sql`s.round_id`,
    },
    texts: [sql`s.title`, sql`s.description`],
    // From the unit's measures to their problems: an EXISTS per problem would read all 60,000.
    visibleTo: (units) => sql`s.id in (select pm.problem_id from measures pm where pm.id in ${unitMeasures(units)})`,
    ofUnit: (unitId) => sql`(s.lead_unit_id = ${unitId} or exists (select 1 from measures pm where pm.problem_id = s.id and pm.id in ${measuresOfUnit(unitId)}))`,
  },
  measure: {
    fts: "measures_fts",
    table: sql`measures s`,
    joins: sql`join rounds r on r.id = s.round_id`,
    weights: "2.0, 1.0",
    columns: {
      title: sql`s.text`,
      body: sql`s.text || ' ' || s.goal`,
      measureId: sql`s.id`,
      date: dayOf(sql`s.created_at`),
      status: sql`s.status`,
      roundId: sql`s.round_id`,
    },
    texts: [sql`s.text`, sql`s.goal`],
    visibleTo: (units) => sql`s.id in ${unitMeasures(units)}`,
    ofUnit: (unitId) => sql`s.id in ${measuresOfUnit(unitId)}`,
  },
  progress: {
    fts: "progress_reports_fts",
    table: sql`progress_reports s`,
    joins: sql`join measures m on m.id = s.measure_id join rounds r on r.id = m.round_id join units pu on pu.id = s.unit_id`,
    weights: "1.0",
    columns: {
      title: sql`pu.name || ' ' || s.report_date || ' 报送'`,
      body: sql`s.text`,
      measureId: sql`s.measure_id`,
      date: sql`s.report_date`,
      status: sql`m.status`,
      roundId: sql`m.round_id`,
    },
    texts: [sql`s.text`],
    // A measure's page shows every report on it, a co-unit's too: so does the search.
    visibleTo: (units) => sql`s.measure_id in ${unitMeasures(units)}`,
    ofUnit: (unitId) => sql`s.unit_id = ${unitId}`,
  },
  notice: {
    fts: "supervision_notices_fts",
    table: sql`supervision_notices s`,
    joins: sql`join rounds r on r.id = s.round_id`,
    weights: "1.0, 1.0",
    columns: {
      title: sql`'督办〔' || s.year || '〕' || s.sequence || '号'`,
      body: sql`s.request || ' ' || coalesce(s.reply, '')`,
      measureId: sql`null`,
      date: dayOf(sql`s.created_at`),
      status: null,
      roundId: sql`s.round_id`,
    },
    texts: [sql`s.request`, sql`coalesce(s.reply, '')`],
    visibleTo: (units) => sql`s.unit_id in (${ids(units)})`,
    ofUnit: (unitId) => sql`s.unit_id = ${unitId}`,
  },
  institution: {
    fts: "institutions_fts",
    table: sql`institutions s`,
    joins: sql`join rounds r on r.id = s.round_id left join progress_reports ip on ip.id = s.progress_report_id`,
    weights: "2.0, 1.0",
    columns: {
      title: sql`s.title`,
      body: sql`s.title || ' ' || s.document_number`,
      measureId: sql`ip.measure_id`,
      date: sql`s.issued_date`,
      status: null,
      roundId: sql`s.round_id`,
    },
    texts: [sql`s.title`, sql`s.document_number`],
    // A unit reads an institution on the measure it was registered with.
    visibleTo: (units) => sql`ip.measure_id in ${unitMeasures(units)}`,
    ofUnit: (unitId) => sql`s.unit_id = ${unitId}`,
  },
};

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
