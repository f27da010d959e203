import type { DeadlineKind, MeasureCategory } from "./domain";

// Reads the 完成时限 column as offices write it ("2021年12月底,并长期坚持", "按序时进度推进",
// "立行立改") into a date and a kind (DOMAIN.md §6). The office's words are the commitment,
// so the text is always kept; what is not understood is flagged for a person, never guessed.

export interface ParsedDeadline {
  /** ISO "YYYY-MM-DD", or null when the text names no single date. */
  deadline: string | null;
  kind: DeadlineKind;
  /** "immediate" for 立行立改, "long_term" for a bare 长期坚持; null = caller keeps its default. */
  category: MeasureCategory | null;
  /** The input, trimmed, otherwise verbatim. */
  text: string;
  /** false = not understood: deadline is null and the text should be shown to a person. */
  recognized: boolean;
}

/** 立行立改 has no written date; offices expect it done within a month of the feedback. */
export const IMMEDIATE_DAYS = 30;

// After NFKC, full-width ，；and spaces are ASCII; 、 and 。 are not folded, so list them.
const SEP = "[\\s,;、。]";
const SCHEDULED = /^按(?:序时进度|序时|时序|计划)推进$/;
const IMMEDIATE = new RegExp(`^立行立改${SEP}*`);
// "并长期坚持" and the other ways offices say it (并持续跟踪, 持续推进, 常态化开展 …), after a
// date or alone: the item is re-checked after the date.
const ONGOING = new RegExp(`${SEP}*并?(?:长期坚持|长期推进|(?:持续|常态化)(?:推进|跟踪|跟进|开展|落实|抓好落实|深化))$`);
// "2021年12月底前", "2021年12月底前完成" mean the same date as "2021年12月底".
const BEFORE = /前?(?:完成)?$/;

/** The last month of quarter "一".."四" or "1".."4". */
function quarterEnd(quarter: string): number {
  return ("一二三四".indexOf(quarter) + 1 || Number(quarter)) * 3;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; Date handles leap years.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date, or null when the month or day does not exist (2021年13月, 2021年2月30日). */
function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The month's last day, or null for a month that does not exist (isoDate rejects it). */
function monthEnd(year: number, month: number): string | null {
  return isoDate(year, month, daysInMonth(year, month));
}

// Each form a date part may take, checked whole (anchored), so "2022年前" or
// "2019年底至2020年上半年" match none and stay unrecognized rather than half-read.
const DATE_FORMS: [RegExp, (year: number, a: string, b: string) => string | null][] = [
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, (y, m, d) => isoDate(y, +m, +d)],
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (y, m, d) => isoDate(y, +m, +d)],
  // A bare month ("2021年12月") is read as its end: a deadline month means "by the end of".
  [/^(\d{4})年(\d{1,2})月(?:底|末)?$/, (y, m) => monthEnd(y, +m)],
  // 上旬 and 中旬 end on the 10th and 20th; 下旬 ends with the month.
  [
    /^(\d{4})年(\d{1,2})月([上中下])旬$/,
    (y, m, part) => (part === "下" ? monthEnd(y, +m) : isoDate(y, +m, part === "上" ? 10 : 20)),
  ],
  [/^(\d{4})年年?(?:底|末)$/, (y) => isoDate(y, 12, 31)],
  [/^(\d{4})年([上下])半年(?:底|末)?$/, (y, half) => monthEnd(y, half === "上" ? 6 : 12)],
  [/^(\d{4})年第?([一二三四1-4])季度(?:底|末)?$/, (y, q) => monthEnd(y, quarterEnd(q))],
  [/^(\d{4})年?Q([1-4])$/i, (y, q) => monthEnd(y, quarterEnd(q))],
];

function dateOf(part: string): string | null {
  for (const [form, read] of DATE_FORMS) {
    const match = form.exec(part);
    if (match) return read(Number(match[1]), match[2] ?? "", match[3] ?? "");
  }
  return null;
}

function addDays(isoDay: string | null | undefined, days: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay ?? "");
  const [y, m, d] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (!match || !isoDate(y, m, d)) return null;
  // UTC arithmetic: a local-time Date could shift a day across a DST change.
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Parses one 完成时限 cell. An empty cell is recognized with a null deadline: a measure
 * without a deadline is not a misreading. 立行立改 is due `feedbackDate` + 30 days (null if
 * the feedback date is unknown); a date written next to it wins.
 */
export function parseDeadline(
  input: string,
  options: { feedbackDate?: string | null } = {},
): ParsedDeadline {
  const text = input.trim();
  const result = (deadline: string | null, kind: DeadlineKind, category: MeasureCategory | null) => ({
    deadline,
    kind,
    category,
    text,
    recognized: true,
  });
  const unknown: ParsedDeadline = { ...result(null, "date", null), recognized: false };
  if (text === "") return result(null, "date", null);

  // NFKC folds full-width digits, letters and punctuation (２０２１年，Ｑ１) to ASCII.
  let rest = text.normalize("NFKC");
  if (SCHEDULED.test(rest)) return result(null, "scheduled", null);

  const immediate = IMMEDIATE.test(rest);
  rest = rest.replace(IMMEDIATE, "");
  const ongoing = ONGOING.test(rest);
  rest = rest.replace(ONGOING, "").replace(/\s+/g, "").replace(BEFORE, "");

  if (rest !== "") {
    const deadline = dateOf(rest);
    if (!deadline) return unknown;
    return result(deadline, ongoing ? "ongoing" : "date", immediate ? "immediate" : null);
  }
  if (immediate) {
    return result(addDays(options.feedbackDate, IMMEDIATE_DAYS), ongoing ? "ongoing" : "date", "immediate");
  }
  if (ongoing) return result(null, "ongoing", "long_term");
  return unknown; // only "前" or "完成" was written
}
