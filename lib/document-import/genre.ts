import { CLOSING_TITLE } from "./closing";
import { extractStatusTag } from "./outline";
import { childNodes, descendants, type OutlineNode } from "./tree";

// Tells problems from prose by the signals published 通报 give (issue 12), not by outline
// depth alone. Reports put work-summary sections ("一、提高政治站位…" with (一)…(五) of
// prose) before the problems and "下一步打算" after them; the problems section may hold
// aspects, topics and problems at any depth. A problem says it is one: a title 关于/针对…
// 问题, a quoted finding “…”, a status tag on or under its heading, or 整改情况/整改措施
// paragraphs. A heading with problems below it is a container (an aspect or a section).

/** A finding quoted in the heading: 关于“…”的问题, 在“…”方面, 针对巡察组指出的“…”问题. */
const QUOTED = /“[^”]{2,}”/;
const ABOUT_PROBLEM = /^(关于|针对)[\s\S]*问题(的整改(情况)?)?$/;
const QUOTED_FINDING = /(问题|方面)(的整改(情况)?)?$/;
/** "(一)关于…方面" / "(一)…方面的问题": an aspect's heading, unless it quotes a finding. */
const ASPECT_LIKE = /方面(的?问题|存在的问题|问题)?$/;
/** The section that holds the problems: "二、巡视反馈问题的整改情况", "二、整改落实的成效". */
const PROBLEMS_SECTION = /整改(情况|落实|成效)|落实(情况|的成效)|反馈(的)?问题|问题(的)?整改/;
/** Body labels that only a problem's text carries. */
const PROBLEM_BODY = /^[(（【[]?(整改情况|整改措施及成效|整改措施及进展|整改措施|整改进展情况|整改进展|整改落实情况)[)）】\]]?\s*[:：]/;

function bareTitle(node: OutlineNode): string {
  return extractStatusTag(node.title).text.replace(/[。.:：,，;；]+$/, "").trim();
}

/** The first line under the heading: a status tag standing alone, or a 整改情况: paragraph. */
function firstParagraph(node: OutlineNode): string {
  if (node.inlineBody) return node.inlineBody;
  const first = node.items[0];
  return first?.type === "paragraph" ? first.text : "";
}

export function problemSignals(node: OutlineNode): boolean {
  if (node.kind === "root" || node.kind === "aspect") return false;
  const title = bareTitle(node);
  if (extractStatusTag(node.title).status !== null) return true;
  const first = firstParagraph(node);
  const tagAlone = extractStatusTag(first);
  if (tagAlone.status !== null && tagAlone.text === "") return true;
  if (QUOTED.test(title) && QUOTED_FINDING.test(title)) return true;
  if (ASPECT_LIKE.test(title)) return false;
  if (ABOUT_PROBLEM.test(title)) return true;
  return PROBLEM_BODY.test(first) || node.items.some((item) => item.type === "paragraph" && PROBLEM_BODY.test(item.text));
}

export interface GenreSkeleton {
  aspects: { name: string; node: OutlineNode | null; problems: OutlineNode[] }[];
  /** Problem → the topic headings between its aspect and itself ("1.…" over "(1)…"). */
  topics: Map<OutlineNode, string[]>;
}

/**
 * The problems a report's headings signal, grouped under their aspects; null when fewer
 * than two headings signal a problem (the caller then reads the outline as before).
 */
/**
 * The office's word on a top-level section, from the preview ("这一节是问题" / "这一节不是
 * 问题"), keyed by the section's heading as the document wrote it.
 */
export type SectionRole = "problems" | "prose";
export type SectionOverrides = Readonly<Record<string, SectionRole>>;

export function genreSkeleton(
  root: OutlineNode,
  aspectName: (node: OutlineNode) => string,
  overrides: SectionOverrides = {},
): GenreSkeleton | null {
  const parents = new Map<OutlineNode, OutlineNode>();
  const walk = (node: OutlineNode) => {
    for (const child of childNodes(node)) {
      parents.set(child, node);
      walk(child);
    }
  };
  walk(root);
  const closing = new Set(
    descendants(root)
      .filter((node) => CLOSING_TITLE.test(node.title))
      .flatMap((node) => [node, ...descendants(node)]),
  );
  const sections = childNodes(root);
  const prose = new Set(sections.filter((node) => overrides[node.source] === "prose").flatMap((node) => [node, ...descendants(node)]));
  const signalled = descendants(root).filter((node) => !closing.has(node) && !prose.has(node) && problemSignals(node));
  // A section the office says holds problems, though none of its headings says so: its
  // headings are the problems (or, where they have headings below, the aspects).
  for (const section of sections.filter((node) => overrides[node.source] === "problems")) {
    if (descendants(section).some((node) => signalled.includes(node))) continue;
    for (const child of childNodes(section)) signalled.push(...(childNodes(child).length > 0 ? childNodes(child) : [child]));
  }
  // A heading with signalled headings below it holds problems; it is not one.
  const problems = signalled.filter((node) => !descendants(node).some((d) => signalled.includes(d)));
  if (problems.length < 2) return null;

  const chainOf = (node: OutlineNode): OutlineNode[] => {
    const chain: OutlineNode[] = [];
    for (let up = parents.get(node); up && up !== root; up = parents.get(up)) chain.unshift(up);
    return chain;
  };
  const chains = new Map(problems.map((p) => [p, chainOf(p)] as const));
  const aspectOf = (problem: OutlineNode): OutlineNode | null => {
    const chain = chains.get(problem)!;
    if (chain.length === 0) return null;
    const explicit = [...chain].reverse().find((node) => node.kind === "aspect" || (ASPECT_LIKE.test(bareTitle(node)) && !QUOTED.test(node.title)));
    if (explicit) return explicit;
    const [top, second] = chain;
    // Under a problems section, the level below it holds the aspects.
    if (second && !problemSignals(second)) return second;
    return PROBLEMS_SECTION.test(bareTitle(top!)) ? null : top!;
  };

  const aspects: GenreSkeleton["aspects"] = [];
  const topics = new Map<OutlineNode, string[]>();
  for (const problem of problems) {
    const aspect = aspectOf(problem);
    let group = aspects.at(-1);
    if (!group || group.node !== aspect) {
      group = { name: aspect ? aspectName(aspect) : "", node: aspect, problems: [] };
      aspects.push(group);
    }
    group.problems.push(problem);
    const chain = chains.get(problem)!;
    const between = aspect ? chain.slice(chain.indexOf(aspect) + 1) : [];
    if (between.length > 0) topics.set(problem, between.map(bareTitle));
  }
  return { aspects, topics };
}
