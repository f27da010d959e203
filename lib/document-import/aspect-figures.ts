import { chineseNumber } from "./outline";

// Figures a report states per aspect: "本方面6个问题,已完成5个,未完成1个" under an aspect's
// heading, or "其中,第一方面6个问题已完成5个、基本完成1个;第二方面…" in the preamble. They
// let the self-check say in which aspect a parse differs from the document.

export interface AspectFigures {
  problems: number | null;
  completed: number | null;
  basicallyCompleted: number | null;
  incomplete: number | null;
}

const NUM = "([0-9０-９]+|[一二三四五六七八九十百两]+)";
const COUNT = (word: string) => new RegExp(`${word}${NUM}个`);
const PROBLEMS = new RegExp(`^${NUM}个(?:具体)?问题`);

function number(text: string | undefined): number | null {
  if (!text) return null;
  return chineseNumber(text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}

/** The figures in one clause that begins with "N个问题". */
function clauseFigures(clause: string): AspectFigures | null {
  const total = PROBLEMS.exec(clause);
  if (!total) return null;
  return {
    problems: number(total[1]),
    completed: number(COUNT("已(?:完成|整改完成|完成整改)").exec(clause)?.[1]),
    basicallyCompleted: number(COUNT("基本完成").exec(clause)?.[1]),
    incomplete: number(COUNT("(?:未完成|正在整改|尚未完成)").exec(clause)?.[1]),
  };
}

/** "本方面6个问题,已完成5个…" in the paragraphs under an aspect's heading, or null. */
export function figuresUnderAspect(paragraphs: readonly string[]): AspectFigures | null {
  for (const paragraph of paragraphs) {
    const at = paragraph.search(/本方面(?:共)?/);
    if (at < 0) continue;
    const figures = clauseFigures(paragraph.slice(at).replace(/^本方面(?:共)?/, "").split(/[。;；]/)[0] ?? "");
    if (figures) return figures;
  }
  return null;
}

/** "第一方面6个问题已完成5个、基本完成1个;第二方面…" anywhere in the text: aspect number → figures. */
export function figuresByAspectNumber(paragraphs: readonly string[]): Map<number, AspectFigures> {
  const found = new Map<number, AspectFigures>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(new RegExp(`第${NUM}(?:个)?方面(?:共|有)?`, "g"))) {
      const index = number(match[1]);
      if (index === null || found.has(index)) continue;
      const clause = paragraph.slice(match.index + match[0].length).split(/[。;；]/)[0] ?? "";
      const figures = clauseFigures(clause);
      if (figures) found.set(index, figures);
    }
  }
  return found;
}
