import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { figure, type Figure } from "../report";
import { ensureImportFile, IMPORT_ROWS } from "../import-file";

// Import of a 10,000-row xlsx and export of the largest round's ledger, each in a child
// process (so its time and peak memory are its own), each next to the library alone.

interface ChildResult {
  ms: number;
  maxRssMb: number;
  [key: string]: unknown;
}

const RUNS = 3;

/** Each child RUNS times, interleaved with its reference; the run with the median time counts. */
function medianRun(runs: ChildResult[]): ChildResult {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

function child(script: string, args: string[], env: Record<string, string> = {}): ChildResult {
  const out = execFileSync("node", ["--conditions=react-server", "--import", "tsx", path.join("bench", "children", script), ...args], {
    env: { ...process.env, RECTIFY_REMINDERS: "off", ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult;
}

export async function transferFigures(params: { runDir: string; runDb: string; roundId: number; roundMeasures: number; machine: string }): Promise<Figure[]> {
  const { machine } = params;
  const file = path.join(path.dirname(params.runDir), `import-${IMPORT_ROWS}.xlsx`);
  await ensureImportFile(file);
  const parses: ChildResult[] = [];
  const imports: ChildResult[] = [];
  const floors: ChildResult[] = [];
  const exports: ChildResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Each import into its own fresh database (one office account, one empty round).
    const importDb = path.join(params.runDir, `import-${run}`, "rectify.db");
    fs.rmSync(path.dirname(importDb), { recursive: true, force: true });
    parses.push(child("parse-xlsx.ts", [file]));
    imports.push(child("import-xlsx.ts", [file], { DATABASE_PATH: importDb }));
    if (imports.at(-1)!.measures !== IMPORT_ROWS) throw new Error(`import wrote ${String(imports.at(-1)!.measures)} measures, expected ${IMPORT_ROWS}`);
    floors.push(child("write-xlsx.ts", [String(params.roundId), path.join(params.runDir, "export-floor.xlsx")], { DATABASE_PATH: params.runDb }));
    exports.push(child("export-ledger.ts", [String(params.roundId), path.join(params.runDir, "export.xlsx")], { DATABASE_PATH: params.runDb }));
    if (exports.at(-1)!.rows !== params.roundMeasures) throw new Error(`export wrote ${String(exports.at(-1)!.rows)} rows, expected ${params.roundMeasures}`);
  }
  const [parsed, imported, floor, exported] = [parses, imports, floors, exports].map(medianRun) as [ChildResult, ChildResult, ChildResult, ChildResult];

  return [
    figure({ name: `导入 ${IMPORT_ROWS} 行 xlsx:耗时`, value: imported.ms, unit: "ms", reference: parsed.ms, target: "≤ 2× exceljs 单独解析", met: imported.ms <= 2 * parsed.ms, machine }),
    figure({ name: `导入 ${IMPORT_ROWS} 行 xlsx:峰值内存`, value: imported.maxRssMb, unit: "MB", reference: parsed.maxRssMb, target: "≤ 2× exceljs 单独解析", met: imported.maxRssMb <= 2 * parsed.maxRssMb, machine }),
    figure({ name: `导出最大轮次台账(${params.roundMeasures} 项):耗时`, value: exported.ms, unit: "ms", reference: floor.ms, target: "≤ 2× 同一查询 + exceljs 流式写出", met: exported.ms <= 2 * floor.ms, machine }),
    figure({ name: `导出最大轮次台账(${params.roundMeasures} 项):峰值内存`, value: exported.maxRssMb, unit: "MB", reference: floor.maxRssMb, target: "≤ 1.5× 同一查询 + exceljs 流式写出", met: exported.maxRssMb <= 1.5 * floor.maxRssMb, machine }),
  ];
}
