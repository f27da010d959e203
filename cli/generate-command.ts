import path from "node:path";
import type { Command } from "commander";
import { databasePath } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { generateDatabase } from "@/cli/generate/generate";
import { isScaleName, SCALES } from "@/cli/generate/scales";
import { isoDate } from "@/lib/validations/common";

// `npm run cli -- generate --scale province|city|small --out <file> [--force]`: a realistic
// database for load tests and demos (cli/generate). Prints one JSON line: its own time, the
// file size and the row count of every table.

export function registerGenerateCommand(program: Command): void {
  program
    .command("generate")
    .description("生成一个指定规模的模拟数据库(用于压测和演示)")
    .requiredOption("--scale <scale>", `规模:${Object.keys(SCALES).join("|")}`)
    .requiredOption("--out <file>", "输出的数据库文件")
    .option("--force", "覆盖已存在的文件")
    .option("--today <date>", "数据的“今天” YYYY-MM-DD(默认:今天)")
    .option("--seed <n>", "随机种子(同一种子生成同样的数据)")
    .action(async (options: { scale: string; out: string; force?: boolean; today?: string; seed?: string }) => {
      if (!isScaleName(options.scale)) {
        throw new AppError("VALIDATION", `未知的规模“${options.scale}”,可用:${Object.keys(SCALES).join("、")}`);
      }
      if (path.resolve(options.out) === databasePath()) {
        throw new AppError("VALIDATION", "--out 不能是命令行正在使用的数据库(DATABASE_PATH),请换一个文件");
      }
      const today = options.today === undefined ? undefined : isoDate("--today 参数").safeParse(options.today);
      if (today && !today.success) throw new AppError("VALIDATION", today.error.issues[0]!.message);
      const seed = options.seed === undefined ? undefined : Number(options.seed);
      if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
        throw new AppError("VALIDATION", "--seed 应为非负整数");
      }
      const result = await generateDatabase({ scale: options.scale, out: options.out, force: options.force, today: today?.data, seed });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
}
