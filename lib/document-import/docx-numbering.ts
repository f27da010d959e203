// Word's automatic list numbering, made visible. An office's outline ("一、" "(一)" "1.")
// is often Word numbering, not typed text: the numbers live in numbering.xml and only
// Word computes them, so mammoth's text has none. Here we compute them the way Word
// does and write each one at the start of its paragraph in document.xml, before mammoth
// reads the text — after that the outline parser sees what the office saw on screen.

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

interface Level {
  start: number;
  format: string;
  text: string;
}

interface NumDefinition {
  abstractId: string;
  levels: Map<number, Level>;
  /** A w:num with startOverride restarts its own count; others share their abstract list's. */
  restarts: boolean;
}

export interface Numbering {
  nums: Map<string, NumDefinition>;
  /** Paragraph style → its numbering (Heading 1 numbered "一、" through the style). */
  styles: Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>;
  /** Level index whose w:pStyle names the style, per abstract numbering. */
  levelOfStyle: Map<string, number>;
}

const children = (element: Element | undefined | null, name: string): Element[] =>
  element ? Array.from(element.getElementsByTagName(name)).filter((child) => child.parentNode === element) : [];
const child = (element: Element | undefined | null, name: string) => children(element, name)[0];
const val = (element: Element | undefined | null) => element?.getAttribute("w:val") ?? null;

export function readNumbering(numberingXml: Document | null, stylesXml: Document | null): Numbering {
  const abstracts = new Map<string, { levels: Map<number, Level>; styleLink: string | null }>();
  const levelOfStyle = new Map<string, number>();
  const nums = new Map<string, NumDefinition>();
  const root = numberingXml?.documentElement;
  for (const abstract of children(root, "w:abstractNum")) {
    const id = abstract.getAttribute("w:abstractNumId") ?? "";
    const levels = new Map<number, Level>();
    for (const lvl of children(abstract, "w:lvl")) {
      const ilvl = Number(lvl.getAttribute("w:ilvl") ?? 0);
      levels.set(ilvl, readLevel(lvl));
      const style = val(child(lvl, "w:pStyle"));
      if (style) levelOfStyle.set(style, ilvl);
    }
    abstracts.set(id, { levels, styleLink: val(child(abstract, "w:numStyleLink")) });
  }
  const styles = readStyles(stylesXml);
  const numsById = new Map(children(root, "w:num").map((num) => [num.getAttribute("w:numId") ?? "", num] as const));
  const resolveAbstract = (abstractId: string, seen = new Set<string>()): string => {
    // A list style (w:numStyleLink) points through a style to another w:num's abstract list.
    const link = abstracts.get(abstractId)?.styleLink;
    const linkedNum = link ? styles.get(link)?.numId : null;
    const linked = linkedNum ? val(child(numsById.get(linkedNum), "w:abstractNumId")) : null;
    if (!linked || seen.has(linked)) return abstractId;
    return resolveAbstract(linked, seen.add(abstractId));
  };
  for (const [numId, num] of numsById) {
    const abstractId = resolveAbstract(val(child(num, "w:abstractNumId")) ?? "");
    const levels = new Map(abstracts.get(abstractId)?.levels ?? []);
    let restarts = false;
    for (const override of children(num, "w:lvlOverride")) {
      const ilvl = Number(override.getAttribute("w:ilvl") ?? 0);
      const redefined = child(override, "w:lvl");
      const base = redefined ? readLevel(redefined) : levels.get(ilvl);
      const start = val(child(override, "w:startOverride"));
      if (start !== null) restarts = true;
      if (base) levels.set(ilvl, start !== null ? { ...base, start: Number(start) } : base);
    }
    nums.set(numId, { abstractId, levels, restarts });
  }
  return { nums, styles, levelOfStyle };
}

function readLevel(lvl: Element): Level {
  return {
    start: Number(val(child(lvl, "w:start")) ?? 1),
    format: val(child(lvl, "w:numFmt")) ?? "decimal",
    text: val(child(lvl, "w:lvlText")) ?? "",
  };
}

function readStyles(stylesXml: Document | null): Numbering["styles"] {
  const styles: Numbering["styles"] = new Map();
  for (const style of children(stylesXml?.documentElement, "w:style")) {
    const numPr = child(child(style, "w:pPr"), "w:numPr");
    const ilvl = val(child(numPr, "w:ilvl"));
    styles.set(style.getAttribute("w:styleId") ?? "", {
      numId: val(child(numPr, "w:numId")),
      ilvl: ilvl === null ? null : Number(ilvl),
      basedOn: val(child(style, "w:basedOn")),
    });
  }
  return styles;
}

/** The paragraph's list and level: its own w:numPr, else its style's (through w:basedOn). */
function listOf(paragraph: Element, numbering: Numbering): { numId: string; ilvl: number } | null {
  const pPr = child(paragraph, "w:pPr");
  const numPr = child(pPr, "w:numPr");
  let numId = val(child(numPr, "w:numId"));
  let ilvl: number | null = numPr ? Number(val(child(numPr, "w:ilvl")) ?? 0) : null;
  if (numId === null) {
    let styleId = val(child(pPr, "w:pStyle"));
    for (let depth = 0; styleId && numId === null && depth < 10; depth++) {
      const style = numbering.styles.get(styleId);
      numId = style?.numId ?? null;
      ilvl ??= style?.ilvl ?? (numId !== null ? (numbering.levelOfStyle.get(styleId) ?? 0) : null);
      styleId = style?.basedOn ?? null;
    }
  }
  if (numId === null || numId === "0" || !numbering.nums.has(numId)) return null;
  return { numId, ilvl: ilvl ?? 0 };
}

/**
 * Writes each numbered paragraph's marker ("一、", "(二)", "3.") as text at its start.
 * Bullets carry no number and are left alone. Returns how many markers were written.
 */
export function writeListMarkers(document: Document, numbering: Numbering): number {
  const counters = new Map<string, number[]>();
  let written = 0;
  for (const paragraph of Array.from(document.getElementsByTagName("w:p"))) {
    // Text boxes appear twice (mc:Choice and mc:Fallback); mammoth reads the fallback.
    if (hasAncestor(paragraph, "mc:Choice")) continue;
    const list = listOf(paragraph, numbering);
    if (!list) continue;
    const num = numbering.nums.get(list.numId)!;
    const level = num.levels.get(list.ilvl);
    if (!level || level.format === "bullet" || level.format === "none") continue;
    const key = num.restarts ? `num:${list.numId}` : `abstract:${num.abstractId}`;
    const counts = counters.get(key) ?? [];
    counts[list.ilvl] = counts[list.ilvl] === undefined ? level.start : counts[list.ilvl]! + 1;
    counts.length = list.ilvl + 1; // a higher level restarts the ones below it
    counters.set(key, counts);
    const marker = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const index = Number(n) - 1;
      const shown = num.levels.get(index);
      return formatNumber(counts[index] ?? shown?.start ?? 1, index === list.ilvl ? level.format : (shown?.format ?? "decimal"));
    });
    if (marker.trim() === "") continue;
    insertText(document, paragraph, marker);
    written += 1;
  }
  return written;
}

function hasAncestor(element: Element, tagName: string): boolean {
  // parentNode, not parentElement: xmldom has only the former.
  for (let node = element.parentNode as Element | null; node; node = node.parentNode as Element | null) {
    if (node.tagName === tagName) return true;
  }
  return false;
}

function insertText(document: Document, paragraph: Element, text: string): void {
  const run = document.createElementNS(W_NS, "w:r");
  const t = document.createElementNS(W_NS, "w:t");
  t.setAttribute("xml:space", "preserve");
  t.appendChild(document.createTextNode(text));
  run.appendChild(t);
  const pPr = child(paragraph, "w:pPr");
  const first = Array.from(paragraph.childNodes).find((node) => node !== pPr && node.nodeType === 1) ?? null;
  paragraph.insertBefore(run, first);
}

const CN_DIGITS = "零一二三四五六七八九";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
const FULL_STOPPED = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛";

/** 17 → "十七" (chineseCounting), "17" (decimal), "⑰" (decimalEnclosedCircle) …, as Word shows it. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "ideographDigital":
      return chineseCounting(n, CN_DIGITS, "十百");
    case "chineseLegalSimplified":
      return chineseCounting(n, LEGAL_DIGITS, "拾佰");
    case "ideographTraditional":
      return HEAVENLY_STEMS[n - 1] ?? String(n);
    case "ideographZodiac":
      return EARTHLY_BRANCHES[n - 1] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
    case "ideographEnclosedCircle":
      return CIRCLED[n - 1] ?? `(${n})`;
    case "decimalEnclosedParen":
      return PARENTHESISED[n - 1] ?? `(${n})`;
    case "decimalEnclosedFullstop":
      return FULL_STOPPED[n - 1] ?? `${n}.`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "upperLetter":
    case "lowerLetter": {
      // A, B … Z, AA, BB …: Word repeats the letter.
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === "upperLetter" ? letter : letter.toLowerCase();
    }
    case "upperRoman":
    case "lowerRoman":
      return format === "upperRoman" ? roman(n) : roman(n).toLowerCase();
    default:
      return String(n);
  }
}

function chineseCounting(n: number, digits: string, units: string): string {
  const [ten, hundred] = [units[0]!, units[1]!];
  if (n <= 0 || n >= 1000) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return ten + (n % 10 ? digits[n % 10] : "");
  if (n < 100) return digits[Math.floor(n / 10)]! + ten + (n % 10 ? digits[n % 10] : "");
  const rest = n % 100;
  const tail = rest === 0 ? "" : rest < 10 ? digits[0]! + digits[rest]! : (rest < 20 ? digits[1]! : "") + chineseCounting(rest, digits, units);
  return digits[Math.floor(n / 100)]! + hundred + tail;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = n;
  let out = "";
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
