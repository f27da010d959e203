import type Database from "better-sqlite3";
import { openDatabase } from "@/db/client";
import { searchAll } from "@/db/queries/search";
import { unitScope } from "@/db/queries/units";
import { searchScopeOf, type SearchScope } from "@/lib/search";
import { SEARCH_GROUP_SIZE } from "@/lib/validations/search";
import { median } from "../load";
import { figure, type Figure } from "../report";

// 全文检索 on the province database (300 rounds, 1.5M progress reports): what the /search
// page asks — every kind, its best five and its total — through the app's own query, for
// the office (everything) and for the unit that answers for the most measures. Against a
// bare FTS5 MATCH of the same words on the same table (the progress reports' index, the
// largest), in the same run. Words from the published reports in ../shared/reference: words
// of two characters (党建, 公车, 食堂), answered through the index's vocabulary, and longer ones.

const SHORT_WORDS = ["党建", "公车", "食堂", "学位", "信访", "考核"];
const LONG_WORDS = ["形式主义", "党风廉政建设", "违规发放津补贴", "公办义务教育学位", "股份合作公司", "谈话提醒", "城中村综合治理", "第一议题", "基层党组织", "巡察整改"];
const ROUNDS = 5;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

function timed(words: readonly string[], run: (word: string) => void): number[] {
  for (const word of words) run(word); // warm-up: the pages each word reads
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const word of words) {
      const started = performance.now();
      run(word);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

export function searchFigures(params: { runDb: string; machine: string }): Figure[] {
  const { db, sqlite } = openDatabase(params.runDb);
  try {
    const unitId = (sqlite.prepare("select lead_unit_id from measures where lead_unit_id in (select unit_id from users where role = 'unit') group by lead_unit_id order by count(*) desc limit 1").pluck().get() as number);
    const actor = (role: "office" | "unit", unit: number) => ({ role, isAdmin: false, unitScope: unitScope(db, { unitId: unit }), reviewRoundIds: [] });
    const office: SearchScope = searchScopeOf(actor("office", unitId));
    const unit: SearchScope = searchScopeOf(actor("unit", unitId));
    const search = (scope: SearchScope) => (text: string) => void searchAll(db, { scope, filter: { text }, perKind: SEARCH_GROUP_SIZE });
    const bare = bareMatch(sqlite);

    const officeLong = timed(LONG_WORDS, search(office));
    const unitAll = timed([...SHORT_WORDS, ...LONG_WORDS], search(unit));
    const officeShort = timed(SHORT_WORDS, search(office));
    const reference = timed(LONG_WORDS, bare);
    const ref = median(reference);
    const common = { unit: "ms", reference: ref, referenceLabel: "三字以上的同一批词在进展索引上直接 MATCH 取 20 条(不连表、不排序)", machine: params.machine };
    return [
      figure({ ...common, name: "全文检索:整改办,三字以上的词,各类前 5 条与总数 p50", value: median(officeLong), target: "< 50 ms", met: median(officeLong) < 50 }),
      figure({ ...common, name: "全文检索:整改办,三字以上的词 p95", value: percentile(officeLong, 95), target: "< 200 ms", met: percentile(officeLong, 95) < 200 }),
      figure({ ...common, name: "全文检索:整改办,两字词 p50", value: median(officeShort), target: "< 50 ms", met: median(officeShort) < 50 }),
      figure({ ...common, name: "全文检索:整改办,两字词 p95", value: percentile(officeShort, 95), target: "< 200 ms", met: percentile(officeShort, 95) < 200 }),
      figure({ ...common, name: "全文检索:措施最多的责任单位,全部词 p50", value: median(unitAll), target: "< 50 ms", met: median(unitAll) < 50 }),
      figure({ ...common, name: "全文检索:措施最多的责任单位,全部词 p95", value: percentile(unitAll, 95), target: "< 200 ms", met: percentile(unitAll, 95) < 200 }),
    ];
  } finally {
    sqlite.close();
  }
}

/** The reference: the word as an FTS5 phrase on the progress reports' index, 20 rowids, no join, no rank. */
function bareMatch(sqlite: Database.Database) {
  const statement = sqlite.prepare("select rowid from progress_reports_fts where progress_reports_fts match ? limit 20").pluck();
  return (word: string) => void statement.all(`"${word}"`);
}
