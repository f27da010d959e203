import type { Status } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { AspectFigures } from "./aspect-figures";
import type { StatedFigures } from "./stated-figures";

// A published report states its own figures ("反馈的40个问题,已完成32个、基本完成7个、
// 未完成1个;制定整改措施145条"). The parse is checked against them, so the office sees at
// once whether what was recognised is the report it read — and where it differs.

export interface ParsedFigures {
  problems: number;
  completed: number;
  basicallyCompleted: number;
  incomplete: number;
  /** Problems the document gives no status for (a feedback document, a draft plan). */
  unknown: number;
  measures: number;
}

export interface FigureCheck {
  stated: Omit<StatedFigures, "sources"> & { sources?: string[] };
  /** What the document states for each aspect, in order (null where it states nothing). */
  aspectStated: (AspectFigures | null)[];
  parsed: ParsedFigures;
  /** true: every problem figure the document states equals the parse; false: one differs; null: it states none. */
  matches: boolean | null;
  /** One Chinese line per problem figure that differs, saying which. */
  mismatches: string[];
  /** Measures are compared apart: reports often state the plan's count but publish condensed measures. */
  measuresMatch: boolean | null;
  /** "文档称反馈问题40个(已完成32、基本完成7、未完成1),识别出40个(32/7/1)" or null. */
  summary: string | null;
}

const STATUS_FIELDS: { field: "completed" | "basicallyCompleted" | "incomplete"; status: Status; label: string }[] = [
  { field: "completed", status: "completed", label: "已完成" },
  { field: "basicallyCompleted", status: "basically_completed", label: "基本完成" },
  { field: "incomplete", status: "incomplete", label: "未完成" },
];

/** Any outline of problems: the parse, the preview's edited draft, the confirmed plan. */
export interface ProblemOutline {
  aspects: readonly { name: string; problems: readonly { status: Status | null; measures: readonly unknown[] }[] }[];
}

export function parsedFigures(doc: ProblemOutline): ParsedFigures {
  const problems = doc.aspects.flatMap((a) => a.problems);
  const count = (status: Status | null) => problems.filter((p) => p.status === status).length;
  return {
    problems: problems.length,
    completed: count("completed"),
    basicallyCompleted: count("basically_completed"),
    incomplete: count("incomplete"),
    unknown: count(null),
    measures: problems.reduce((n, p) => n + p.measures.length, 0),
  };
}

export function checkFigures(
  doc: ProblemOutline,
  stated: Omit<StatedFigures, "sources"> & { sources?: string[] },
  aspectStated: readonly (AspectFigures | null)[] = [],
): FigureCheck {
  const parsed = parsedFigures(doc);
  const mismatches: string[] = [];
  if (stated.problems !== null && stated.problems !== parsed.problems) {
    const gap = stated.problems - parsed.problems;
    mismatches.push(
      `文档称反馈问题${stated.problems}个,识别出${parsed.problems}个(${gap > 0 ? `少${gap}个:可能有问题未识别,或文档未公开全部问题` : `多${-gap}个:可能把其他段落当成了问题`})`,
    );
  }
  for (const { field, label } of STATUS_FIELDS) {
    const said = stated[field];
    if (said !== null && said !== parsed[field]) mismatches.push(`文档称${label}${said}个,识别出${parsed[field]}个`);
  }
  // Where the document states figures per aspect, say in which aspect the parse differs.
  aspectStated.forEach((said, index) => {
    const aspect = doc.aspects[index];
    if (!said || !aspect) return;
    const found = parsedFigures({ aspects: [aspect] });
    const where = `第${index + 1}个方面${aspect.name ? `“${aspect.name.length > 16 ? `${aspect.name.slice(0, 16)}…` : aspect.name}”` : ""}`;
    if (said.problems !== null && said.problems !== found.problems) mismatches.push(`${where}:文档称问题${said.problems}个,识别出${found.problems}个`);
    for (const { field, label } of STATUS_FIELDS) {
      if (said[field] !== null && said[field] !== found[field]) mismatches.push(`${where}:文档称${label}${said[field]}个,识别出${found[field]}个`);
    }
  });
  const statesProblems =
    stated.problems !== null || STATUS_FIELDS.some(({ field }) => stated[field] !== null) || aspectStated.some((a) => a !== null);
  return {
    stated,
    aspectStated: [...aspectStated],
    parsed,
    matches: statesProblems ? mismatches.length === 0 : null,
    mismatches,
    measuresMatch: stated.measures === null ? null : stated.measures === parsed.measures,
    summary: statesProblems ? summary(stated, parsed) : null,
  };
}

function summary(stated: FigureCheck["stated"], parsed: ParsedFigures): string {
  const statuses = STATUS_FIELDS.filter(({ field }) => stated[field] !== null);
  const saidStatuses = statuses.map(({ field, label }) => `${label}${stated[field]}`).join("、");
  const said = `文档称反馈问题${stated.problems ?? "(未写明)"}个${saidStatuses ? `(${saidStatuses})` : ""}`;
  const found = `识别出${parsed.problems}个(${statuses.map(({ field }) => parsed[field]).join("/")})`;
  return `${said},${statuses.length > 0 ? found : `识别出${parsed.problems}个`}`;
}

/**
 * Confirming a plan that disagrees with the figures its document states needs the office's
 * explicit "我已核对,按识别结果导入" — in the preview, and for a request that skips it.
 */
export function assertMismatchAcknowledged(
  plan: ProblemOutline,
  stated: (FigureCheck["stated"] & { aspects?: (AspectFigures | null)[] }) | null | undefined,
  acknowledged: boolean,
): void {
  if (!stated || acknowledged || checkFigures(plan, stated, stated.aspects ?? []).matches !== false) return;
  throw new AppError("VALIDATION", "识别结果与文档所述数字不一致:请核对后勾选“我已核对,按识别结果导入”再确认", {
    acknowledgeMismatch: ["请勾选“我已核对,按识别结果导入”"],
  });
}
