import path from "node:path";
import Database from "better-sqlite3";
import type { Command } from "commander";
import { backupDatabase, restoreDatabase } from "@/server/jobs/backup";
import { databasePath, evidenceDir } from "@/lib/config";
import { AppError } from "@/lib/errors";

// Neither command opens the app's database client (`@/db`), which would migrate the file
// first: `backup` reads the live database through a connection of its own, and `restore`
// (routed here by cli/entry.ts before anything else loads) must find the database it
// replaces untouched, even one a newer version wrote.

type Print = (value: unknown) => void;

export function registerBackupCommand(program: Command, print: Print): void {
  program
    .command("backup")
    .description("在线备份数据库(服务运行、写入不断时也可用),证据文件复制到 <file>.evidence/")
    .requiredOption("--out <file>", "备份文件")
    .action(async (options: { out: string }) => {
      const out = path.resolve(options.out);
      let sqlite: Database.Database;
      try {
        sqlite = new Database(databasePath(), { readonly: true, fileMustExist: true });
      } catch {
        throw new AppError("NOT_FOUND", `数据库不存在:${databasePath()}`);
      }
      try {
        const evidenceTo = `${out}.evidence`;
        print(await backupDatabase({ sqlite, writerConnection: false, out, evidenceFrom: evidenceDir(), evidenceTo, checksum: true }));
      } finally {
        sqlite.close();
      }
    });
}

export function registerRestoreCommand(program: Command, print: Print): void {
  program
    .command("restore")
    .description("用备份替换数据库(须先停止服务);原数据库改名保留")
    .requiredOption("--from <file>", "备份文件")
    .option("--evidence <dir>", "证据文件目录(默认:<file>.evidence/)")
    .action(async (options: { from: string; evidence?: string }) => {
      const from = path.resolve(options.from);
      print(
        await restoreDatabase({
          from,
          databaseFile: databasePath(),
          evidenceFrom: options.evidence ? path.resolve(options.evidence) : `${from}.evidence`,
          evidenceTo: evidenceDir(),
        }),
      );
    });
}
