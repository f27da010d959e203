import { readMarker, splitHeading, type MarkerKind } from "./outline";

// The document as an outline tree: every marked line opens a node; unmarked paragraphs
// belong to the node above them. A marker kind already open on the way up closes
// everything below it ("(二)" after "(一)…1.…(1)" is a sibling of "(一)"), and a kind not
// yet open nests deeper — so any order of levels a document uses is followed, as written.

export interface OutlineNode {
  kind: MarkerKind | "root";
  ordinal: number | null;
  label: string;
  /** The heading without its marker (and without a body written on the same line). */
  title: string;
  /** Text after the heading on the same line: "(一)关于…的问题。一是…" → "一是…". */
  inlineBody: string;
  /** The line after the marker, heading and same-line body together. */
  text: string;
  /** The paragraph as the document wrote it, marker included. */
  source: string;
  items: OutlineItem[];
}

export type OutlineItem = { type: "paragraph"; text: string } | { type: "node"; node: OutlineNode };

export function buildTree(paragraphs: readonly string[]): OutlineNode {
  const root: OutlineNode = { kind: "root", ordinal: null, label: "", title: "", inlineBody: "", text: "", source: "", items: [] };
  const stack: OutlineNode[] = [root];
  for (const paragraph of paragraphs) {
    const marker = readMarker(paragraph);
    if (!marker) {
      stack.at(-1)!.items.push({ type: "paragraph", text: paragraph });
      continue;
    }
    placeNext(stack, marker.kind, marker.ordinal);
    const { title, body } =
      marker.kind === "aspect" ? { title: marker.rest, body: "" } : splitHeading(marker.rest);
    const node: OutlineNode = {
      kind: marker.kind,
      ordinal: marker.ordinal,
      label: marker.label,
      title,
      inlineBody: body,
      text: marker.rest,
      source: paragraph,
      items: [],
    };
    stack.at(-1)!.items.push({ type: "node", node });
    stack.push(node);
  }
  return root;
}

// The usual depth of each kind in 党政机关公文 (一、 > (一) > 1. > (1) > ①), consulted only
// when the document's own order does not decide.
const RANK: Record<MarkerKind, number> = { chapter: 1, aspect: 2, cnParen: 3, titleOnly: 3, arabic: 4, arabicParen: 5, circled: 6 };

/** Pops the stack to where a node of `kind` numbered `ordinal` belongs. */
function placeNext(stack: OutlineNode[], kind: MarkerKind, ordinal: number | null): void {
  const open = stack.findLastIndex((node) => node.kind === kind);
  if (open > 0) {
    // "1、规范支部设置" right under "1.关于…的问题": a list starting inside the item, not its sibling.
    if (ordinal === 1 && (stack[open]!.ordinal ?? 0) >= 1 && open === stack.length - 1 && kind !== "titleOnly") return;
    stack.length = open;
    return;
  }
  // A new kind numbered 1 starts a list one level down. Numbered further on ("五、" after
  // the aspects), it continues a list at its usual depth: close what is deeper than that.
  if (ordinal === null || ordinal === 1) return;
  while (stack.length > 1 && RANK[stack.at(-1)!.kind as MarkerKind] >= RANK[kind]) stack.pop();
}

export function childNodes(node: OutlineNode): OutlineNode[] {
  return node.items.flatMap((item) => (item.type === "node" ? [item.node] : []));
}

/** Every node below `node`, depth first, in document order. */
export function descendants(node: OutlineNode): OutlineNode[] {
  return childNodes(node).flatMap((child) => [child, ...descendants(child)]);
}

/** The node's text as the document wrote it: its line, then everything under it. */
export function sourceLines(node: OutlineNode): string[] {
  const lines = node.kind === "root" ? [] : [node.source];
  for (const item of node.items) {
    if (item.type === "paragraph") lines.push(item.text);
    else lines.push(...sourceLines(item.node));
  }
  return lines;
}

/** Its body: the text after the heading on the same line, then the paragraphs and nodes below. */
export function bodyItems(node: OutlineNode): OutlineItem[] {
  return node.inlineBody ? [{ type: "paragraph", text: node.inlineBody }, ...node.items] : node.items;
}
