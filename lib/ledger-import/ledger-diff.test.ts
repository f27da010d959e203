import { describe, expect, it } from "vitest";
import { writeLedgerWorkbook } from "@/lib/ledger-export";
import { diffCounts, diffLedger, type LedgerDiff } from "./ledger-diff";
import { parseLedgerSheet } from "./parse-plan";
import { readLedgerFile } from "./read-file";
import { LEDGER_COLUMNS, type ImportedProblem, type LedgerColumn, type RawSheet } from "./types";

// Re-import as an update: an untouched export must diff to nothing, and an edited one to
// exactly the cells the office edited. Phrases from reference/report-baoan-2021.txt.
const FEEDBACK_DATE = "2021-01-28";
const ALL_COLUMNS = new Set<LedgerColumn>(LEDGER_COLUMNS);
const A1 = "贯彻习近平新时代中国特色社会主义思想学用结合不够";
const A2 = "管党治党政治责任尚未压紧压实";

// 序号, 方面, 问题, 整改措施, 牵头领导, 牵头单位, 责任单位, 完成时限, 整改状态, 整改情况
const ROWS: string[][] = [
  ["1", A1, "关于理论学习结合实际不够紧密的问题", "科学确定学习主题", "区委副书记", "区委宣传部", "区委办、区府办", "2021年12月底", "已完成", "专题学习党史8次"],
  ["1", "", "", "加强调研课题管理", "", "", "区委办;区委宣传部", "2021年12月底,并长期坚持", "基本完成", ""],
  ["1", "", "", "推动理论学习常态化", "", "区科技创新局", "", "立行立改", "未完成", ""],
  ["2", A1, "关于推动经济高质量发展仍有不足的问题", "提升研发投入强度", "常务副区长", "区发展和改革局", "各街道", "按序时进度推进", "未完成", ""],
  ["2", "", "", "优化提升营商环境", "", "", "", "长期坚持", "", ""],
  ["3", A2, "关于违反中央八项规定精神问题屡禁不绝的问题", "深入纠治“四风”问题", "区纪委书记", "区纪委监委", "", "2019年底至2020年上半年", "未完成", ""],
  ["4", A2, "关于选人用人工作把关不够严的问题", "", "区委组织部部长", "", "", "", "", ""],
];

const sheetOf = (rows: string[][], header: readonly string[] = LEDGER_COLUMNS): RawSheet => ({
  header: [...header],
  headerLine: 2,
  rows: rows.map((cells, index) => ({ line: index + 3, cells })),
});
const parse = (rows: string[][], header?: readonly string[]) => {
  const plan = parseLedgerSheet(sheetOf(rows, header), { feedbackDate: FEEDBACK_DATE });
  expect(plan.errors).toEqual([]);
  return plan.problems;
};
const diff = (current: ImportedProblem[], file: ImportedProblem[], columns: ReadonlySet<LedgerColumn> = ALL_COLUMNS) =>
  diffLedger(current, file, { feedbackDate: FEEDBACK_DATE, columns });

/** The round as ledgerAsPlan gives it: no line numbers, problem lead unit from its first measure. */
const asRound = (problems: ImportedProblem[]): ImportedProblem[] =>
  problems.map((p) => ({ ...p, leadUnit: p.measures[0]?.leadUnit ?? null, measures: p.measures.map((m) => ({ ...m, line: 0 })) }));

const EMPTY: LedgerDiff = {
  addedProblems: [],
  addedMeasures: [],
  changedProblems: [],
  changedMeasures: [],
  statusChanges: [],
  missingProblems: [],
  missingMeasures: [],
  conflicts: [],
};

/** ROWS with some cells replaced: [row index, column, new text]. */
function edited(...edits: [number, LedgerColumn, string][]): string[][] {
  const rows = ROWS.map((r) => [...r]);
  for (const [row, column, text] of edits) rows[row]![LEDGER_COLUMNS.indexOf(column)] = text;
  return rows;
}

describe("diffLedger", () => {
  const round = asRound(parse(ROWS));

  it("finds nothing in an untouched export of the round (xlsx written and read back)", async () => {
    const file = await writeLedgerWorkbook({ title: "宝安区", date: "2021-11-22", problems: round, aspectOrder: [A1, A2] });
    const plan = parseLedgerSheet(await readLedgerFile(file, "台账.xlsx"), { feedbackDate: FEEDBACK_DATE });
    expect(plan.errors).toEqual([]);
    expect(diff(round, plan.problems)).toEqual(EMPTY);
  });

  it("finds nothing when a round's data differs only in ways the export does not show", () => {
    const quirky = asRound(parse(ROWS));
    const [first, second] = quirky[0]!.measures;
    // Co-units in another order, the lead unit also listed as co-unit, a later measure
    // without its own lead unit (the export fills it from the first row), a date the
    // office's wording does not state exactly: none of it shows in the exported cells.
    first!.coUnits = ["区府办", "区委宣传部", "区委办"];
    second!.leadUnit = null;
    second!.deadline = "2021-12-30";
    expect(diff(quirky, parse(ROWS))).toEqual(EMPTY);
  });

  it("finds exactly 3 status changes and 1 deadline change", () => {
    const file = parse(
      edited([0, "整改状态", "基本完成"], [2, "整改状态", "已完成"], [3, "整改状态", "基本完成"], [5, "完成时限", "2022年6月30日"]),
    );
    const result = diff(round, file);
    expect(result.statusChanges.map(({ problemNumber, position, from, to, line }) => ({ problemNumber, position, from, to, line }))).toEqual([
      { problemNumber: 1, position: 1, from: "completed", to: "basically_completed", line: 3 },
      { problemNumber: 1, position: 3, from: "incomplete", to: "completed", line: 5 },
      { problemNumber: 2, position: 1, from: "incomplete", to: "basically_completed", line: 6 },
    ]);
    expect(result.changedMeasures).toHaveLength(1);
    expect(result.changedMeasures[0]).toMatchObject({
      problemNumber: 3,
      position: 1,
      changes: [{ field: "deadline", before: "2019年底至2020年上半年", after: "2022年6月30日" }],
      next: { deadline: "2022-06-30", deadlineKind: "date" },
    });
    expect(diffCounts(result)).toEqual({ added: 0, changed: 1, statusChanges: 3, missing: 0 });
  });

  const cases: { name: string; rows: string[][]; expected: Partial<LedgerDiff>; counts: ReturnType<typeof diffCounts> }[] = [
    {
      name: "a new problem and a new measure under an existing one",
      rows: [
        ...ROWS.slice(0, 5),
        ["2", "", "", "全面提升产业园区品质", "", "区工业和信息化局", "", "2022年上半年", "", ""],
        ...ROWS.slice(5),
        ["9", "落实巡视整改责任不够到位", "关于审计发现的部分问题未整改到位的问题", "推动上级审计发现问题加快整改", "区长", "区审计局", "", "2022年3月底", "未完成", ""],
      ],
      expected: {
        addedMeasures: [{ problemNumber: 2, position: 3, measure: expect.objectContaining({ text: "全面提升产业园区品质", leadUnit: "区工业和信息化局", deadline: "2022-06-30" }) }],
        addedProblems: [expect.objectContaining({ number: 9, title: "关于审计发现的部分问题未整改到位的问题", measures: [expect.objectContaining({ line: 11 })] })],
      },
      counts: { added: 2, changed: 0, statusChanges: 0, missing: 0 },
    },
    {
      name: "rows missing from the file, flagged",
      rows: [...ROWS.slice(0, 4), ...ROWS.slice(5, 6)],
      expected: {
        missingMeasures: [{ problemNumber: 2, position: 2, text: "优化提升营商环境" }],
        missingProblems: [{ number: 4, title: "关于选人用人工作把关不够严的问题", measures: 1 }],
      },
      counts: { added: 0, changed: 0, statusChanges: 0, missing: 2 },
    },
    {
      name: "changed text, lead unit and co-units",
      rows: edited([1, "整改措施", "加强调研课题管理,形成转化成果"], [2, "牵头单位", "区委宣传部"], [3, "责任单位", "各街道、区财政局"]),
      expected: {
        changedMeasures: [
          expect.objectContaining({ problemNumber: 1, position: 2, changes: [{ field: "text", before: "加强调研课题管理", after: "加强调研课题管理,形成转化成果" }] }),
          expect.objectContaining({ problemNumber: 1, position: 3, changes: [{ field: "leadUnit", before: "区科技创新局", after: "区委宣传部" }] }),
          expect.objectContaining({ problemNumber: 2, position: 1, changes: [{ field: "coUnits", before: "各街道", after: "区财政局、各街道" }] }),
        ],
      },
      counts: { added: 0, changed: 3, statusChanges: 0, missing: 0 },
    },
    {
      name: "problem title, aspect and lead leader",
      rows: edited([3, "问题", "关于经济高质量发展不足的问题"], [3, "方面", A2], [3, "牵头领导", "区长"]),
      expected: {
        changedProblems: [
          {
            number: 2,
            line: 6,
            title: "关于推动经济高质量发展仍有不足的问题",
            changes: [
              { field: "title", before: "关于推动经济高质量发展仍有不足的问题", after: "关于经济高质量发展不足的问题" },
              { field: "aspect", before: A1, after: A2 },
              { field: "leadLeader", before: "常务副区长", after: "区长" },
            ],
            next: { title: "关于经济高质量发展不足的问题", aspect: A2, leadLeader: "区长" },
          },
        ],
      },
      counts: { added: 0, changed: 1, statusChanges: 0, missing: 0 },
    },
    {
      name: "the same deadline in other words, co-units reordered, extra spaces: no change",
      rows: edited([0, "完成时限", "2021年12月31日"], [0, "责任单位", "区府办,区委办"], [3, "整改措施", "  提升研发投入强度 "]),
      expected: {},
      counts: { added: 0, changed: 0, statusChanges: 0, missing: 0 },
    },
    {
      name: "an emptied deadline and co-units are changes (the export writes them)",
      rows: edited([0, "完成时限", ""], [0, "责任单位", ""]),
      expected: {
        changedMeasures: [
          expect.objectContaining({
            problemNumber: 1,
            position: 1,
            changes: [
              { field: "coUnits", before: "区委办、区府办", after: "" },
              { field: "deadline", before: "2021年12月底", after: "" },
            ],
          }),
        ],
      },
      counts: { added: 0, changed: 1, statusChanges: 0, missing: 0 },
    },
    {
      name: "a blank status is 未完成, as the template says",
      rows: edited([0, "整改状态", ""]),
      expected: { statusChanges: [expect.objectContaining({ problemNumber: 1, position: 1, from: "completed", to: "incomplete" })] },
      counts: { added: 0, changed: 0, statusChanges: 1, missing: 0 },
    },
    {
      name: "a deleted middle row shifts the rest: a conflict, not a rewrite",
      rows: [...ROWS.slice(0, 1), ...ROWS.slice(2)],
      expected: {
        conflicts: [expect.objectContaining({ line: 4, column: "整改措施", message: expect.stringMatching(/^第 4 行“整改措施”:这是第 1 号问题的第 2 项措施,内容却与本轮次该问题的第 3 项相同/) })],
        changedMeasures: [expect.objectContaining({ problemNumber: 1, position: 2 })],
        statusChanges: [expect.objectContaining({ problemNumber: 1, position: 2 })],
        missingMeasures: [{ problemNumber: 1, position: 3, text: "推动理论学习常态化" }],
      },
      counts: { added: 0, changed: 1, statusChanges: 1, missing: 1 },
    },
  ];

  it.each(cases)("$name", ({ rows, expected, counts }) => {
    const result = diff(round, parse(rows));
    expect(result).toEqual({ ...EMPTY, ...expected });
    expect(diffCounts(result)).toEqual(counts);
  });

  it("compares only the columns the file has", () => {
    const columns: LedgerColumn[] = ["序号", "问题", "整改措施", "整改状态"];
    const narrow = ROWS.map((row) => columns.map((column) => row[LEDGER_COLUMNS.indexOf(column)]!));
    narrow[0]![3] = "未完成";
    const result = diff(round, parse(narrow, columns), new Set(columns));
    // No 牵头单位, 责任单位, 完成时限, 方面 or 牵头领导 column: those are left alone, not emptied.
    expect(result).toEqual({ ...EMPTY, statusChanges: [expect.objectContaining({ problemNumber: 1, position: 1, to: "incomplete" })] });
  });
});
