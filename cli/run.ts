import { Command, CommanderError } from "commander";
import { AppError } from "@/lib/errors";

// What every CLI program shares: one JSON line on success; on failure a Chinese message on
// stderr and exit code 1.

export function newProgram(): Command {
  return new Command()
    .name("rectify")
    .description("整改通命令行")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

export function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export async function runProgram(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 1;
      return;
    }
    const message = error instanceof AppError ? error.message : "命令执行失败";
    if (!(error instanceof AppError)) console.error(error);
    process.stderr.write(`错误:${message}\n`);
    process.exitCode = 1;
  }
}
