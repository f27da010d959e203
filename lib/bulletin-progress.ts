// The words a unit reported, made fit for the 通报. Units and imports write progress the way
// a ledger holds it: a report imported from a published 通报 carries the whole "整改情况:一是…
// 二是…" that the measures were cut from, and a unit's report often ends with what it will do
// next. In the 通报 the measure text is already printed, and the next step has its own line
// (下一步措施), so neither may be printed twice. Pure, so the report builder and its tests share it.

const ORDINAL = /^(?:[一二三四五六七八九十]+是|[((][一二三四五六七八九十\d]+[))]|[一二三四五六七八九十\d]+[、.．])/u;
const LABEL = /^(?:整改情况|整改进展|有关情况说明|情况说明)[::]/u;

/** Letters and digits only: what a sentence says, whatever its punctuation and spacing. */
function normalised(text: string): string {
  return text.replace(/[\p{P}\p{S}\s]/gu, "");
}

/** Sentences, each with its closing mark; "一是…" items start a new one even after a comma. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。;;!?!?\n])|(?<=[,,::])(?=[一二三四五六七八九十]+是)/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

// "下一步" opens the next step only at the start of a sentence and when followed by what a
// plan says ("下一步,…" "下一步将…" "下一步措施:…"); "为下一步监管提供数据" is not one.
const NEXT_STEP = /(?:^|[。;;!?!?\n])\s*下一步(?:工作)?(?:措施|计划|打算|安排)?\s*(?:[::,,]\s*|(?=将|要|继续|持续))/u;

/** The text after the unit's "下一步…" marker, or null when it names no next step. */
export function nextStepOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = NEXT_STEP.exec(text);
  if (!match) return null;
  const rest = text
    .slice(match.index + match[0].length)
    .trim()
    .replace(/^(?:我们|我单位|我局)?将/u, "")
    .trim();
  return rest || null;
}

/** The text before the unit's "下一步…" marker: what has been done. */
export function withoutNextStep(text: string): string {
  const match = NEXT_STEP.exec(text);
  if (!match) return text.trim();
  // Keep the mark that ended the last sentence before the marker.
  const cut = match[0].match(/^[。;;!?!?\n]/u) ? match.index + 1 : match.index;
  return text.slice(0, cut).trim();
}

/**
 * The progress without the sentences that only repeat the measures' own text (after
 * dropping punctuation and "一是"/"(1)" ordinals): an imported 整改情况 is often the measure
 * list again. What is left is what the unit added; an empty string when nothing is.
 */
export function withoutRepeats(progress: string, measureTexts: readonly string[]): string {
  const measures = measureTexts.map(normalised).filter(Boolean);
  return sentences(progress)
    .map((s) => s.replace(LABEL, "").trim())
    .filter((s) => {
      const bare = normalised(s.replace(ORDINAL, ""));
      return bare.length > 0 && !measures.some((m) => m.includes(bare));
    })
    .join("");
}

/** The progress as the 通报 prints it next to its measure: no repeats, no next step, no labels. */
export function reportedProgress(progress: string | null | undefined, measureTexts: readonly string[]): string {
  if (!progress?.trim()) return "";
  return withoutRepeats(withoutNextStep(progress), measureTexts);
}
