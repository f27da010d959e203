import { CLOSING_TITLE, matchProblem, readClosingItems } from "./closing";
import { figuresByAspectNumber, figuresUnderAspect } from "./aspect-figures";
import { checkFigures } from "./figure-check";
import { fitProblem } from "./fit";
import { genreSkeleton, type SectionOverrides } from "./genre";
import { normalizeText } from "./normalize";
import { looksLikeProblemTitle, splitEnumeration, splitLabels, extractStatusTag } from "./outline";
import { readProblem } from "./problem";
import { readStatedFigures } from "./stated-figures";
import { buildTree, childNodes, descendants, sourceLines, type OutlineNode } from "./tree";
import type { ParsedAspect, ParsedDocument, ParsedProblem, UnassignedText } from "./types";

// A feedback document, draft plan or published progress report → aspects → problems →
// measures. Which nodes are aspects and problems is decided from the outline as a whole:
//   - "第一方面…" headings, where the document has them, are the aspects; their numbered
//     children are the problems (a report's own sections 一、三、 are not);
//   - otherwise the top-level sections whose children read as problem titles
//     ("关于…的问题", "针对…问题") are the aspects;
//   - otherwise top-level problem titles are problems without an aspect.
// Everything else is returned as unassigned text with a warning: never dropped.

interface Skeleton {
  name: string;
  node: OutlineNode | null;
  problems: OutlineNode[];
}

export function parseDocument(raw: string, options: { sections?: SectionOverrides } = {}): ParsedDocument {
  const warnings: string[] = [];
  const { paragraphs, furniture } = normalizeText(raw);
  if (furniture.length > 0) {
    warnings.push(`已略去网页附带的 ${furniture.length} 行(如“${shorten(furniture[0]!, 30)}”),它们不属于正文`);
  }
  const root = buildTree(paragraphs);
  const { skeleton, guessed, topics } = findSkeleton(root, options.sections ?? {});
  if (guessed) warnings.push(guessed);

  const problemNodes = skeleton.flatMap((aspect) => aspect.problems);
  const inPlan = new Set<OutlineNode>([...skeleton.flatMap((a) => (a.node ? [a.node] : [])), ...problemNodes]);
  const planned = new Set([...inPlan].flatMap((node) => [node, ...descendants(node)]));
  const closing = descendants(root).find((node) => !planned.has(node) && CLOSING_TITLE.test(node.title)) ?? null;
  const feedbackOnly = closing === null && !problemNodes.some(hasMeasureSignals);
  if (feedbackOnly && problemNodes.length > 0) {
    warnings.push("文档中没有“一是…”“整改措施:”“整改情况:”或完成状态,按反馈意见处理:问题下的文字作为问题描述,整改措施请在导入后补充");
  }

  let number = 0;
  const aspects: ParsedAspect[] = skeleton.map((aspect) => ({
    name: aspect.name,
    problems: aspect.problems.map((node) => {
      const problem = readProblem(node, { number: ++number, feedbackOnly });
      // A topic heading between the aspect and the problem ("1.…" over "(1)…") is kept with it.
      const topic = topics?.get(node);
      if (topic) problem.description = [`所属专题:${topic.join(" / ")}`, problem.description].filter(Boolean).join("\n");
      return problem;
    }),
  }));
  const problems = aspects.flatMap((aspect) => aspect.problems);
  checkNumbering(skeleton, warnings);
  for (const problem of problems) {
    if (!feedbackOnly && problem.measures.length === 0) warnings.push(`问题 ${problem.number}“${shorten(problem.title)}”下没有识别出整改措施`);
  }
  for (const aspect of aspects) if (aspect.problems.length === 0) warnings.push(`方面“${shorten(aspect.name)}”下没有问题`);

  const unassigned = collectUnassigned(root, new Set([...inPlan, ...(closing ? [closing] : [])]), skeleton);
  if (closing) applyClosing(closing, problems, warnings, unassigned);
  for (const problem of problems) warnings.push(...fitProblem(problem));
  for (const block of unassigned) {
    const lines = block.text.split("\n").length;
    warnings.push(`未归入任何问题:${block.context === START ? "文档开头" : `“${shorten(block.context)}”`}下的 ${lines} 段,见“未归类内容”`);
  }
  if (problems.length === 0) warnings.push("未识别出任何问题:请确认文档按“一、”“(一)”“1.”等标题分级,或问题标题写作“关于…的问题”");
  const byNumber = figuresByAspectNumber(paragraphs);
  const aspectStated = skeleton.map((aspect, index) => (aspect.node ? figuresUnderAspect(leadIn(aspect.node)) : null) ?? byNumber.get(index + 1) ?? null);
  const check = checkFigures({ aspects }, readStatedFigures(paragraphs), aspectStated);
  if (check.matches === false) warnings.unshift(`识别结果与文档所述数字不一致:${check.mismatches.join(";")}。请核对后再导入`);
  if (check.measuresMatch === false) {
    warnings.push(`文档称整改措施${check.stated.measures}条,识别出${check.parsed.measures}项:通报常只公开归并后的措施,仅供核对`);
  }
  return { aspects, check, sections: sectionRoles(root, problemNodes, closing), unassigned, warnings };
}

const START = "文档开头";

function findSkeleton(root: OutlineNode, overrides: SectionOverrides): { skeleton: Skeleton[]; guessed: string | null; topics?: Map<OutlineNode, string[]> } {
  const aspectNodes = descendants(root).filter((node) => node.kind === "aspect");
  if (aspectNodes.length > 0) {
    return { skeleton: aspectNodes.map((node) => ({ name: aspectName(node), node, problems: childNodes(node) })), guessed: null };
  }
  const genre = genreSkeleton(root, aspectName, overrides);
  if (genre) return { skeleton: genre.aspects, guessed: null, topics: genre.topics };
  const top = childNodes(root).filter((node) => !CLOSING_TITLE.test(node.title) && overrides[node.source] !== "prose");
  const sections = top.filter(
    (node) => !looksLikeProblemTitle(node.title) && childNodes(node).some((child) => looksLikeProblemTitle(child.title)),
  );
  if (sections.length > 0) {
    return { skeleton: sections.map((node) => ({ name: aspectName(node), node, problems: childNodes(node) })), guessed: null };
  }
  const titled = top.filter((node) => looksLikeProblemTitle(node.title));
  if (titled.length > 0) {
    return { skeleton: [{ name: "", node: null, problems: titled }], guessed: "文档没有“方面”一级的标题,问题均未分方面,可在预览中指定" };
  }
  // The last guess, every heading a problem, is not made against the office's own choices.
  if (top.length > 0 && Object.keys(overrides).length === 0) {
    return {
      skeleton: [{ name: "", node: null, problems: top }],
      guessed: "未找到“第一方面”或“关于…的问题”式的标题,已把每个一级标题当作一个问题,请逐一核对",
    };
  }
  return { skeleton: [], guessed: null };
}

function aspectName(node: OutlineNode): string {
  const name = extractStatusTag(node.title).text.replace(/^[,，、:：.．;；\s]+|[,，、:：;；。\s]+$/g, "");
  if (name) return name;
  const first = node.items[0];
  // "第一方面" alone, its name on the next line.
  if (first?.type === "paragraph") {
    node.items.shift();
    return first.text;
  }
  return node.label || node.source;
}

/** Does any of the node's text read as a measure, progress or status? (A 反馈意见 has none.) */
function hasMeasureSignals(node: OutlineNode): boolean {
  return sourceLines(node).some((line) => {
    if (extractStatusTag(line).status !== null) return true;
    if (splitEnumeration(line).items.length > 0) return true;
    return splitLabels(line).some((s) => s.kind !== null && s.kind !== "description" && s.kind !== "responsibility");
  });
}

/** A problem's number should follow the one before it, or start again at 1 in a new aspect. */
function checkNumbering(skeleton: Skeleton[], warnings: string[]): void {
  let previous: number | null = null;
  let count = 0;
  for (const aspect of skeleton) {
    aspect.problems.forEach((node, index) => {
      count += 1;
      const ordinal = node.ordinal;
      if (ordinal === null) return;
      const restart = index === 0 && ordinal === 1;
      if (previous !== null && ordinal !== previous + 1 && !restart) {
        warnings.push(`第 ${count} 个问题的编号“${node.label}”与前一个问题不连续,请核对是否漏掉或多出了问题`);
      }
      previous = ordinal;
    });
  }
}

function collectUnassigned(root: OutlineNode, used: ReadonlySet<OutlineNode>, skeleton: Skeleton[]): UnassignedText[] {
  const blocks = new Map<string, string[]>();
  const add = (context: string, lines: string[]) => {
    if (lines.length > 0) blocks.set(context, [...(blocks.get(context) ?? []), ...lines]);
  };
  const aspects = new Set(skeleton.flatMap((a) => (a.node ? [a.node] : [])));
  const walk = (node: OutlineNode, context: string) => {
    for (const item of node.items) {
      if (item.type === "paragraph") {
        add(context, [item.text]);
        continue;
      }
      const child = item.node;
      const childContext = node.kind === "root" ? child.source : context;
      if (aspects.has(child)) {
        // Text written under an aspect heading but before its first problem.
        add(child.source, child.items.flatMap((i) => (i.type === "paragraph" ? [i.text] : [])));
      } else if (!used.has(child)) {
        add(childContext, [child.source]);
        walk(child, childContext);
      }
    }
  };
  walk(root, START);
  return [...blocks].map(([context, lines]) => ({ context, text: lines.join("\n") }));
}

function applyClosing(closing: OutlineNode, problems: ParsedProblem[], warnings: string[], unassigned: UnassignedText[]): void {
  const { items, leadIn } = readClosingItems(closing);
  if (leadIn.length > 0) unassigned.push({ context: closing.source, text: leadIn.join("\n") });
  let matched = 0;
  for (const item of items) {
    const problem = matchProblem(item, problems);
    if (!problem) {
      warnings.push(`“${shorten(closing.title)}”中的“${shorten(item.reference)}”未能对应到任何问题`);
      unassigned.push({
        context: closing.source,
        text: [item.reference, item.explanation, item.nextSteps, item.deadlineText].filter(Boolean).join("\n"),
      });
      continue;
    }
    matched += 1;
    if (item.status === null) warnings.push(`“${shorten(item.reference)}”没有写明完成状态,按未完成处理`);
    problem.status = item.status ?? "incomplete";
    if (item.deadlineText) problem.deadlineText = item.deadlineText;
    if (item.explanation) problem.progressText = [problem.progressText, `有关情况说明:${item.explanation}`].filter(Boolean).join("\n");
    if (item.nextSteps) problem.measures.push(`【下一步措施】${item.nextSteps}`);
  }
  if (matched === 0) {
    warnings.push(`找到了“${shorten(closing.title)}”一节,但其中的事项未能对应到任何问题,各问题的完成状态未作判断`);
    return;
  }
  let completed = 0;
  for (const problem of problems) {
    if (problem.status === null) {
      problem.status = "completed";
      completed += 1;
    }
  }
  warnings.push(`按“${shorten(closing.title)}”一节:其中列出的 ${matched} 个问题取其所写状态和时限,其余 ${completed} 个问题视为已完成`);
}

function shorten(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** How each top-level section was read, for the preview's "这一节是问题 / 不是问题" choice. */
function sectionRoles(root: OutlineNode, problems: readonly OutlineNode[], closing: OutlineNode | null): ParsedDocument["sections"] {
  return childNodes(root).map((node) => {
    const inside = new Set([node, ...descendants(node)]);
    const role = closing && inside.has(closing) ? "closing" : problems.some((p) => inside.has(p)) ? "problems" : "prose";
    return { heading: node.source, role };
  });
}

/** The paragraphs under a heading before its first sub-heading: an aspect's lead-in. */
function leadIn(node: OutlineNode): string[] {
  const lines = node.inlineBody ? [node.inlineBody] : [];
  for (const item of node.items) {
    if (item.type !== "paragraph") break;
    lines.push(item.text);
  }
  return lines;
}
