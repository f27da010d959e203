import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { SearchKind } from "@/lib/search";

// What 全文检索 needs to know of each kind of item: its index, its table and joins, the
// columns a hit shows, the texts LIKE reads, and who may see a row (db/queries/search.ts).

export const ids = (list: readonly number[]) => sql.join(list.length ? list.map((id) => sql`${id}`) : [sql`null`], sql`, `);

/** The measures `units` answer for, in rounds whose plan units may see. */
export function unitMeasures(units: readonly number[]): SQL {
  // A union, not an OR: each half starts from its unit index (a unit's few hundred measures),
  // where an OR would read all 150,000 measures of the province.
  const open = sql`(ur.units_see_unapproved_plan = 1 or ur.plan_approved_at is not null)`;
  return sql`(select um.id from measures um join rounds ur on ur.id = um.round_id where um.lead_unit_id in (${ids(units)}) and ${open}
    union select cu.measure_id from measure_co_units cu join measures um on um.id = cu.measure_id join rounds ur on ur.id = um.round_id
      where cu.unit_id in (${ids(units)}) and ${open})`;
}

/** Measures led or shared by one unit (the unit filter). */
export function measuresOfUnit(unitId: number): SQL {
  return sql`(select id from measures where lead_unit_id = ${unitId} union select measure_id from measure_co_units where unit_id = ${unitId})`;
}

// The day an item is dated by for the date filter, as YYYY-MM-DD in China's time.
const dayOf = (column: SQL) => sql`date(${column} / 1000, 'unixepoch', '+8 hours')`;

export interface KindSql {
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

export const KINDS: Record<SearchKind, KindSql> = {
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
