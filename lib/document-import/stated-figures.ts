import { chineseNumber, looksLikeProblemTitle, readMarker, splitHeading } from "./outline";

// A published progress report (整改进展情况通报) states its own totals: "反馈的40个问题,目前
// 已完成32个、基本完成7个、未完成1个", "制定整改措施145条". The importer checks its parse
// against them. The same report is full of other counts (信访件, 处分N人, 审计发现的N个问题,
// 举一反三排查问题N个, 已完成N条措施), so a figure is read only where the wording ties it
// to the round's feedback problems or to its measures; anything doubtful stays null.

export interface StatedFigures {
  problems: number | null; // 反馈问题总数
  completed: number | null; // 已完成
  basicallyCompleted: number | null; // 基本完成
  incomplete: number | null; // 未完成 (正在整改 / 尚未完成 / 持续整改 count here)
  measures: number | null; // 整改措施 / 整改任务 count (制定整改措施145条)
  /** The sentences (trimmed, at most ~120 chars each) the figures were read from, for the preview. */
  sources: string[];
}

type StatusField = "completed" | "basicallyCompleted" | "incomplete";

const N = "(?<![\\d.])(\\d+|[零〇一二两三四五六七八九十百千]+)";
// A count directly after a status word means "已完成32个"; "40个问题已完成" must not also
// read 40 as completed when "32个" follows.
const NO_COUNT_AFTER = "(?!(?:整改)?的?(?:\\d|[零〇一二两三四五六七八九十百千]))";

// The round's total: what the inspection team fed back. "5个方面问题" counts aspects only,
// and 共性问题 (a subset) is kept out by not allowing a word between 个 and 问题.
const TOTALS: RegExp[] = [
  new RegExp(`(?:反馈|指出)(?:了|的|意见中的?|意见指出的?)?共?(?:${N}个方面的?)?${N}[个项](?:具体)?问题`, "g"),
  new RegExp(`(?:反馈|指出)的?问题(?:共|合计|总计)?${N}[个项]`, "g"),
  new RegExp(`${N}个方面的?${N}[个项](?:具体)?问题`, "g"),
];
const FEEDBACK_MENTION = /(反馈|指出)[^,，。;；]{0,12}问题/;
// The total said again without 反馈: "24个具体问题中已完成20个" after "反馈的24个具体问题".
const RESTATED = new RegExp(`${N}[个项](?:具体)?问题`, "g");

// Inside the problem list only a sentence about the round's whole feedback counts: "省委巡视
// 反馈的20个问题已完成16个、基本完成3个" — its total tied to the inspection team, with status
// counts of its own. Counts of a self-check, an audit or any other source never do.
const WHOLE_FEEDBACK = /(?:巡视|巡察)[^,，、。;；]{0,6}$/;
const IN_LIST_OTHER = /自查|排查|梳理|审计|督查|督导|检视|专项|举一反三/;

const STATUSES: [RegExp, StatusField][] = [
  [new RegExp(`(?<!基本|未)(?:已经?|均已)(?:整改完成|整改到位|完成整改|整改|完成)${N}[个项]`, "g"), "completed"],
  [new RegExp(`(?<!基本|未)(?:整改完成|完成整改)${N}[个项]`, "g"), "completed"],
  [new RegExp(`基本完成(?:整改)?的?${N}[个项]`, "g"), "basicallyCompleted"],
  [new RegExp(`(?:尚未完成|未完成|正在整改|仍在整改|持续整改|整改中|正在推进)(?:整改)?的?${N}[个项]`, "g"), "incomplete"],
  [new RegExp(`${N}[个项](?:问题)?(?:已经?|均已)(?:整改完成|整改到位|完成整改|完成)${NO_COUNT_AFTER}`, "g"), "completed"],
  [new RegExp(`${N}[个项](?:问题)?已?基本完成${NO_COUNT_AFTER}`, "g"), "basicallyCompleted"],
  [new RegExp(`${N}[个项](?:问题)?(?:尚未完成|未完成|正在整改|仍在整改|持续整改)${NO_COUNT_AFTER}`, "g"), "incomplete"],
];
// "问题已全部整改完成": completed equals the total, when the total is known. Needs 已/均:
// "力争年底前全部整改到位" is a plan, not a figure.
const ALL_DONE = /(?:已经?全部|全部已|均已)(?:整改完成|完成整改|整改到位|整改完毕|完成|办结|销号)/g;

const MEASURES: RegExp[] = [
  new RegExp(`(?:整改措施|整改任务|整改举措)(?:共|合计|总计)?${N}[条项个]`, "g"),
  new RegExp(`${N}[条项个](?:具体)?(?:整改措施|整改任务|整改举措)`, "g"),
];
// "已完成整改措施130条" counts measures done, not measures set.
const COMPLETION_BEFORE = /(完成|落实|办结|已)$/;
const MEASURE_AFTER = /^(具体)?(整改)?(措施|任务|举措)/;

// What a status count is about: the nearest subject written before it.
const SUBJECTS = new RegExp(
  `(?<common>共性问题|个性问题)|(?<measure>措施|任务|举措)|(?<count>${N}[个项][^,，、。;；]{0,6}?问题|问题${N}[个项])|(?<problem>问题)`,
  "g",
);

// Sentences about something else than this round's feedback: earlier rounds, the
// sub-level inspections, audits, one aspect's own figures.
const OTHER_SCOPE =
  /上一?轮|前一轮|上届|上次|历次|以往|往届|被巡察|审计(发现|反馈|指出)|专项督导|检视问题|第[一二三四五六七八九十\d]+个?方面/;

interface Span {
  at: number;
  end: number;
  value: number;
  unit?: string; // the counter word closing the match: 个, 项, 条
}

function spans(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
    // The count is the last number group: "5个方面40个问题" → 40.
    value: chineseNumber(m.slice(1).filter((g): g is string => g !== undefined).at(-1) ?? "") ?? NaN,
    unit: unitOf(m[0], m.slice(1).filter((g): g is string => g !== undefined).at(-1) ?? ""),
  }));
}

/** The counter word right after the count: "整改措施136条" → 条, "已完成32个" → 个. */
function unitOf(match: string, count: string): string | undefined {
  const after = match.lastIndexOf(count);
  return after < 0 ? undefined : match.charAt(after + count.length) || undefined;
}

const overlaps = (a: Span, b: Span) => a.at < b.end && b.at < a.end;

export function readStatedFigures(paragraphs: readonly string[]): StatedFigures {
  const figures: StatedFigures = {
    problems: null, completed: null, basicallyCompleted: null, incomplete: null, measures: null, sources: [],
  };
  let inProblemList = false;
  // True right after a sentence stating the round's figures: "截至目前,已完成32个。" continues it.
  let continues = false;

  for (const raw of paragraphs) {
    const paragraph = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
    // Inside an aspect or a problem the counts are that item's own ("梳理问题546个,制定整改
    // 措施921条" under one problem); overall figures stand before the list or after it, or
    // now and then in a problem's text as a sentence on the whole round (WHOLE_FEEDBACK).
    const marker = readMarker(paragraph);
    if (marker?.kind === "aspect" || marker?.kind === "titleOnly") inProblemList = true;
    else if (marker) {
      const title = splitHeading(marker.rest).title;
      // A chapter (一、) is a problem only when it says so: "二、关于整改工作的情况" is not.
      const isProblem = marker.kind === "chapter" ? /问题$/.test(title) : looksLikeProblemTitle(title);
      if (isProblem) inProblemList = true;
      else if (marker.kind === "chapter") inProblemList = false;
    }

    for (const sentence of paragraph.split(/(?<=[。;；!?！？])/).map((s) => s.trim()).filter(Boolean)) {
      if (OTHER_SCOPE.test(sentence) || (inProblemList && IN_LIST_OTHER.test(sentence))) {
        continues = false;
        continue;
      }
      // Inside the list a sentence is read into a copy, kept only if it states the whole round.
      const before = inProblemList ? { ...figures, sources: [...figures.sources] } : null;
      // Where the first figure of a sentence is, and whether it gave a field its value.
      let firstAt = Infinity;
      let took = false;
      const take = (field: Exclude<keyof StatedFigures, "sources">, span: Span) => {
        firstAt = Math.min(firstAt, span.at);
        if (figures[field] !== null) return;
        figures[field] = span.value;
        took = true;
      };

      const allTotals = TOTALS.flatMap((p) => spans(sentence, p)).sort((a, b) => a.at - b.at);
      // In the list: only "反馈的N个问题" or "巡视(组)反馈N个问题", not "反馈的问题梳理问题12个".
      const totals = inProblemList
        ? allTotals.filter((t) => /^(?:反馈|指出)的/.test(sentence.slice(t.at)) || WHOLE_FEEDBACK.test(sentence.slice(0, t.at)))
        : allTotals;
      if (inProblemList && totals.length === 0) {
        continues = false;
        continue;
      }
      if (totals[0]) take("problems", totals[0]);
      // "24个具体问题中" once the total is known and not stated here again: a restatement.
      const restated = inProblemList || totals.length > 0 || figures.problems === null
        ? []
        : spans(sentence, RESTATED).filter((r) => r.value === figures.problems);

      const statuses: (Span & { field: StatusField })[] = [];
      let readStatus = false;
      if (totals.length > 0 || restated.length > 0 || (continues && !inProblemList) || FEEDBACK_MENTION.test(sentence)) {
        const found = STATUSES.flatMap(([p, field]) => spans(sentence, p).map((s) => ({ ...s, field })));
        const allDone = spans(sentence, ALL_DONE).map((s) => ({ ...s, value: figures.problems ?? NaN, field: "completed" as const }));
        for (const s of [...found, ...allDone].sort((a, b) => a.at - b.at || b.end - a.end)) {
          // "反馈的40个问题已基本完成整改" speaks of the whole, it is no count of its own.
          if (![...statuses, ...totals, ...restated].some((kept) => overlaps(kept, s))) statuses.push(s);
        }
        const subjects = subjectsOf(sentence, [...totals, ...restated, ...statuses]);
        // "制定整改措施136条,目前已完成32个": counted in 条, the measures are not what 32个 counts.
        const setMeasures = MEASURES.flatMap((p) => spans(sentence, p)).filter((m) => m.unit === "条");
        for (const status of statuses) {
          const ownSubjects = status.unit === "个" ? subjects.filter((s) => s.kind !== "measure" || !setMeasures.some((m) => overlaps(m, s))) : subjects;
          // "已全部整改完成" with no total known states no number.
          if (Number.isNaN(status.value) || !aboutProblems(sentence, status, [...totals, ...restated], ownSubjects, figures.problems)) continue;
          take(status.field, status);
          readStatus = true;
        }
      }

      // A measure figure beside a count of other problems belongs to those problems.
      const otherCount = subjectsOf(sentence, [...totals, ...statuses]).some((s) => s.kind === "count" && s.value !== figures.problems);
      const measures = otherCount ? [] : MEASURES.flatMap((p) => spans(sentence, p)).sort((a, b) => a.at - b.at);
      const measure = measures.find((m) => !COMPLETION_BEFORE.test(sentence.slice(Math.max(0, m.at - 3), m.at)));
      if (measure) take("measures", measure);

      if (before && !readStatus) {
        Object.assign(figures, before);
        continues = false;
        continue;
      }
      continues = totals.length > 0 || readStatus;
      // A restatement of figures already read is not a source; the first statement is.
      if (took) figures.sources.push(excerpt(sentence, firstAt));
    }
  }
  return figures;
}

interface Subject extends Span {
  kind: "common" | "measure" | "count" | "problem" | "feedback";
}

/** The nouns a count can be about, leaving out those inside a total or a status phrase. */
function subjectsOf(sentence: string, taken: readonly Span[]): Subject[] {
  const found: Subject[] = [...sentence.matchAll(SUBJECTS)].map((m) => {
    const kind = (Object.keys(m.groups!) as Subject["kind"][]).find((k) => m.groups![k] !== undefined)!;
    const digits = kind === "count" ? m.slice(1).find((g) => g !== undefined && /^[\d零〇一二两三四五六七八九十百千]+$/.test(g)) : undefined;
    return { kind, at: m.index, end: m.index + m[0].length, value: chineseNumber(digits ?? "") ?? NaN };
  });
  return found.filter((s) => !taken.some((t) => overlaps(t, s)));
}

function aboutProblems(
  sentence: string, status: Span, totals: readonly Span[], subjects: readonly Subject[], problems: number | null,
): boolean {
  // "已完成130项整改措施": the noun after the count decides.
  if (MEASURE_AFTER.test(sentence.slice(status.end))) return false;
  const before = [...subjects, ...totals.map((t) => ({ ...t, kind: "feedback" as const }))]
    .filter((s) => s.end <= status.at)
    .sort((a, b) => b.end - a.end)[0];
  if (!before) return true; // continues the previous sentence's figures
  if (before.kind === "feedback" || before.kind === "problem") return true;
  // "25个问题中已完成21个" restates the total; "排查问题56个,已整改50个" counts others.
  return before.kind === "count" && before.value === problems;
}

function excerpt(sentence: string, at: number): string {
  if (sentence.length <= 120) return sentence;
  const start = Math.max(0, Math.min(at - 20, sentence.length - 118));
  return `${start > 0 ? "…" : ""}${sentence.slice(start, start + 118)}${start + 118 < sentence.length ? "…" : ""}`;
}
