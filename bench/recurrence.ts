import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { earlierRoundsOf, similarEarlierProblems } from "@/db/queries/recurrence";
import * as schema from "@/db/schema";
import { SimilarityIndex } from "@/lib/recurrence";
import { captureSql, replay } from "./sql-replay";

// 反弹回潮 at province scale (300 rounds, 60,000 problems): how long the problem page's
// similar-problems query takes, and the import preview's (every problem of a 550-problem
// round at once), for the largest round that has the most earlier rounds of its body.
// Against references measured in the same run: the same SQL replayed bare (so the ratio is
// what scoring in memory adds), and scoring every problem of the database (what the bound
// to the body's earlier rounds saves). Reads a COPY of the province database, never writes:
//   node --conditions=react-server --import tsx bench/recurrence.ts [data/bench/province.db]

const file = process.argv[2] ?? "data/bench/province.db";
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
const db = drizzle(sqlite, { schema });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const time = (fn: () => unknown) => {
  const started = performance.now();
  fn();
  return performance.now() - started;
};

const candidateCount = (roundId: number) =>
  sqlite
    .prepare(
      `select count(*) from problems where round_id in (select e.id from rounds e join rounds r on r.id = ?
         where e.inspected_body = r.inspected_body and e.feedback_date < r.feedback_date)`,
    )
    .pluck()
    .get(roundId) as number;

// The largest round (among those, the one with the most earlier rounds at its body), and the
// round with the most earlier problems to compare with: the two worst cases.
const largest = sqlite
  .prepare(
    `select r.id from rounds r join problems p on p.round_id = r.id group by r.id
     order by count(p.id) desc, (select count(*) from rounds e where e.inspected_body = r.inspected_body and e.feedback_date < r.feedback_date) desc limit 1`,
  )
  .pluck()
  .get() as number;
const mostCandidates = (sqlite.prepare("select id from rounds").pluck().all() as number[])
  .map((id) => ({ id, candidates: candidateCount(id) }))
  .sort((a, b) => b.candidates - a.candidates)[0]!.id;

function measureRound(roundId: number) {
  const round = sqlite.prepare("select id, name, (select count(*) from problems where round_id = rounds.id) as problems from rounds where id = ?").get(roundId) as { id: number; name: string; problems: number };
  const titles = sqlite.prepare("select id as key, title from problems where round_id = ? order by number").all(round.id) as { key: number; title: string }[];
  // Warm the page cache and the statement cache once.
  similarEarlierProblems(db, { roundId: round.id, titles: titles.slice(0, 1) });
  // The problem page: one title at a time, every problem of the round.
  const page = titles.map((t) => time(() => similarEarlierProblems(db, { roundId: round.id, titles: [t] })));
  const pageSql = captureSql(sqlite, (d) => similarEarlierProblems(d, { roundId: round.id, titles: [titles[0]!] }));
  const pageReference = replay(sqlite, pageSql, 50);
  // The import preview: all the round's titles at once, five times.
  const preview = Array.from({ length: 5 }, () => time(() => similarEarlierProblems(db, { roundId: round.id, titles })));
  const found = similarEarlierProblems(db, { roundId: round.id, titles });
  return {
    round: { ...round, earlierRounds: earlierRoundsOf(db, { roundId: round.id }).length, candidateProblems: candidateCount(round.id) },
    problemPage: { median: ms(median(page)), p95: ms(p95(page)), sqlReplayMedian: ms(median(pageReference)), ratioToSql: +(median(page) / median(pageReference)).toFixed(2) },
    importPreview: { median: ms(median(preview)), problemsWithMatches: found.size },
    pageMedianMs: median(page),
  };
}

const results = [measureRound(largest), measureRound(mostCandidates)];
const sample = sqlite.prepare("select title from problems where round_id = ? limit 1").pluck().get(largest) as string;
// What the bound saves: every problem of the database read and indexed, then one title scored.
const everything = Array.from({ length: 3 }, () =>
  time(() => {
    const all = sqlite.prepare("select id, title from problems").all() as { id: number; title: string }[];
    new SimilarityIndex(all).similarTo(sample);
  }),
);

console.log(
  JSON.stringify(
    {
      database: file,
      rounds: results.map((r) => ({ round: r.round, problemPage: r.problemPage, importPreview: r.importPreview })),
      scoringEveryProblem: { median: ms(median(everything)), ratioToWorstPage: +(median(everything) / Math.max(...results.map((r) => r.pageMedianMs))).toFixed(1) },
    },
    null,
    2,
  ),
);
