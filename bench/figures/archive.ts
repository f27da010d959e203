import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { figure, type Figure } from "../report";

// The largest round's 整改档案 package (issue 19), each run in a child process so its time
// and peak memory are its own, next to the reference: the same files zipped with no
// database work (the package unpacked, then zipped again the same way).

interface ChildResult {
  ms: number;
  maxRssMb: number;
  files: number;
  bytes: number;
}

const RUNS = 3;

function child(script: string, args: string[], env: Record<string, string> = {}): ChildResult {
  const out = execFileSync("node", ["--conditions=react-server", "--import", "tsx", path.join("bench", "children", script), ...args], {
    env: { ...process.env, RECTIFY_REMINDERS: "off", ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult;
}

const median = (runs: ChildResult[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;

export function archiveFigures(params: { runDir: string; runDb: string; roundId: number; roundMeasures: number; machine: string }): Figure[] {
  const dir = path.join(params.runDir, "archive");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const packages: ChildResult[] = [];
  const references: ChildResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    const out = path.join(dir, `package-${run}.zip`);
    packages.push(child("archive-round.ts", [String(params.roundId), out], { DATABASE_PATH: params.runDb }));
    const unpacked = path.join(dir, `unpacked-${run}`);
    execFileSync("unzip", ["-q", out, "-d", unpacked]);
    references.push(child("zip-files.ts", [unpacked, path.join(dir, `reference-${run}.zip`)]));
    if (references.at(-1)!.files !== packages.at(-1)!.files) throw new Error(`reference zipped ${references.at(-1)!.files} files, the package has ${packages.at(-1)!.files}`);
  }
  const [pkg, ref] = [median(packages), median(references)];
  const label = `最大轮次归档包(${params.roundMeasures} 项措施,${pkg.files} 个文件,${(pkg.bytes / 1024 / 1024).toFixed(1)} MB)`;
  return [
    figure({ name: `${label}:耗时`, value: pkg.ms, unit: "ms", reference: ref.ms, referenceLabel: "同样的文件直接压缩(无数据库读取)", target: "≤ 60000 ms(省级最大轮次一分钟内打包完)", met: pkg.ms <= 60_000, machine: params.machine }),
    figure({ name: `${label}:峰值内存`, value: pkg.maxRssMb, unit: "MB", reference: ref.maxRssMb, referenceLabel: "同样的文件直接压缩(无数据库读取)", target: "≤ 400 MB(佐证材料流式写入,内存不随文件多少增长)", met: pkg.maxRssMb <= 400, machine: params.machine }),
  ];
}
