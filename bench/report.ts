import fs from "node:fs";
import path from "node:path";

// bench/results.json as issue 6 specifies it (one object per figure) and the table the
// bench prints. A figure's `met` is computed from its numbers, never written by hand.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same thing done by the reference (raw SQL, the bare framework, the bare library). */
  reference: number | null;
  /** What the reference is, for the README's table: always a different measurement. */
  referenceLabel?: string;
  ratio: number | null;
  target: string;
  met: boolean;
  measuredAt: string;
  machine: string;
}

export function figure(params: Omit<Figure, "ratio" | "measuredAt" | "machine"> & { machine: string }): Figure {
  const ratio = params.reference ? Math.round((params.value / params.reference) * 100) / 100 : null;
  return {
    name: params.name,
    value: Math.round(params.value * 100) / 100,
    unit: params.unit,
    reference: params.reference === null ? null : Math.round(params.reference * 100) / 100,
    ...(params.referenceLabel ? { referenceLabel: params.referenceLabel } : {}),
    ratio,
    target: params.target,
    met: params.met,
    measuredAt: new Date().toISOString(),
    machine: params.machine,
  };
}

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [f.name, `${f.value} ${f.unit}`, f.reference === null ? "—" : `${f.reference} ${f.unit}`, f.ratio === null ? "—" : `${f.ratio}×`, f.target, f.met ? "✓" : "✗"]);
  const header = ["figure", "value", "reference", "ratio", "target", "met"];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

export function writeResults(file: string, figures: readonly Figure[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
