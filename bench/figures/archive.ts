import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import yauzl from "yauzl";
import { storedPathFor } from "@/server/evidence";
import { figure, type Figure } from "../report";

// The largest round's 整改档案 package (issue 19), each run in a child process so its time
// and peak memory are its own, next to the reference: the same files zipped with no
// database work (the package unpacked, then zipped again the same way). Then the same
// package after the round's evidence has grown eightfold, on a copy of the run's database:
// evidence is streamed into the zip, so the peak memory must not grow with it.

interface ChildResult {
  ms: number;
  maxRssMb: number;
  files: number;
  bytes: number;
}

const RUNS = 3;
/** Evidence rows of the round given files of their own, at a small size and at eight times it. */
const GROWN_FILES = 50;
const SMALL_MB = 1;
const LARGE_MB = 8;

function child(script: string, args: string[], env: Record<string, string> = {}): ChildResult {
  const out = execFileSync("node", ["--conditions=react-server", "--import", "tsx", path.join("bench", "children", script), ...args], {
    env: { ...process.env, RECTIFY_REMINDERS: "off", ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult;
}

const median = (runs: ChildResult[], by: "ms" | "maxRssMb" = "ms") => [...runs].sort((a, b) => a[by] - b[by])[Math.floor(runs.length / 2)]!;

export async function archiveFigures(params: { runDir: string; runDb: string; roundId: number; roundMeasures: number; machine: string }): Promise<Figure[]> {
  const dir = path.join(params.runDir, "archive");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const packages: ChildResult[] = [];
  const references: ChildResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    const out = path.join(dir, `package-${run}.zip`);
    packages.push(child("archive-round.ts", [String(params.roundId), out], { DATABASE_PATH: params.runDb }));
    const unpacked = path.join(dir, `unpacked-${run}`);
    await unzip(out, unpacked);
    references.push(child("zip-files.ts", [unpacked, path.join(dir, `reference-${run}.zip`)]));
    if (references.at(-1)!.files !== packages.at(-1)!.files) throw new Error(`reference zipped ${references.at(-1)!.files} files, the package has ${packages.at(-1)!.files}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const [pkg, ref] = [median(packages), median(references)];
  const label = `最大轮次归档包(${params.roundMeasures} 项措施,${pkg.files} 个文件,${(pkg.bytes / 1024 / 1024).toFixed(1)} MB)`;
  const grown = grownEvidence(params);
  return [
    figure({ name: `${label}:耗时`, value: pkg.ms, unit: "ms", reference: ref.ms, referenceLabel: "同样的文件直接压缩(无数据库读取)", target: "≤ 60000 ms(省级最大轮次一分钟内打包完)", met: pkg.ms <= 60_000, machine: params.machine }),
    figure({ name: `${label}:峰值内存`, value: pkg.maxRssMb, unit: "MB", reference: ref.maxRssMb, referenceLabel: "同样的文件直接压缩(无数据库读取)", target: "≤ 400 MB(佐证材料流式写入,内存不随文件多少增长)", met: pkg.maxRssMb <= 400, machine: params.machine }),
    figure({
      name: `最大轮次归档包:${GROWN_FILES} 份佐证材料共 ${GROWN_FILES * LARGE_MB} MB 时峰值内存`,
      value: grown.large.maxRssMb,
      unit: "MB",
      reference: grown.small.maxRssMb,
      referenceLabel: `同一轮次,这些佐证材料共 ${GROWN_FILES * SMALL_MB} MB 时`,
      target: `≤ 1.5×(佐证材料增长 ${LARGE_MB / SMALL_MB} 倍,峰值内存增长不超过 1.5 倍)`,
      met: grown.large.maxRssMb <= 1.5 * grown.small.maxRssMb,
      machine: params.machine,
    }),
  ];
}

/**
 * The package of the round on a copy of the run's database whose first GROWN_FILES evidence
 * rows of the round point at random files of their own (stored by hash, as uploads are), at
 * SMALL_MB and then LARGE_MB each: the same rows and files, only their bytes grow.
 */
function grownEvidence(params: { runDir: string; runDb: string; roundId: number }): { small: ChildResult; large: ChildResult } {
  const dir = path.join(params.runDir, "grown-evidence");
  const dbFile = path.join(dir, "rectify.db");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    const source = new Database(params.runDb);
    source.pragma("wal_checkpoint(TRUNCATE)");
    source.close();
    fs.copyFileSync(params.runDb, dbFile);
    fs.cpSync(path.join(params.runDir, "evidence"), path.join(dir, "evidence"), { recursive: true });
    const measure = (mb: number) => {
      const bytes = giveEvidenceFiles({ dbFile, roundId: params.roundId, count: GROWN_FILES, bytesEach: mb * 1024 * 1024 });
      const runs: ChildResult[] = [];
      for (let run = 0; run < RUNS; run++) {
        const out = path.join(dir, "package.zip");
        runs.push(child("archive-round.ts", [String(params.roundId), out], { DATABASE_PATH: dbFile }));
        fs.rmSync(out);
        if (runs.at(-1)!.bytes < bytes) throw new Error(`the package holds ${runs.at(-1)!.bytes} bytes, less than the ${bytes} of its evidence`);
      }
      return median(runs, "maxRssMb");
    };
    return { small: measure(SMALL_MB), large: measure(LARGE_MB) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes `count` random evidence files of `bytesEach` into the copy's store and points the round's first evidence rows at them. */
function giveEvidenceFiles(params: { dbFile: string; roundId: number; count: number; bytesEach: number }): number {
  const db = new Database(params.dbFile);
  try {
    const ids = db
      .prepare(
        `select e.id from evidence_files e join progress_reports r on r.id = e.progress_report_id
         join measures m on m.id = r.measure_id where m.round_id = ? order by e.id limit ?`,
      )
      .pluck()
      .all(params.roundId, params.count) as number[];
    if (ids.length < params.count) throw new Error(`the round has ${ids.length} evidence files, ${params.count} needed`);
    const store = path.join(path.dirname(params.dbFile), "evidence");
    const update = db.prepare("update evidence_files set size = ?, sha256 = ?, stored_path = ? where id = ?");
    for (const id of ids) {
      const old = db.prepare("select stored_path from evidence_files where id = ?").pluck().get(id) as string;
      const data = randomBytes(params.bytesEach);
      const sha256 = createHash("sha256").update(data).digest("hex");
      const stored = storedPathFor(sha256);
      fs.mkdirSync(path.join(store, path.dirname(stored)), { recursive: true });
      fs.writeFileSync(path.join(store, stored), data);
      update.run(data.length, sha256, stored, id);
      // The previous size's file, once no row points at it (the samples stay: other rows share them).
      if (!db.prepare("select 1 from evidence_files where stored_path = ?").get(old)) fs.rmSync(path.join(store, old), { force: true });
    }
    return params.count * params.bytesEach;
  } finally {
    db.close();
  }
}

/** Unpacks a zip into `dir`, one entry at a time (the bench must not need an unzip binary). */
async function unzip(file: string, dir: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (error, z) => (error || !z ? reject(error ?? new Error(file)) : resolve(z))));
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      const target = path.join(dir, entry.fileName);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error(entry.fileName));
        pipeline(stream, fs.createWriteStream(target)).then(() => zip.readEntry(), reject);
      });
    });
    zip.readEntry();
  });
}
