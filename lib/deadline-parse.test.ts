import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline-parse";
import type { DeadlineKind, MeasureCategory } from "./domain";

// Phrases are verbatim from ../shared/reference/*.txt (宝安 2021, 斗门 2021, 罗湖 2019) and from
// the 宝安 ledger in db/seed where they fit; the rest are the variants offices also write.

// 宝安: "2021年1月28日,省委巡视组向宝安区委反馈了巡视情况" — 立行立改 is due 30 days later.
const FEEDBACK = "2021-01-28";

type Row = [text: string, deadline: string | null, kind: DeadlineKind, category: MeasureCategory | null];

describe("parseDeadline: recognized forms", () => {
  const cases: Row[] = [
    // 月底 and the end of the month, leap years included
    ["2021年12月底", "2021-12-31", "date", null],
    ["2021年2月底", "2021-02-28", "date", null],
    ["2024年2月底", "2024-02-29", "date", null],
    ["2019年10月底", "2019-10-31", "date", null],
    ["2019年7月底", "2019-07-31", "date", null],
    ["2021年8月底", "2021-08-31", "date", null],
    ["2020年9月底", "2020-09-30", "date", null],
    ["2024年12月底", "2024-12-31", "date", null],
    ["2021年12月底前", "2021-12-31", "date", null],
    ["2021年6月末", "2021-06-30", "date", null],
    // a bare month is read as its end
    ["2019年10月", "2019-10-31", "date", null],
    ["2020年12月", "2020-12-31", "date", null],
    ["2025年11月", "2025-11-30", "date", null],
    // a day
    ["2019年6月30日", "2019-06-30", "date", null],
    ["2019年9月26日", "2019-09-26", "date", null],
    ["2021年6月30日前", "2021-06-30", "date", null],
    ["2020年2月29日", "2020-02-29", "date", null],
    // 旬
    ["2020年9月中旬", "2020-09-20", "date", null],
    ["2021年12月上旬", "2021-12-10", "date", null],
    ["2021年2月下旬", "2021-02-28", "date", null],
    // 年底
    ["2020年底", "2020-12-31", "date", null],
    ["2024年底", "2024-12-31", "date", null],
    ["2019年年底", "2019-12-31", "date", null],
    ["2019年年底前", "2019-12-31", "date", null],
    ["2019年底前完成", "2019-12-31", "date", null],
    // 半年 and 季度
    ["2020年上半年", "2020-06-30", "date", null],
    ["2022年上半年", "2022-06-30", "date", null],
    ["2019年下半年", "2019-12-31", "date", null],
    ["2022年第一季度", "2022-03-31", "date", null],
    ["2022年二季度", "2022-06-30", "date", null],
    ["2022年第三季度末", "2022-09-30", "date", null],
    ["2022年Q4", "2022-12-31", "date", null],
    ["2022年q1", "2022-03-31", "date", null],
    // numeric dates
    ["2019-12-25", "2019-12-25", "date", null],
    ["2022-6-30", "2022-06-30", "date", null],
    ["2022/6/30", "2022-06-30", "date", null],
    ["2022.6.30", "2022-06-30", "date", null],
    // full-width digits, letters and punctuation
    ["２０２１年１２月底", "2021-12-31", "date", null],
    ["２０２２年Ｑ２", "2022-06-30", "date", null],
    ["2021 年 12 月底", "2021-12-31", "date", null],
    // a date, then 长期坚持 (re-checked after the date)
    ["2021年12月底,并长期坚持", "2021-12-31", "ongoing", null],
    ["2021年3月底,并长期坚持", "2021-03-31", "ongoing", null],
    ["2021年6月底,并长期坚持", "2021-06-30", "ongoing", null],
    ["2021年12月底，并长期坚持", "2021-12-31", "ongoing", null],
    ["2021年12月底;长期坚持", "2021-12-31", "ongoing", null],
    ["2021年12月底；长期坚持", "2021-12-31", "ongoing", null],
    ["2021年12月底、长期坚持", "2021-12-31", "ongoing", null],
    ["2021年12月底 长期坚持", "2021-12-31", "ongoing", null],
    ["2021年12月底前并长期坚持", "2021-12-31", "ongoing", null],
    ["2021年12月底长期坚持", "2021-12-31", "ongoing", null],
    ["2021年12月底,持续推进", "2021-12-31", "ongoing", null],
    ["2022年上半年,常态化推进", "2022-06-30", "ongoing", null],
    // the walk's ledgers (issue 12): the same commitment in other words
    ["2021年12月底,并持续跟踪", "2021-12-31", "ongoing", null],
    ["2021年12月底，并持续推进", "2021-12-31", "ongoing", null],
    ["2022年6月底前完成并持续跟进", "2022-06-30", "ongoing", null],
    ["2021年12月底,常态化开展", "2021-12-31", "ongoing", null],
    ["2022年3月底,持续抓好落实", "2022-03-31", "ongoing", null],
    ["2021年底,并长期推进", "2021-12-31", "ongoing", null],
    ["２０２１年１２月底，并长期坚持", "2021-12-31", "ongoing", null],
    // no single date
    ["长期坚持", null, "ongoing", "long_term"],
    ["持续推进", null, "ongoing", "long_term"],
    ["持续跟踪", null, "ongoing", "long_term"],
    ["按序时进度推进", null, "scheduled", null],
    ["按时序推进", null, "scheduled", null],
    ["按序时推进", null, "scheduled", null],
    ["按计划推进", null, "scheduled", null],
    // 立行立改: feedback + 30 days unless a date is written
    ["立行立改", "2021-02-27", "date", "immediate"],
    ["立行立改,2021年3月底前", "2021-03-31", "date", "immediate"],
    ["立行立改，2021年3月底", "2021-03-31", "date", "immediate"],
    ["立行立改并长期坚持", "2021-02-27", "ongoing", "immediate"],
    ["立行立改,并长期坚持", "2021-02-27", "ongoing", "immediate"],
    ["立行立改,2021年6月底,并长期坚持", "2021-06-30", "ongoing", "immediate"],
  ];
  it.each(cases)("%s → %s %s %s", (text, deadline, kind, category) => {
    expect(parseDeadline(text, { feedbackDate: FEEDBACK })).toEqual({
      deadline,
      kind,
      category,
      text,
      recognized: true,
    });
  });
});

describe("parseDeadline: not understood, kept verbatim and flagged", () => {
  const cases: string[] = [
    // dates that do not exist
    "2021年13月底",
    "2021年0月底",
    "2021年2月30日",
    "2023年2月29日",
    "2022/6/31",
    "2021年13月底,并长期坚持",
    // real phrases whose date is ambiguous or a range (罗湖 2019, 宝安 2021)
    "2022年前", // before 2022, or by the end of 2022?
    "2020年前",
    "年底前", // which year?
    "9月中旬",
    "2019年底至2020年上半年",
    "2019年1-5月",
    "2021年秋季",
    "2021年",
    // not a deadline at all
    "待定",
    "视情况而定",
    "前",
    "按序时进度推进,并长期坚持",
  ];
  it.each(cases)("%s", (text) => {
    expect(parseDeadline(text, { feedbackDate: FEEDBACK })).toEqual({
      deadline: null,
      kind: "date",
      category: null,
      text,
      recognized: false,
    });
  });
});

describe("parseDeadline: edges", () => {
  it("treats an empty cell as an absent deadline, not an error", () => {
    for (const text of ["", "   ", "\u3000"]) {
      expect(parseDeadline(text)).toEqual({
        deadline: null,
        kind: "date",
        category: null,
        text: "",
        recognized: true,
      });
    }
  });

  it("keeps the text trimmed but otherwise verbatim, full-width and all", () => {
    expect(parseDeadline("  ２０２１年１２月底，并长期坚持 ").text).toBe("２０２１年１２月底，并长期坚持");
    expect(parseDeadline(" 待定 ").text).toBe("待定");
  });

  const immediate: [feedbackDate: string | null | undefined, deadline: string | null][] = [
    ["2020-09-18", "2020-10-18"], // 斗门
    ["2019-08-08", "2019-09-07"], // 罗湖
    ["2021-12-15", "2022-01-14"], // across a year
    ["2024-02-01", "2024-03-02"], // across a leap February
    [null, null],
    [undefined, null],
    ["2021-02-30", null],
    ["2021年1月28日", null],
  ];
  it.each(immediate)("立行立改 after feedback on %s is due %s", (feedbackDate, deadline) => {
    expect(parseDeadline("立行立改", { feedbackDate })).toEqual({
      deadline,
      kind: "date",
      category: "immediate",
      text: "立行立改",
      recognized: true,
    });
  });

  it("ignores the feedback date when a date is written", () => {
    expect(parseDeadline("2021年12月底", { feedbackDate: FEEDBACK }).deadline).toBe("2021-12-31");
    expect(parseDeadline("立行立改,2021年3月底前").deadline).toBe("2021-03-31");
  });
});
