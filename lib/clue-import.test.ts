import { describe, expect, it } from "vitest";
import { CLUE_COLUMNS, normalizeDay, parseClueSheet } from "./clue-import";

const sheet = (...rows: string[][]) => ({ header: [...CLUE_COLUMNS], headerLine: 1, rows: rows.map((cells, i) => ({ line: i + 2, cells })) });
const context = { units: new Map([["区教育局", 7]]), taken: new Set(["巡察移交线索第1号"]) };

describe("parseClueSheet", () => {
  it("reads the words the template offers into the form's fields", () => {
    const plan = parseClueSheet(
      sheet(
        ["问题线索", "巡察移交线索第2号", "反映某局违规公款吃喝问题", "纪委监委", "2026/3/5", "6个月", ""],
        ["信访件", "巡察移交信访件第1号", "群众反映路灯不亮", "区教育局", "2026年4月1日", "指定日期", "2026-06-30"],
        ["", "", "", "", "", "", ""],
      ),
      context,
    );
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((r) => ({ line: r.line, ...r.fields }))).toEqual([
      { line: 2, kind: "clue", number: "巡察移交线索第2号", title: "反映某局违规公款吃喝问题", handler: "commission", handlerUnitId: null, receivedDate: "2026-03-05", timeLimit: "6", dueDate: null },
      { line: 3, kind: "petition", number: "巡察移交信访件第1号", title: "群众反映路灯不亮", handler: "unit", handlerUnitId: 7, receivedDate: "2026-04-01", timeLimit: "date", dueDate: "2026-06-30" },
    ]);
  });

  it("names each mistake by its row and column, and takes no row with one", () => {
    const plan = parseClueSheet(
      sheet(
        ["举报", "X-1", "标题", "纪委监委", "2026-03-05", "6个月", ""],
        ["问题线索", "巡察移交线索第1号", "标题", "组织部", "2026-03-05", "3个月", ""],
        ["问题线索", "X-2", "标题", "不存在的局", "2026-03-05", "3个月", ""],
        ["问题线索", "X-3", "标题", "组织部", "2026-02-30", "两年", ""],
        ["问题线索", "X-4", "标题", "组织部", "2026-03-05", "3个月", ""],
        ["问题线索", "X-4", "标题", "组织部", "2026-03-05", "3个月", ""],
      ),
      context,
    );
    expect(plan.issues).toEqual([
      { line: 2, column: "类别", message: "请选择类别(问题线索或信访件)" },
      { line: 3, column: "编号", message: "本轮次已登记编号“巡察移交线索第1号”" },
      { line: 4, column: "承办单位", message: "系统中没有名为“不存在的局”的单位;承办单位应为纪委监委、组织部或已有单位的名称" },
      { line: 5, column: "接收日期", message: "接收日期不是有效日期" },
      { line: 5, column: "办理时限", message: "请选择办理时限(3个月、6个月、12个月或指定日期)" },
      { line: 7, column: "编号", message: "编号“X-4”与第 6 行重复" },
    ]);
    expect(plan.rows.map((r) => r.line)).toEqual([6]);
  });

  it("says so when the file has no rows", () => {
    expect(parseClueSheet(sheet(), context).issues).toEqual([{ line: 1, column: null, message: "文件中没有可导入的行" }]);
  });
});

describe("normalizeDay", () => {
  it.each([
    ["2026/3/5", "2026-03-05"],
    ["2026.03.05", "2026-03-05"],
    ["2026年3月5日", "2026-03-05"],
    ["明天", "明天"],
  ])("%s → %s", (text, day) => expect(normalizeDay(text)).toBe(day));
});
