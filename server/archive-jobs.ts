import "server-only";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { db } from "@/db";
import { buildingPackage, failInterruptedPackages, finishArchivePackage, getArchivePackage, insertArchivePackage, recordArchiveDownload } from "@/db/queries/archives";
import { getRound } from "@/db/queries/rounds";
import { dateOf } from "@/lib/archive-documents";
import { safeSegment } from "@/lib/archive-names";
import { dataDir } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { ArchiveProgress, ArchiveResult } from "@/server/archive-package";

// Archive packages built beside the server, in the background: the request that asks for
// one returns at once, a child process builds it file by file and reports each file, and
// the page polls that progress. Progress lives in this process's memory only — a build does
// not survive a restart; the server marks such rows failed when it starts.

const globalJobs = globalThis as unknown as { rectifyArchiveProgress?: Map<number, ArchiveProgress> };
const progress = (globalJobs.rectifyArchiveProgress ??= new Map<number, ArchiveProgress>());

export function archivesDir(): string {
  return path.join(dataDir(), "archives");
}

export function packagePath(id: number): string {
  return path.join(archivesDir(), `${id}.zip`);
}

export function archiveProgress(id: number): ArchiveProgress | undefined {
  return progress.get(id);
}

/** Starts building a package of an archived round; answers with its row while it builds. */
export function startArchivePackage(actor: Actor, roundId: number, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const created = db.transaction((tx) => {
    const round = getRound(tx, { id: roundId });
    if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
    if (!round.archivedAt) throw new AppError("CONFLICT", "请先归档该轮次,再生成归档包");
    if (buildingPackage(tx, { roundId })) throw new AppError("CONFLICT", "该轮次的归档包正在生成,请等待完成");
    const fileName = `${safeSegment(round.name)}-整改档案-${dateOf(now.getTime())}.zip`;
    return insertArchivePackage(tx, { actorId: actor.id, roundId, fileName });
  });
  progress.set(created.id, { done: 0, total: 0 });
  const build = buildInChild({ roundId, out: packagePath(created.id), now, onProgress: (p) => progress.set(created.id, p) });
  const finished = build.then(
    (result) =>
      db.transaction((tx) =>
        finishArchivePackage(tx, {
          id: created.id,
          actorId: actor.id,
          state: "ready",
          files: result.files,
          bytes: result.bytes,
          sha256: result.sha256,
          manifestSha256: result.manifestSha256,
          ledgerChecksum: result.ledgerChecksum,
        }),
      ),
    (error: unknown) => {
      const message = error instanceof AppError ? error.message : "生成归档包时出错,请重试或联系管理员";
      if (!(error instanceof AppError)) console.error("[rectify] 归档包生成失败", error);
      db.transaction((tx) => finishArchivePackage(tx, { id: created.id, actorId: actor.id, state: "failed", error: message }));
    },
  );
  void finished.finally(() => progress.delete(created.id));
  return { package: created, finished };
}

/** The child's niceness (0 normal, 19 lowest). */
const BACKGROUND_PRIORITY = 10;

/**
 * The package built by `cli archive-job` in a child process, as the reminder job runs: a
 * province round's documents (the ledger workbook, the 通报's docx, the index) are seconds
 * of synchronous work, which in the server's own thread would hold up every other request.
 * The child prints a line per file; its last line is the result.
 */
function buildInChild(params: { roundId: number; out: string; now: Date; onProgress: (p: ArchiveProgress) => void }): Promise<ArchiveResult> {
  const args = ["archive-job", "--round-id", String(params.roundId), "--out", params.out, "--now", params.now.toISOString()];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/entry.ts", ...args], {
      cwd: process.cwd(),
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Background work: the scheduler serves the server's requests first when cores are short.
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, BACKGROUND_PRIORITY);
    } catch {
      // not allowed here (some containers): the build still runs, at normal priority
    }
    let result: ArchiveResult | undefined;
    let err = "";
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      let value: { progress: ArchiveProgress } | ArchiveResult;
      try {
        value = JSON.parse(line) as typeof value;
      } catch {
        return; // not one of the command's lines
      }
      if ("progress" in value) params.onProgress(value.progress);
      else result = value;
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && result) return resolve(result);
      // An expected failure (an evidence file missing) comes as the CLI's one Chinese line.
      const said = /^错误:(.+)$/m.exec(err)?.[1];
      reject(said && said !== "命令执行失败" ? new AppError("CONFLICT", said) : new Error(`archive-job exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

/** A ready package's file, with its audit row written before a byte is handed out. */
export function openArchiveDownload(actor: Actor, id: number, roundId: number) {
  const row = getArchivePackage(db, { id });
  if (!row || row.roundId !== roundId) throw new AppError("NOT_FOUND", "未找到该归档包");
  if (row.state !== "ready") throw new AppError("CONFLICT", row.state === "building" ? "归档包还在生成,请稍候" : "该归档包生成失败,请重新生成");
  const file = packagePath(id);
  if (!fs.existsSync(file)) throw new AppError("NOT_FOUND", "归档包文件已不在服务器上,请重新生成");
  db.transaction((tx) => recordArchiveDownload(tx, { actorId: actor.id, id, roundId, sha256: row.sha256 }));
  return { row, file };
}

/** At start: builds a stopped server left behind are failed (and their partial files removed). */
export function failInterruptedArchives(): number {
  const failed = db.transaction((tx) => failInterruptedPackages(tx));
  if (fs.existsSync(archivesDir())) {
    for (const name of fs.readdirSync(archivesDir())) if (name.endsWith(".partial")) fs.rmSync(path.join(archivesDir(), name), { force: true });
  }
  return failed;
}
