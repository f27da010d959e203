import path from "node:path";
import type { Command } from "commander";
import { db } from "@/db";
import { backupDatabase, restoreDatabase } from "@/lib/backup";
import { databasePath, evidenceDir } from "@/lib/config";

// `backup` runs beside a live server (SQLite's online backup reads a consistent copy while
// writes continue); `restore` replaces the database of a stopped instance.
export function registerBackupCommands(program: Command, print: (value: unknown) => void): void {
  program
    .command("backup")
    .description("在线备份数据库(服务运行时也可用),证据文件复制到 <file>.evidence/")
    .requiredOption("--out <file>", "备份文件")
    .action(async (options: { out: string }) => {
      const out = path.resolve(options.out);
      print(await backupDatabase({ sqlite: db.$client, out, evidenceFrom: evidenceDir(), evidenceTo: `${out}.evidence` }));
    });

  program
    .command("restore")
    .description("用备份替换数据库(须先停止服务);原数据库改名保留")
    .requiredOption("--from <file>", "备份文件")
    .option("--evidence <dir>", "证据文件目录(默认:<file>.evidence/)")
    .action((options: { from: string; evidence?: string }) => {
      const from = path.resolve(options.from);
      // This process opened the database at start; it must let go before the file is replaced.
      db.$client.close();
      print(
        restoreDatabase({
          from,
          databaseFile: databasePath(),
          evidenceFrom: options.evidence ? path.resolve(options.evidence) : `${from}.evidence`,
          evidenceTo: evidenceDir(),
        }),
      );
    });
}
