import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProgressReport } from "@/lib/bulletin";
import { byAspect, formatRate, overall } from "@/lib/survey";
import { seededTestDb } from "@/testing/seeded-db";
import { reportInput } from "./reports";
import { createPaperBatch } from "./survey-paper";
import { collectedForms, roundSurveyFigures, surveyResults, surveysOfRounds } from "./surveys";

// The survey's figures — per question, per aspect, overall, on the dashboard and in the 通报 —
// against the tables read with SQL of their own: online answers and paper tallies added, blank
// paper forms counted as collected but not as answers. On the seeded demo (36 online answers,
// 新安街道's 24 paper forms) plus a second paper batch.

const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let roundId = 0;
let surveyId = 0;

beforeAll(async () => {
  t = await seededTestDb(TODAY);
  roundId = t.roundId();
  surveyId = t.one<number>("select id from surveys where round_id = ?", roundId);
  const actorId = t.one<string>("select id from users where username = 'office'");
  t.db.transaction((tx) =>
    createPaperBatch(tx, {
      actorId,
      input: {
        surveyId, label: "西乡街道 第1批", collectedOn: "2026-11-19", forms: 9,
        counts: [
          { position: 1, choice: "satisfied", count: 4 },
          { position: 1, choice: "dissatisfied", count: 4 },
          { position: 2, choice: "unknown", count: 9 },
          { position: 3, choice: "basically_satisfied", count: 2 },
        ],
      },
    }),
  );
});
afterAll(() => t.cleanup());

interface Row {
  key: number | null;
  online: number;
  paper: number;
  answered: number;
  pleased: number;
  unknown: number;
}

/** Online answers and paper counts per question, one list, grouped by `groupBy`. */
function independent(groupBy: "question" | "aspect" | "survey"): Row[] {
  const key = { question: "q.position", aspect: "coalesce(q.aspect_id, p.aspect_id)", survey: "q.survey_id" }[groupBy];
  return t.sqlite
    .prepare(
      `with given as (
         select a.question_id, a.choice, 'online' as source, 1 as n from survey_answers a
         union all
         select c.question_id, c.choice, 'paper', c.count from survey_paper_counts c
       )
       select ${key} as key,
              coalesce(sum(case when g.source = 'online' then g.n end), 0) as online,
              coalesce(sum(case when g.source = 'paper' then g.n end), 0) as paper,
              coalesce(sum(g.n), 0) as answered,
              coalesce(sum(case when g.choice in ('satisfied', 'basically_satisfied') then g.n end), 0) as pleased,
              coalesce(sum(case when g.choice = 'unknown' then g.n end), 0) as unknown
       from survey_questions q
       left join problems p on p.id = q.problem_id
       left join given g on g.question_id = q.id
       where q.survey_id = ?
       group by ${key}
       order by min(q.position)`,
    )
    .all(surveyId) as Row[];
}
const rateOf = (r: Row) => (r.answered - r.unknown > 0 ? r.pleased / (r.answered - r.unknown) : null);

describe("满意度测评的数字与数据表一致", () => {
  it("题数与数据:两批纸质问卷、网上答卷都在", () => {
    expect(t.one<number>("select count(*) from survey_paper_batches where survey_id = ?", surveyId)).toBe(2);
    expect(t.one<number>("select count(*) from survey_responses where survey_id = ?", surveyId)).toBe(36);
  });

  it("每题:网上、纸质、合计作答人数与满意率", () => {
    const expected = independent("question");
    const shown = surveyResults(t.db, { surveyId }).map((q) => overall([q]));
    expect(shown.map((r) => [r.online, r.paper, r.answered, r.unknown])).toEqual(expected.map((r) => [r.online, r.paper, r.answered, r.unknown]));
    expect(shown.map((r) => r.rate)).toEqual(expected.map(rateOf));
    expect(expected.every((r) => r.online > 0 && r.paper > 0)).toBe(true);
  });

  it("按方面:网上、纸质、合计与满意率", () => {
    const expected = independent("aspect");
    const shown = byAspect(surveyResults(t.db, { surveyId }));
    expect(shown.map((r) => [r.aspectId, r.result.online, r.result.paper, r.result.answered, r.result.rate])).toEqual(
      expected.map((r) => [r.key, r.online, r.paper, r.answered, rateOf(r)]),
    );
  });

  it("总体、驾驶舱与通报:收回份数含空白的纸质问卷,满意率按合计", () => {
    const [expected] = independent("survey");
    const online = t.one<number>("select count(*) from survey_responses where survey_id = ?", surveyId);
    const paper = t.one<number>("select sum(forms) from survey_paper_batches where survey_id = ?", surveyId);
    expect(paper).toBe(33);
    expect(collectedForms(t.db, { surveyId })).toEqual({ online, paper });
    const total = overall(surveyResults(t.db, { surveyId }));
    expect([total.online, total.paper, total.answered, total.rate]).toEqual([expected!.online, expected!.paper, expected!.answered, rateOf(expected!)]);
    expect(surveysOfRounds(t.db, { roundIds: [roundId] })).toMatchObject([{ id: surveyId, responses: online, paperForms: paper }]);
    expect(roundSurveyFigures(t.db, { roundId })).toEqual({ online, paper, rate: rateOf(expected!) });

    const report = buildProgressReport(reportInput(t.db, { roundId, today: TODAY })!);
    const sentence = `开展群众满意度测评,共收回问卷${online + paper}份,其中网上${online}份、纸质${paper}份,满意率${formatRate(rateOf(expected!))}。`;
    expect(report.sections[0]!.blocks.map((b) => b.text)).toContain(sentence);
  });
});
