// 全文检索 across every round: the kinds of item searched, how the user's words become an
// FTS5 query, and the highlighted snippet shown for a hit. Pure: db/queries/search.ts runs
// the SQL, the page and the API render what these functions return.

import { can, visibleRoundIds, visibleUnitIds, type Actor } from "./permissions";

export const SEARCH_KINDS = ["problem", "measure", "progress", "notice", "institution"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  problem: "问题",
  measure: "整改措施",
  progress: "进展",
  notice: "督办单",
  institution: "制度",
};

export const SEARCH_MAX_LENGTH = 100;
/** Words beyond these are ignored: every word is one more condition on every kind. */
export const SEARCH_MAX_TERMS = 5;
/**
 * The trigram tokenizer indexes every run of three characters: a word of three or more
 * matches through the index as a phrase. Many Chinese keywords have two (党建, 公车, 食堂):
 * db/queries/search.ts asks for any of the trigrams they begin; one character goes by LIKE.
 */
export const TRIGRAM = 3;

export interface SearchTerms {
  /** The words as typed, without repeats, in order. */
  words: string[];
  /** An FTS5 MATCH expression of the words the index can answer, or null when none can. */
  match: string | null;
  /** Words too short for a phrase of the index (one or two characters). */
  short: string[];
}

const length = (word: string) => [...word].length;

/**
 * The user's text as search terms. Each word becomes an FTS5 phrase ("…", an inner quote
 * doubled), so quotes, *, NEAR, -, parentheses and the like are searched as the characters
 * they are, never read as query syntax. Words are ANDed.
 */
export function searchTerms(text: string): SearchTerms {
  const words = [...new Set(text.trim().split(/\s+/u).filter(Boolean))].slice(0, SEARCH_MAX_TERMS);
  const long = words.filter((w) => length(w) >= TRIGRAM);
  return {
    words,
    match: long.length ? long.map((w) => `"${w.replaceAll('"', '""')}"`).join(" AND ") : null,
    short: words.filter((w) => length(w) < TRIGRAM),
  };
}

/** LIKE pattern for one word, with %, _ and \ taken literally (used with escape '\'). */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * The part of `text` around the first of `words`, about `width` characters, as plain
 * segments with the words marked: rendered as React elements, so user text is never HTML.
 * Matching ignores ASCII case, as the index and LIKE do.
 */
export function snippetParts(text: string, words: readonly string[], width = 80): SnippetPart[] {
  const flat = text.replace(/\s+/gu, " ").trim();
  const lower = flat.toLowerCase();
  const needles = [...new Set(words.map((w) => w.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const first = Math.min(...needles.map((n) => lower.indexOf(n)).filter((i) => i >= 0), Infinity);
  let start = first === Infinity ? 0 : Math.max(0, first - Math.floor(width / 4));
  let end = Math.min(flat.length, start + width);
  if (end - start < width) start = Math.max(0, end - width);
  // Never cut a surrogate pair in two.
  if (start > 0 && /[\udc00-\udfff]/.test(flat[start]!)) start--;
  if (end < flat.length && /[\ud800-\udbff]/.test(flat[end - 1]!)) end++;
  const parts: SnippetPart[] = [];
  const push = (part: string, mark: boolean) => {
    if (!part) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += part;
    else parts.push({ text: part, mark });
  };
  if (start > 0) push("…", false);
  let i = start;
  while (i < end) {
    const hit = needles.find((n) => lower.startsWith(n, i));
    if (hit) {
      push(flat.slice(i, i + hit.length), true);
      i += hit.length;
    } else {
      push(flat[i]!, false);
      i++;
    }
  }
  if (end < flat.length) push("…", false);
  return parts;
}

/** The snippet as one line of text, marks in 【】: for the CLI and the JSON API. */
export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => (p.mark ? `【${p.text}】` : p.text)).join("");
}

/** What an actor may search; the query applies it in its SQL. */
export interface SearchScope {
  /** Only these rounds (a reviewer's assigned ones); null: every round. */
  roundIds: readonly number[] | null;
  /**
   * Only what these units answer for (a responsible unit's scope): measures they lead or
   * share, the progress on them, problems and institutions through them, notices to the
   * units — in rounds whose plan units may see. Null: every unit.
   */
  unitIds: readonly number[] | null;
  kinds: readonly SearchKind[];
}

/** Everything, for the command line (the operator's own machine) and the bench's reference. */
export const EVERYTHING: SearchScope = { roundIds: null, unitIds: null, kinds: SEARCH_KINDS };

/**
 * The scope of `actor`: the rounds and units search.read allows, and the kinds whose own
 * read permission the actor holds (a reviewer reads no 督办单, as on the notice pages).
 */
export function searchScopeOf(actor: Pick<Actor, "role" | "isAdmin" | "unitScope" | "mustChangePassword" | "reviewRoundIds">): SearchScope {
  if (!can(actor, "search.read")) return { roundIds: [], unitIds: [], kinds: [] };
  return {
    roundIds: visibleRoundIds(actor, "search.read"),
    unitIds: visibleUnitIds(actor, "search.read"),
    kinds: SEARCH_KINDS.filter((kind) => kind !== "notice" || can(actor, "notice.read")),
  };
}
