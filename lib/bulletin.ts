import { ROUND_KIND_LABELS, STATUS_LABELS, type RoundKind, type Status } from "@/lib/domain";
import { countsSentence, type StatusCounts } from "@/lib/status";
import type { ReportTexts } from "@/lib/validations/report";
import { reportedProgress } from "@/lib/bulletin-progress";
import { clueSentence, type ClueFigures } from "@/lib/clues";
import { evaluationParagraph, type EvaluationSummary } from "@/lib/evaluation";
import { indicatorSentence, type IndicatorFigures } from "@/lib/indicators";
import { surveySentence, type SurveyFigures } from "@/lib/survey";

// The 整改进展情况通报 as a document: sections of headings and paragraphs in the shape the
// published reports in ../shared/reference/ use. Pure, so the web page, the docx, the HTML
// file and the CLI all print the same words; every figure comes from the round's summary.

export interface ReportRound {
  name: string;
  kind: RoundKind;
  inspectingBody: string;
  inspectedBody: string;
  inspectionStart: string | null;
  inspectionEnd: string | null;
  feedbackDate: string | null;
}

export interface ReportFigures {
  problems: StatusCounts;
  measures: StatusCounts;
  aspects: ({ name: string } & StatusCounts)[];
}

export interface ReportProblem {
  id: number;
  number: number;
  title: string;
  status: Status;
  aspectName: string | null;
}

export interface ReportMeasure {
  problemId: number;
  text: string;
  status: Status;
  deadline: string | null;
  deadlineText: string | null;
  /** The latest progress the office may publish (not a pending or returned claim). */
  progress: string | null;
  progressDate: string | null;
  /** The latest next step ("下一步…") the measure's lead unit wrote in a published report. */
  nextStep: string | null;
  nextStepDate: string | null;
  /** 量化指标 with its latest published actual value; absent in versions frozen before indicators. */
  indicator?: IndicatorFigures | null;
}

export interface ReportInstitution {
  title: string;
  documentNumber: string | null;
  issuedDate: string | null;
  unitName: string | null;
}

export interface ReportInput {
  round: ReportRound;
  figures: ReportFigures;
  /** In plan order (aspect, then number). */
  problems: ReportProblem[];
  /** In plan order. */
  measures: ReportMeasure[];
  institutions: ReportInstitution[];
  /** The counts of the 信访件、问题线索 register; absent or empty, the section is left out. */
  clues?: ClueFigures;
  texts: ReportTexts;
  /** The day the report speaks for: "截至…". */
  date: string;
  /** 整改成效评估, when the round has one (absent in versions frozen before evaluations). */
  evaluation?: EvaluationSummary | null;
  /** 群众满意度测评, online and paper (absent in versions frozen before paper batches). */
  survey?: SurveyFigures | null;
}

export type ReportBlock = { kind: "heading"; text: string } | { kind: "paragraph"; text: string; lead?: string };

export interface UnfinishedItem {
  problemId: number;
  number: number;
  title: string;
  status: Exclude<Status, "completed">;
  /** Null when neither the office nor any published progress says anything. */
  explanation: string | null;
  /** True when the office wrote the 有关情况说明 rather than it being taken from progress. */
  explanationEdited: boolean;
  /** Null when neither the office nor the units named one: the office is asked to write it. */
  nextSteps: string | null;
  nextStepsEdited: boolean;
  deadline: string;
}

export interface ReportDocument {
  title: string;
  /** "反馈的N个问题,目前已完成X个、基本完成Y个、未完成Z个" */
  problemsSentence: string;
  measuresSentence: string;
  sections: { heading: string; blocks: ReportBlock[] }[];
  unfinished: UnfinishedItem[];
  signature: { body: string; date: string };
}

// A document imported from a 通报 keeps each item's 下一步措施 as a measure of this form.
const IMPORTED_NEXT_STEP = /^【下一步措施】/u;
const DEFAULT_CLOSING = [
  "下一步,将坚持目标不变、标准不降、力度不减,对需要进一步整改的事项逐项跟踪督办、逐项对账销号;对已完成的整改事项适时开展“回头看”,巩固整改成果,防止问题反弹,以整改实效推动各项工作高质量发展。",
  "欢迎广大干部群众对整改落实情况进行监督。",
];

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 17 → 十七, 23 → 二十三, 105 → 一百零五: the numbering reports use. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += "零";
    zero = false;
    out += DIGITS[d]! + unit;
  });
  return out;
}

/** "2021-01-28" → "2021年1月28日" */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}

/** Paragraphs the office typed: one per non-empty line. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A sentence that ends once: the plan's own text often already ends with "。". */
function sentence(text: string): string {
  const trimmed = text.trim().replace(/[。;;,,、\s]+$/u, "");
  return trimmed ? `${trimmed}。` : "";
}

function openingSentence(round: ReportRound): string {
  const kind = ROUND_KIND_LABELS[round.kind];
  const when =
    round.inspectionStart && round.inspectionEnd
      ? `${chineseDate(round.inspectionStart)}至${chineseDate(round.inspectionEnd)},`
      : round.inspectionStart
        ? `${chineseDate(round.inspectionStart)}起,`
        : "";
  const feedback = round.feedbackDate
    ? `${chineseDate(round.feedbackDate)},${round.inspectingBody}向${round.inspectedBody}反馈了${kind}意见。`
    : "";
  return `${when}${round.inspectingBody}对${round.inspectedBody}进行了${kind}。${feedback}现将整改进展情况通报如下。`;
}

/** The latest deadline among the measures still open: what the public is promised. */
function deadlineOf(measures: readonly ReportMeasure[]): string {
  const open = measures.filter((m) => m.status !== "completed");
  const pool = open.length ? open : measures;
  const dated = pool.filter((m) => m.deadline).sort((a, b) => b.deadline!.localeCompare(a.deadline!));
  const chosen = dated[0] ?? pool.find((m) => m.deadlineText);
  if (!chosen) return "持续推进";
  return chosen.deadlineText?.trim() || chineseDate(chosen.deadline!);
}

/** The most recent published progress among the problem's measures, as the report prints it. */
function latestProgress(measures: readonly ReportMeasure[]): string | null {
  const texts = measures.map((m) => m.text);
  const reported = measures
    .map((m) => ({ date: m.progressDate ?? "", text: reportedProgress(m.progress, texts) }))
    .filter((r) => r.text);
  reported.sort((a, b) => b.date.localeCompare(a.date));
  return reported[0]?.text ?? null;
}

/**
 * The latest next step a unit wrote for the problem's open measures (any measure if none is
 * open), else the one an imported 通报 stated. Never boilerplate: without one the office is
 * asked to write it.
 */
function latestNextStep(measures: readonly ReportMeasure[]): string | null {
  const open = measures.filter((m) => m.status !== "completed");
  const named = (open.length ? open : measures).filter((m) => m.nextStep?.trim());
  named.sort((a, b) => (b.nextStepDate ?? "").localeCompare(a.nextStepDate ?? ""));
  const imported = measures.find((m) => IMPORTED_NEXT_STEP.test(m.text));
  return named[0]?.nextStep?.trim() || imported?.text.replace(IMPORTED_NEXT_STEP, "").trim() || null;
}

/** "整改情况:一是…。…二是…。…": each measure, then what its unit reported beyond it. */
function rectificationText(measures: readonly ReportMeasure[]): string {
  const done = measures.filter((m) => !IMPORTED_NEXT_STEP.test(m.text));
  const texts = done.map((m) => m.text);
  return done
    .map((m, i) => {
      const progress = reportedProgress(m.progress, texts);
      const ordinal = done.length > 1 ? `${chineseNumeral(i + 1)}是` : "";
      const figures = m.indicator ? sentence(indicatorSentence(m.indicator)) : "";
      return `${ordinal}${sentence(m.text)}${progress ? sentence(progress) : ""}${figures}`;
    })
    .join("");
}

export function buildProgressReport(input: ReportInput): ReportDocument {
  const { round, figures, texts } = input;
  const kind = ROUND_KIND_LABELS[round.kind];
  const measuresOf = new Map<number, ReportMeasure[]>();
  for (const m of input.measures) measuresOf.set(m.problemId, [...(measuresOf.get(m.problemId) ?? []), m]);

  const problemsSentence = `反馈的${countsSentence("问题", figures.problems)}`;
  const measuresSentence = `共制定${countsSentence("整改措施", figures.measures, "项")}`;

  const overview: ReportBlock[] = [
    { kind: "paragraph", text: openingSentence(round) },
    ...paragraphs(texts.opening).map((text): ReportBlock => ({ kind: "paragraph", text })),
    { kind: "paragraph", text: `截至${chineseDate(input.date)},${problemsSentence};${measuresSentence}。` },
  ];
  // The evaluation's result joins the overview, so the sections keep their numbers.
  const evaluation = input.evaluation ? evaluationParagraph(input.evaluation, chineseDate) : null;
  if (evaluation) overview.push({ kind: "paragraph", text: evaluation });
  const survey = input.survey ? surveySentence(input.survey) : null;
  if (survey) overview.push({ kind: "paragraph", text: survey });

  // Problems grouped by aspect in plan order; problems without an aspect come last.
  const aspectNames: (string | null)[] = [];
  for (const p of input.problems) if (!aspectNames.includes(p.aspectName)) aspectNames.push(p.aspectName);
  aspectNames.sort((a, b) => Number(a === null) - Number(b === null));
  const byAspect: ReportBlock[] = [];
  aspectNames.forEach((aspect, index) => {
    const counts = figures.aspects.find((a) => a.name === aspect);
    byAspect.push({ kind: "heading", text: aspect ? `第${chineseNumeral(index + 1)}方面问题,${aspect}` : "其他问题" });
    if (counts) {
      byAspect.push({ kind: "paragraph", text: `该方面${countsSentence("问题", counts)}。` });
    }
    for (const problem of input.problems.filter((p) => p.aspectName === aspect)) {
      byAspect.push({ kind: "heading", text: `(${chineseNumeral(problem.number)})${problem.title}(${STATUS_LABELS[problem.status]})` });
      // The status mark ends the title line, as published reports put it; the text under it
      // reads on without marks.
      const text = rectificationText(measuresOf.get(problem.id) ?? []);
      if (text) byAspect.push({ kind: "paragraph", lead: "整改情况:", text });
    }
  });

  // A section with nothing to say is left out, as the published reports do.
  const institutionBlocks: ReportBlock[] = [
    { kind: "paragraph", text: `整改中共制定、完善制度${input.institutions.length}项,以制度管根本、管长远:` },
    ...input.institutions.map((inst, i): ReportBlock => {
      const details = [inst.documentNumber, inst.unitName, inst.issuedDate ? chineseDate(inst.issuedDate) : null].filter(Boolean);
      const title = inst.title.replace(/^《|》$/g, "");
      return { kind: "paragraph", text: `${i + 1}.《${title}》${details.length ? `(${details.join(",")})` : ""}` };
    }),
  ];

  // 未完成 first, then 基本完成, each in number order.
  const rank = { incomplete: 0, basically_completed: 1 } as const;
  const unfinished: UnfinishedItem[] = input.problems
    .filter((p): p is ReportProblem & { status: UnfinishedItem["status"] } => p.status !== "completed")
    .sort((a, b) => rank[a.status] - rank[b.status] || a.number - b.number)
    .map((p) => {
      const draft = texts.problems[String(p.id)];
      const measures = measuresOf.get(p.id) ?? [];
      const explanation = draft?.explanation.trim();
      const nextSteps = draft?.nextSteps.trim();
      return {
        problemId: p.id,
        number: p.number,
        title: p.title,
        status: p.status,
        explanation: explanation || latestProgress(measures),
        explanationEdited: Boolean(explanation),
        nextSteps: nextSteps || latestNextStep(measures),
        nextStepsEdited: Boolean(nextSteps),
        deadline: deadlineOf(measures),
      };
    });
  const unfinishedBlocks: ReportBlock[] = unfinished.length
    ? [
        {
          kind: "paragraph",
          text: `截至${chineseDate(input.date)},尚有未完成问题${figures.problems.incomplete}个、基本完成问题${figures.problems.basicallyCompleted}个需要进一步整改,具体如下:`,
        },
        ...unfinished.flatMap((item): ReportBlock[] => [
          { kind: "heading", text: `(${chineseNumeral(item.number)})${item.title}(${STATUS_LABELS[item.status]})` },
          // A line with nothing to say is left out of the document; the report page lists
          // the items that lack one for the office to complete.
          ...(item.explanation ? [{ kind: "paragraph", lead: "有关情况说明:", text: item.explanation } as const] : []),
          ...(item.nextSteps ? [{ kind: "paragraph", lead: "下一步措施:", text: item.nextSteps } as const] : []),
          { kind: "paragraph", lead: "完成时限:", text: item.deadline },
        ]),
      ]
    : [{ kind: "paragraph", text: "反馈的问题已全部完成整改。" }];

  const closing = paragraphs(texts.closing);
  const sections = [
    { heading: "整改工作总体情况", blocks: overview },
    { heading: `${kind}反馈问题整改情况`, blocks: byAspect },
    ...(input.institutions.length ? [{ heading: "建章立制情况", blocks: institutionBlocks }] : []),
    // Where the genre's reports put it (section 三 when there is no 建章立制 section), counted
    // from the register, never typed: the figures must equal its rows.
    ...(input.clues && input.clues.petitions + input.clues.clues > 0
      ? [{ heading: `${kind}移交信访件、问题线索办理情况`, blocks: [{ kind: "paragraph", text: clueSentence(round.kind, input.clues) } as ReportBlock] }]
      : []),
    { heading: "需要进一步整改的事项及措施", blocks: unfinishedBlocks },
    { heading: "下一步工作", blocks: (closing.length ? closing : DEFAULT_CLOSING).map((text): ReportBlock => ({ kind: "paragraph", text })) },
  ].map((section, i) => ({ ...section, heading: `${chineseNumeral(i + 1)}、${section.heading}` }));

  return {
    // "…反馈意见整改" must not become "…整改整改进展情况".
    title: `关于${round.name.replace(/整改$/, "")}整改进展情况的通报`,
    problemsSentence,
    measuresSentence,
    sections,
    unfinished,
    signature: { body: round.inspectedBody, date: chineseDate(input.date) },
  };
}
