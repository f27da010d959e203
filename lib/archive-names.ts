// Names inside a 整改档案 zip: readable Chinese, safe to unpack anywhere (no path
// traversal, no characters Windows refuses, no two entries with one name).

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const MAX_NAME = 120;

/** One path segment from any text: unsafe characters replaced, dots-only and empty refused. */
export function safeSegment(text: string, fallback = "未命名"): string {
  let name = text.normalize("NFC").replace(UNSAFE, "_").replace(/\s+/g, " ").trim();
  name = name.replace(/^\.+/, "").replace(/[. ]+$/, "");
  if ([...name].length > MAX_NAME) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = [...name.slice(0, name.length - ext.length)].slice(0, MAX_NAME - ext.length).join("") + ext;
  }
  return name || fallback;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "问题03-措施2": the evidence folder of a measure, by the problem's number and the measure's place. */
export function evidenceFolder(problemNumber: number, measurePosition: number): string {
  return `问题${pad(problemNumber)}-措施${measurePosition}`;
}

/**
 * Hands out unique paths: a second "报告.pdf" in one folder becomes "报告(2).pdf". Paths
 * are compared without case, as Windows and macOS unpack them.
 */
export class UniquePaths {
  private readonly taken = new Set<string>();

  claim(folder: string, fileName: string): string {
    const segments = folder.split("/").filter(Boolean).map((s) => safeSegment(s));
    const name = safeSegment(fileName, "文件");
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    for (let n = 1; ; n++) {
      const candidate = [...segments, n === 1 ? name : `${stem}(${n})${ext}`].join("/");
      const key = candidate.toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}

/** A zip entry name from an unknown package, judged before anything is done with it. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.startsWith("/") || name.includes("\\") || /^[a-zA-Z]:/.test(name)) return false;
  return name.split("/").every((segment, i, all) => segment !== ".." && segment !== "." && (segment !== "" || i === all.length - 1));
}
