import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { db } from "@/db";
import { findRoundByName } from "@/db/queries/rounds";
import { verifyProblems } from "@/lib/archive-manifest";
import { databasePath, evidenceDir } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validations/common";
import { writeArchivePackage } from "@/server/archive-package";
import { verifyArchive } from "@/server/archive-verify";

// 整改资料归档 from the command line: `archive` writes a round's package (the same bytes the
// page builds, read through a connection of its own so the server may keep writing), and
// `verify-archive` re-hashes a package against its manifest.

type Print = (value: unknown) => void;

export function registerArchiveCommands(program: Command, print: Print): void {
  program
    .command("archive")
    .description("生成轮次的归档包(zip:目录、方案、台账、通报、佐证材料、督办单、回头看、建章立制、审计日志、manifest.json)")
    .requiredOption("--round <name>", "轮次名称")
    .requiredOption("--out <file.zip>", "归档包文件(不得已存在)")
    .action(async (options: { round: string; out: string }) => {
      const round = findRoundByName(db, { name: options.round });
      if (!round) throw new AppError("NOT_FOUND", `未找到轮次“${options.round}”`);
      const out = path.resolve(options.out);
      if (fs.existsSync(out)) throw new AppError("CONFLICT", `文件已存在,未覆盖:${out}`);
      const result = await writeArchivePackage({ databaseFile: databasePath(), evidenceDir: evidenceDir(), roundId: round.id, out });
      print({ roundId: result.roundId, out: result.out, files: result.files, bytes: result.bytes, sha256: result.sha256 });
    });

  // The server's archive job runs this in a child process (server/archive-jobs.ts): building
  // a province round's documents is seconds of synchronous work that would stall every other
  // request in the server's thread. One progress line per file, then the result.
  program
    .command("archive-job")
    .description("(服务内部使用)按轮次 id 生成归档包,逐行输出进度")
    .requiredOption("--round-id <id>", "轮次 id")
    .requiredOption("--out <file.zip>", "归档包文件")
    .requiredOption("--now <time>", "生成时间(ISO 8601)")
    .action(async (options: { roundId: string; out: string; now: string }) => {
      const roundId = parseId(options.roundId);
      const now = new Date(options.now);
      if (!roundId || Number.isNaN(now.getTime())) throw new AppError("VALIDATION", "轮次 id 或生成时间无效");
      const result = await writeArchivePackage({ databaseFile: databasePath(), evidenceDir: evidenceDir(), roundId, out: path.resolve(options.out), now, onProgress: (progress) => print({ progress }) });
      print(result);
    });

  program
    .command("verify-archive")
    .description("校验归档包:逐个文件重新计算 SHA-256 并与 manifest.json 比对")
    .argument("<zip>", "归档包文件")
    .action(async (file: string) => {
      const outcome = await verifyArchive(path.resolve(file));
      if (outcome.ok) return print({ ok: true, files: outcome.files });
      print({ ok: false, files: outcome.files, missing: outcome.missing, extra: outcome.extra, altered: outcome.altered, ...(outcome.manifestProblem ? { manifest: outcome.manifestProblem } : {}) });
      for (const line of verifyProblems(outcome)) process.stderr.write(`${line}\n`);
      process.exitCode = 1;
    });
}
