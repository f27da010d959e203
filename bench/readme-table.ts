import fs from "node:fs";
import type { Figure } from "./report";

// README's performance table is written by the bench from the figures it just measured,
// between two markers, so that no number in it is copied by hand. A vitest check
// (readme-table.test.ts) keeps README and bench/results.json the same.

export const TABLE_START = "<!-- bench-table:start -->";
export const TABLE_END = "<!-- bench-table:end -->";

const cell = (text: string) => text.replaceAll("|", "\\|");

function amount(value: number, unit: string): string {
  return unit === "次" || unit === "条" ? `${value} ${unit}` : `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${unit}`;
}

/** The table (with the date and machine it was measured on) for a run's figures. */
export function readmeTable(figures: readonly Figure[]): string {
  const first = figures[0];
  const when = first ? first.measuredAt.slice(0, 10) : "—";
  const met = figures.filter((f) => f.met).length;
  const lines = [
    `测量于 ${when},${first?.machine ?? "—"};${met}/${figures.length} 项达标。`,
    "",
    "| 项目 | 数值 | 参照 | 比值 | 目标 | 达标 |",
    "|---|---|---|---|---|---|",
    ...figures.map((f) => {
      const reference = f.reference === null ? "—" : `${amount(f.reference, f.unit)}${f.referenceLabel ? `(${f.referenceLabel})` : ""}`;
      const ratio = f.ratio === null ? "—" : `${f.ratio}×`;
      return `| ${[f.name, amount(f.value, f.unit), reference, ratio, f.target, f.met ? "✓" : "✗"].map(cell).join(" | ")} |`;
    }),
  ];
  return lines.join("\n");
}

/** README with the text between the markers replaced by this run's table. */
export function withReadmeTable(readme: string, figures: readonly Figure[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${TABLE_START} … ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${readmeTable(figures)}\n${readme.slice(end)}`;
}

export function writeReadmeTable(file: string, figures: readonly Figure[]): void {
  fs.writeFileSync(file, withReadmeTable(fs.readFileSync(file, "utf8"), figures));
}
