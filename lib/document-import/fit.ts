import { DOCUMENT_LIMITS as LIMIT } from "@/lib/validations/document-import";
import type { ParsedProblem } from "./types";

// A real document is never refused whole for one field. A title or 完成时限 longer than the
// plan allows is cut to fit and its full text kept in the problem's description; an
// over-long text is cut with a note; each cut is a warning the office sees in the preview.

const ELLIPSIS = "…";

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}${ELLIPSIS}`;
}

function appendLine(text: string, line: string): string {
  return text ? `${text}\n${line}` : line;
}

/** Cuts the problem's fields to the plan's limits in place; returns one Chinese warning per cut. */
export function fitProblem(problem: ParsedProblem): string[] {
  const warnings: string[] = [];
  const where = `问题 ${problem.number}`;
  if (problem.title.length > LIMIT.title) {
    problem.description = appendLine(problem.description, `标题全文:${problem.title}`);
    problem.title = cut(problem.title, LIMIT.title);
    warnings.push(`${where} 的标题超过 ${LIMIT.title} 字,已截短,全文保留在问题描述中;可能把正文当成了标题,请核对`);
  }
  if (problem.deadlineText.length > LIMIT.deadlineText) {
    problem.description = appendLine(problem.description, `完成时限全文:${problem.deadlineText}`);
    problem.deadlineText = cut(problem.deadlineText, LIMIT.deadlineText);
    warnings.push(`${where} 的完成时限超过 ${LIMIT.deadlineText} 字,已截短,全文保留在问题描述中`);
  }
  if (problem.measures.length > LIMIT.measures) {
    const rest = problem.measures.splice(LIMIT.measures - 1);
    problem.measures.push(rest.join("\n"));
    warnings.push(`${where} 的整改措施超过 ${LIMIT.measures} 项,第 ${LIMIT.measures} 项起已合并为一项,请核对`);
  }
  problem.measures = problem.measures.map((measure, index) => {
    if (measure.length <= LIMIT.measure) return measure;
    warnings.push(`${where} 的第 ${index + 1} 项整改措施超过 ${LIMIT.measure} 字,已截短,请核对`);
    return cut(measure, LIMIT.measure);
  });
  for (const field of ["description", "progressText"] as const) {
    if (problem[field].length > LIMIT[field]) {
      problem[field] = cut(problem[field], LIMIT[field]);
      warnings.push(`${where} 的${field === "description" ? "问题描述" : "整改情况"}超过 ${LIMIT[field]} 字,已截短,请核对`);
    }
  }
  return warnings;
}
