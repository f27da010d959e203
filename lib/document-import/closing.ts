import type { Status } from "@/lib/domain";
import { chineseNumber, extractStatusTag, splitHeading, splitLabels, statusWord } from "./outline";
import { childNodes, sourceLines, type OutlineNode } from "./tree";
import type { ParsedProblem } from "./types";

// The closing section of a published progress report (DOMAIN.md §10): "需要进一步整改的
// 事项及措施" lists every problem still 未完成 or 基本完成, each with 有关情况说明, 下一步措施
// and 完成时限. Those problems take that status and deadline; every other problem of the
// report is, by the report's own account, 已完成.

export const CLOSING_TITLE =
  /进一步整改的?(事项|问题|任务)|需要?进一步整改|尚未(完成|整改到位)的?(事项|问题)|未完成(整改)?的?(事项|问题)|仍需(持续)?整改的?(事项|问题)/;

// "(一)未完成的事项(2项)" groups the items below it under one status.
const GROUP_TITLE = /^(\d+\s*[个项]\s*)?(尚?未完成|基本完成)(整改)?的?(事项|问题|任务)?/;

export interface ClosingItem {
  /** The item's heading as written: a title, "第3项", … */
  reference: string;
  ordinal: number | null;
  status: Status | null;
  explanation: string;
  nextSteps: string;
  deadlineText: string;
}

/** The items, and the paragraphs that lead in to them ("仍有3个问题需要持续推进:"). */
export function readClosingItems(section: OutlineNode): { items: ClosingItem[]; leadIn: string[] } {
  const items: ClosingItem[] = [];
  const leadIn: string[] = [];
  collect(section, null, items, leadIn);
  return { items, leadIn };
}

function newItem(reference: string, ordinal: number | null, status: Status | null): ClosingItem {
  const tagged = extractStatusTag(reference);
  return { reference: tagged.text, ordinal, status: tagged.status ?? status, explanation: "", nextSteps: "", deadlineText: "" };
}

function collect(node: OutlineNode, groupStatus: Status | null, items: ClosingItem[], leadIn: string[]): void {
  const numbered = childNodes(node).length > 0;
  const first = items.length;
  for (const item of node.items) {
    if (item.type === "paragraph") {
      const current = items.length > first ? items.at(-1) : undefined;
      const opening = splitLabels(item.text)[0];
      if (numbered) {
        // Items are the numbered headings; a paragraph belongs to the one above it.
        if (current) readFields(current, item.text);
        else leadIn.push(item.text);
      } else if (opening?.kind === null && opening.text !== "" && NAMES_A_PROBLEM.test(opening.text)) {
        // "第3项:关于…的问题(基本完成)。有关情况说明:…" starts the next item.
        const { title, body } = splitHeading(item.text);
        // "第27条:关于…的问题。(未完成)": the tag may follow the heading's full stop.
        const tagged = extractStatusTag(body);
        const tagLeads = tagged.status !== null && /^[(（【[]/.test(body.trim());
        const next = newItem(title, null, groupStatus);
        if (tagLeads) next.status = tagged.status;
        items.push(next);
        readFields(next, tagLeads ? tagged.text : body);
      } else if (current) {
        readFields(current, item.text);
      } else {
        leadIn.push(item.text);
      }
      continue;
    }
    const child = item.node;
    const bare = extractStatusTag(child.title).text;
    // A group's items are numbered headings, or paragraphs that each name a problem.
    const holdsItems = childNodes(child).length > 0 || child.items.some((i) => i.type === "paragraph" && NAMES_A_PROBLEM.test(i.text));
    if (holdsItems && GROUP_TITLE.test(bare)) {
      collect(child, statusWord(bare.replace(/^\d+\s*[个项]\s*/, "")) ?? groupStatus, items, leadIn);
      continue;
    }
    const next = newItem(child.title, child.ordinal, groupStatus);
    items.push(next);
    readFields(next, [child.inlineBody, ...sourceLines(child).slice(1)].filter(Boolean).join("\n"));
  }
}

const NAMES_A_PROBLEM = /^(第\s*\S+?\s*[项个条]|关于|针对|问题\s*\d)/;

function readFields(item: ClosingItem, text: string): void {
  let field: "explanation" | "nextSteps" = "explanation";
  for (const segment of splitLabels(text)) {
    switch (segment.kind) {
      case "deadline":
        item.deadlineText = segment.text.replace(/[。;；]$/, "");
        continue;
      case "status":
        item.status = statusWord(segment.text) ?? item.status;
        continue;
      case "nextSteps":
      case "measures":
        field = "nextSteps";
        break;
      case "explanation":
      case "progress":
      case "description":
        field = "explanation";
        break;
      default:
        break;
    }
    if (segment.text) item[field] = item[field] ? `${item[field]}\n${segment.text}` : segment.text;
  }
}

/** Strips what differs between a problem's title and how the closing section cites it. */
export function titleKey(title: string): string {
  return extractStatusTag(title)
    .text.replace(/^(第\s*\S+?\s*[项个条]\s*[:：,，、.]?)/, "")
    .replace(/^(关于|针对)/, "")
    .replace(/(方面)?(存在)?的?问题$/, "")
    .replace(/[“”"'‘’《》「」()（）[\]【】\s,，、:：。.;；!！?？]/g, "");
}

/** Which problem an item names: by title, then by "第N项", then by its own (一)/(二) number. */
export function matchProblem(item: ClosingItem, problems: readonly ParsedProblem[]): ParsedProblem | null {
  const key = titleKey(item.reference);
  if (key.length >= 4) {
    const exact = problems.find((p) => titleKey(p.title) === key);
    if (exact) return exact;
    const near = problems.find((p) => {
      const other = titleKey(p.title);
      return other.length >= 4 && (other.includes(key) || key.includes(other));
    });
    if (near) return near;
  }
  const cited = /第\s*([\d一二三四五六七八九十百]+)\s*[项个条]/.exec(item.reference) ?? /问题\s*(\d+)/.exec(item.reference);
  const number = cited ? chineseNumber(cited[1]!) : null;
  if (number !== null) return problems.find((p) => p.number === number) ?? null;
  // A bare "(十五)" means the fifteenth problem only where the report numbers them straight through.
  const ordinals = problems.map((p) => labelOrdinal(p.label));
  if (item.ordinal !== null && new Set(ordinals).size === problems.length) {
    return problems[ordinals.indexOf(item.ordinal)] ?? null;
  }
  return null;
}

function labelOrdinal(label: string): number | null {
  const digits = /[\d一二三四五六七八九十百零〇两]+/.exec(label);
  return digits ? chineseNumber(digits[0]) : null;
}
