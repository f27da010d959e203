// 反弹回潮: has this problem been found before? A problem's title is compared with the
// titles of the same body's earlier rounds by the Dice coefficient of their character
// bigrams, after the genre's numbering, punctuation and stock words are taken out: every
// feedback says 问题、存在、不到位、落实, so two titles sharing only those are not alike.
// Pure: the candidates come from db/queries/recurrence.ts, already bounded to earlier rounds.

/**
 * A pair scoring at least this is shown as a likely repeat. Tuned on the labelled pairs in
 * lib/recurrence.fixtures.ts (the demo round and the three reference reports, reworded as
 * a later round would) the same problem scores 0.67 or more and a different one 0.35 or
 * less; 0.5 sits in the gap, and lib/recurrence.test.ts states precision and recall there.
 */
export const RECURRENCE_THRESHOLD = 0.5;

/** How many earlier problems a panel lists per problem, best first. */
export const SIMILAR_LIMIT = 5;

// Numbering a title starts with: (一) 1. 1、 (3) 第二 …, possibly several ("1.(2)").
const LEADING_NUMBERING = /^(?:\s|[（(][一二三四五六七八九十百零〇\d]+[)）]|第?[一二三四五六七八九十百零〇\d]+[、.．:：]|[①-⑳])+/u;

// "关于…的问题", "针对…的问题", "对…问题的整改": the report's frame around the problem.
const LEADING_PREPOSITION = /^(?:关于|针对|对于|对)/u;

// Words of the genre that say nothing about which problem it is. Longest first, so 不到位
// goes before 到位. They split the text: no bigram spans a removed word.
const STOCK_WORDS = [
  "进一步", "不到位", "不同程度", "有差距", "不够", "到位", "不足", "不力", "不严", "不实", "不深", "仍有", "仍须", "仍然", "有待", "亟待", "亟需",
  "问题", "存在", "方面", "工作", "情况", "现象", "有的", "个别", "部分", "一些", "关于", "针对", "对于", "整改", "加强", "落实", "较大", "突出",
  "不规范", "不高", "主体责任", "发现", "仍未", "至今", "长期", "使用", "效益", "管理",
  // Single characters only where they never start a distinctive word (not 中 of 中央, 对 of 对口).
  "的", "了", "和", "及", "与", "等", "未",
].sort((a, b) => b.length - a.length);
const STOCK_PATTERN = new RegExp(STOCK_WORDS.join("|"), "gu");
const NOT_HAN = /[^\p{Script=Han}]+/gu;

/** The words that tell one problem from another, as segments between removed stock words. */
export function distinctiveSegments(title: string): string[] {
  const withoutNumber = title.replace(LEADING_NUMBERING, "").replace(LEADING_PREPOSITION, "");
  return withoutNumber
    .replace(NOT_HAN, "|")
    .replace(STOCK_PATTERN, "|")
    .split("|")
    .filter((segment) => segment.length > 0);
}

/** The character bigrams of a title's distinctive segments (a lone character counts as one). */
export function signature(title: string): Set<string> {
  const grams = new Set<string>();
  for (const segment of distinctiveSegments(title)) {
    if (segment.length === 1) grams.add(segment);
    for (let i = 0; i + 1 < segment.length; i++) grams.add(segment.slice(i, i + 2));
  }
  return grams;
}

/** Dice coefficient of two signatures: 1 for the same words, 0 for none in common. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function titleSimilarity(a: string, b: string): number {
  return dice(signature(a), signature(b));
}

export interface Scored<T> {
  candidate: T;
  score: number;
}

/**
 * The earlier problems a title most resembles, best first, at or above the threshold.
 * Built once per set of candidates (an inverted index of their bigrams), so an import of
 * hundreds of problems touches only the candidates that share a bigram with each.
 */
export class SimilarityIndex<T extends { title: string }> {
  private readonly sizes: number[];
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly candidates: readonly T[]) {
    this.sizes = candidates.map((candidate, index) => {
      const grams = signature(candidate.title);
      for (const gram of grams) {
        const list = this.postings.get(gram);
        if (list) list.push(index);
        else this.postings.set(gram, [index]);
      }
      return grams.size;
    });
  }

  similarTo(title: string, options: { threshold?: number; limit?: number } = {}): Scored<T>[] {
    const threshold = options.threshold ?? RECURRENCE_THRESHOLD;
    const grams = signature(title);
    if (grams.size === 0) return [];
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const index of this.postings.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const scored: Scored<T>[] = [];
    for (const [index, count] of shared) {
      const score = (2 * count) / (grams.size + this.sizes[index]!);
      if (score >= threshold) scored.push({ candidate: this.candidates[index]!, score });
    }
    // Ties keep the candidates' order (the query gives the most recent round first).
    return scored.sort((a, b) => b.score - a.score).slice(0, options.limit ?? SIMILAR_LIMIT);
  }
}

/** An earlier round's problem like a given one, as the panels and import previews show it. */
export interface SimilarProblem {
  id: number;
  roundId: number;
  roundName: string;
  number: number;
  title: string;
  status: "completed" | "basically_completed" | "incomplete";
  score: number;
  /** What was promised last time: the earlier problem's measures, in order. */
  measures: { id: number; text: string; status: "completed" | "basically_completed" | "incomplete"; deadlineText: string }[];
}

/** A score as the panel shows it: "相似度 72%". */
export function similarityPercent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** A problem of a file about to be imported that resembles earlier rounds' problems. */
export interface ImportRecurrence {
  /** The problem's 序号 in the file. */
  number: number;
  title: string;
  matches: SimilarProblem[];
}
