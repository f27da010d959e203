import type { Status } from "@/lib/domain";

// The pieces of the Chinese official-document outline (党政机关公文格式): the markers at
// each level, headings with their body on the same line, 一是/二是 enumerations, status
// tags and the labels ("整改措施:", "完成时限:") offices write. Pure string functions; the
// tree is built from them in parse-document.ts.

export type MarkerKind =
  | "aspect" // 第一方面问题,… / 第一方面:…
  | "chapter" // 一、
  | "cnParen" // (一)
  | "arabic" // 1. 1. 1、
  | "arabicParen" // (1) ⑴
  | "circled" // ①
  | "titleOnly"; // 关于“…”的问题 on a line of its own, without a marker

export interface Marker {
  kind: MarkerKind;
  ordinal: number | null;
  /** The marker as written, e.g. "(十五)"; "" for titleOnly. */
  label: string;
  /** The line after the marker. */
  rest: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN = "一二三四五六七八九十百零〇两";

/** "十七" → 17, "二十一" → 21, "一百零五" → 105, "12" → 12; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "" || [...text].some((ch) => !(ch in CN_DIGITS) && !(ch in CN_UNITS))) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else {
      // "十七": a unit with no digit before it counts once.
      total += (digit ?? 1) * CN_UNITS[ch]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";

const MARKERS: { kind: MarkerKind; pattern: RegExp; ordinal: (m: RegExpExecArray) => number | null }[] = [
  {
    kind: "aspect",
    pattern: new RegExp(`^(第\\s*([${CN}]+|\\d+)\\s*(?:个)?方面(?:的?问题|存在的问题)?)\\s*[:：,，、.．;；]?\\s*(.*)$`),
    ordinal: (m) => chineseNumber(m[2]!),
  },
  { kind: "chapter", pattern: new RegExp(`^(([${CN}]+)\\s*[、.．])\\s*(.+)$`), ordinal: (m) => chineseNumber(m[2]!) },
  { kind: "cnParen", pattern: new RegExp(`^([(（]\\s*([${CN}]+)\\s*[)）])\\s*(.+)$`), ordinal: (m) => chineseNumber(m[2]!) },
  { kind: "arabicParen", pattern: /^([(（]\s*(\d{1,3})\s*[)）])\s*(.+)$/, ordinal: (m) => Number(m[2]) },
  { kind: "arabicParen", pattern: new RegExp(`^(([${PAREN_DIGITS}]))\\s*(.+)$`), ordinal: (m) => PAREN_DIGITS.indexOf(m[2]!) + 1 },
  { kind: "circled", pattern: new RegExp(`^(([${CIRCLED}]))\\s*(.+)$`), ordinal: (m) => CIRCLED.indexOf(m[2]!) + 1 },
  // "1.5亿元" and "2019.12" are numbers, not markers: no digit may follow the point.
  { kind: "arabic", pattern: /^((\d{1,3})\s*(?:[、．]|\.(?!\d)))\s*(.+)$/, ordinal: (m) => Number(m[2]) },
];

// A problem title standing alone: 关于“…”的问题 / 针对巡察组指出的“…”问题, one clause.
const TITLE_ONLY = /^(关于|针对)[^。;；!?！？]{2,120}问题\s*([(（【[][^)）】\]]{2,6}[)）】\]])?\s*[。.:：]?$/;

export function readMarker(line: string): Marker | null {
  for (const { kind, pattern, ordinal } of MARKERS) {
    const match = pattern.exec(line);
    if (match) return { kind, ordinal: ordinal(match), label: match[1]!.replace(/\s+/g, ""), rest: match[3]!.trim() };
  }
  if (TITLE_ONLY.test(line)) return { kind: "titleOnly", ordinal: null, label: "", rest: line };
  return null;
}

const OPENERS = "“‘《「『(（[【";
const CLOSERS = "”’》」』)）]】";
const TERMINATORS = "。!?！？;；";

/**
 * A heading and the body written on the same line: "(一)关于…的问题。一是…" →
 * title "关于…的问题", body "一是…". Splits at the first sentence end outside quotes and
 * brackets, or at a colon right after "…问题".
 */
export function splitHeading(rest: string): { title: string; body: string } {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (OPENERS.includes(ch)) depth += 1;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && TERMINATORS.includes(ch)) {
      return { title: rest.slice(0, i).trim(), body: rest.slice(i + 1).trim() };
    } else if (depth === 0 && (ch === ":" || ch === "：") && /问题\s*$/.test(rest.slice(0, i))) {
      return { title: rest.slice(0, i).trim(), body: rest.slice(i + 1).trim() };
    }
  }
  return { title: rest.replace(/[,，、:：]$/, "").trim(), body: "" };
}

// ── status tags ──────────────────────────────────────────────────────────

const STATUS_WORDS: [RegExp, Status][] = [
  [/^基本完成/, "basically_completed"],
  [/^(未完成|尚未完成|正在整改|持续整改|整改中|推进中)/, "incomplete"],
  [/^(已完成|已整改|整改完成|已整改到位|已办结|完成)/, "completed"],
];

/** "已完成" / "基本完成(长期坚持)" → the status; null when the text does not start with one. */
export function statusWord(text: string): Status | null {
  const trimmed = text.trim();
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(trimmed)) return status;
  return null;
}

const TAG = /[(（【[]\s*(已完成|基本完成|未完成|尚未完成|已整改|整改完成|已整改到位)\s*[)）】\]]/;

/** A status tag such as "(已完成)" or "【基本完成】" anywhere in the text, and the text without it. */
export function extractStatusTag(text: string): { status: Status | null; text: string } {
  const match = TAG.exec(text);
  if (!match) return { status: null, text };
  const rest = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).replace(/\s{2,}/g, " ").trim();
  return { status: statusWord(match[1]!), text: rest.replace(/^[,，、:：\s]+|[,，、:：\s]+$/g, "") };
}

// ── 一是…二是… ───────────────────────────────────────────────────────────

export interface Enumeration {
  /** Text before 一是 (or before the continuing item), "" when none. */
  lead: string;
  items: { ordinal: number; text: string }[];
}

const ENUM_ITEM = /(^|[。;；:：,，!！?？\s])([一二三四五六七八九十]{1,3})是/g;

/**
 * Splits "一是…二是…三是…" into its items (each up to the next one). The items must count
 * up from `expected` — 1 for a fresh paragraph, or where the previous paragraph left off —
 * so a 是 in ordinary prose ("统一是") does not start one.
 */
export function splitEnumeration(text: string, expected = 1): Enumeration {
  const starts: { ordinal: number; at: number; textAt: number }[] = [];
  let next = expected;
  for (const match of text.matchAll(ENUM_ITEM)) {
    const ordinal = chineseNumber(match[2]!);
    const isFirst = starts.length === 0;
    if (ordinal === next || (isFirst && ordinal === 1)) {
      const at = match.index + match[1]!.length;
      starts.push({ ordinal, at, textAt: at + match[2]!.length + 1 });
      next = ordinal + 1;
    }
  }
  if (starts.length === 0) return { lead: text, items: [] };
  const items = starts.map((start, i) => ({
    ordinal: start.ordinal,
    text: trimItem(text.slice(start.textAt, starts[i + 1]?.at ?? text.length)),
  }));
  return { lead: text.slice(0, starts[0]!.at).trim(), items: items.filter((item) => item.text !== "") };
}

// "整改措施:1.加强学习;2.完善制度。" — a numbered list written inside one paragraph.
const LIST_STYLES: { item: RegExp; ordinal: (token: string) => number }[] = [
  { item: /(^|[。;；:：,，\s])(\d{1,2}\s*[.．、])(?!\d)/g, ordinal: (t) => Number(/\d+/.exec(t)![0]) },
  { item: /(^|[。;；:：,，\s])([(（]\s*\d{1,2}\s*[)）])/g, ordinal: (t) => Number(/\d+/.exec(t)![0]) },
  { item: new RegExp(`(^|[。;；:：,，\\s])([${CIRCLED}])`, "g"), ordinal: (t) => CIRCLED.indexOf(t) + 1 },
  { item: new RegExp(`(^|[。;；:：,，\\s])([${PAREN_DIGITS}])`, "g"), ordinal: (t) => PAREN_DIGITS.indexOf(t) + 1 },
];

/** Splits an inline numbered list (1.…2.…, (1)…(2)…, ①…②…) counting up from 1; used after "整改措施:" only. */
export function splitNumberedList(text: string): Enumeration {
  for (const style of LIST_STYLES) {
    const starts: { ordinal: number; at: number; textAt: number }[] = [];
    for (const match of text.matchAll(style.item)) {
      const ordinal = style.ordinal(match[2]!);
      if (ordinal !== starts.length + 1) continue;
      const at = match.index + match[1]!.length;
      starts.push({ ordinal, at, textAt: at + match[2]!.length });
    }
    if (starts.length >= 2) {
      const items = starts.map((start, i) => ({
        ordinal: start.ordinal,
        text: trimItem(text.slice(start.textAt, starts[i + 1]?.at ?? text.length)),
      }));
      return { lead: text.slice(0, starts[0]!.at).trim(), items: items.filter((item) => item.text !== "") };
    }
  }
  return { lead: text, items: [] };
}

/** An item ends where the next begins: drop the separator it ended with, keep a full stop. */
function trimItem(text: string): string {
  return text.trim().replace(/^[,，:：\s]+/, "").replace(/[;；,，、\s]+$/, "");
}

// ── labels: 整改措施: 完成时限: … ─────────────────────────────────────────

export type LabelKind =
  | "description"
  | "measures"
  | "progress"
  | "deadline"
  | "status"
  | "responsibility"
  | "explanation"
  | "nextSteps";

const LABELS: Record<LabelKind, string[]> = {
  description: ["问题表现", "问题描述", "具体表现", "存在问题", "主要问题", "问题内容", "反馈问题", "巡视组指出", "巡察组指出", "巡视反馈", "巡察反馈"],
  measures: ["整改措施", "整改任务", "主要措施", "具体措施", "整改举措", "整改要求"],
  progress: [
    "整改措施及成效", "整改措施及进展", "整改措施及完成情况", "整改情况", "整改进展情况", "整改进展", "进展情况",
    "整改成效", "整改落实情况", "落实情况", "工作成效", "整改结果",
  ],
  deadline: ["完成时限", "整改时限", "时限要求", "完成时间", "整改期限", "办结时限"],
  status: ["整改状态", "完成状态", "完成情况", "整改进度"],
  responsibility: ["牵头领导", "责任领导", "牵头单位", "责任单位", "配合单位", "责任部门", "协办单位", "责任人", "整改目标", "目标要求"],
  explanation: ["有关情况说明", "情况说明", "未完成原因", "原因说明"],
  nextSteps: ["下一步整改措施", "下一步工作措施", "下一步措施", "下一步工作", "下一步打算"],
};

const LABEL_KIND = new Map<string, LabelKind>(
  (Object.entries(LABELS) as [LabelKind, string[]][]).flatMap(([kind, names]) => names.map((name) => [name, kind] as const)),
);
// Longest first, so "整改措施及成效" is not read as "整改措施" + "及成效:".
const LABEL_NAMES = [...LABEL_KIND.keys()].sort((a, b) => b.length - a.length);
const LABEL = new RegExp(`(^|[。;；!！?？]\\s*)[(（【[]?(${LABEL_NAMES.join("|")})[)）】\\]]?\\s*[:：]`, "g");

export interface LabelledSegment {
  /** null for text before the first label. */
  kind: LabelKind | null;
  /** The label as written ("完成时限"), "" when none. */
  name: string;
  text: string;
}

/** "整改措施:…。完成时限:2021年底。" → one segment per label; a label needs its colon. */
export function splitLabels(paragraph: string): LabelledSegment[] {
  const segments: LabelledSegment[] = [];
  let kind: LabelKind | null = null;
  let name = "";
  let from = 0;
  for (const match of paragraph.matchAll(LABEL)) {
    const at = match.index + match[1]!.length;
    const before = paragraph.slice(from, at).trim();
    if (before !== "" || kind !== null) segments.push({ kind, name, text: before });
    name = match[2]!;
    kind = LABEL_KIND.get(name)!;
    from = match.index + match[0].length;
  }
  const last = paragraph.slice(from).trim();
  if (last !== "" || kind !== null) segments.push({ kind, name, text: last });
  return segments;
}

// ── what a heading looks like ────────────────────────────────────────────

/** 关于…的问题, 针对…问题, …方面存在的问题: a problem's title rather than a section's. */
export function looksLikeProblemTitle(title: string): boolean {
  const bare = extractStatusTag(title).text.replace(/[。.:：,，]$/, "");
  return /问题$/.test(bare) || /^(关于|针对)/.test(bare);
}
