import fs from "node:fs";
import path from "node:path";
import { db } from "@/db";
import { runReminders } from "@/db/queries/reminders";
import { findRoundByName } from "@/db/queries/rounds";
import { roundSummary } from "@/db/queries/summary";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { registerBackupCommand, registerRestoreCommand } from "@/cli/backup-commands";
import { registerDocumentCommands } from "@/cli/document-commands";
import { registerGenerateCommand } from "@/cli/generate-command";
import { importTarget, readInput, withImportOptions, type ImportOptions } from "@/cli/import-target";
import { newProgram, print, runProgram } from "@/cli/run";
import { registerAccountCommands } from "@/cli/account-commands";
import { registerSearchCommand } from "@/cli/search-command";
import { registerArchiveCommands } from "@/cli/archive-commands";
import { exportLedger, importLedgerFile } from "@/server/ledger-transfer";
import { applyLedgerUpdate, previewLedgerUpdate } from "@/server/ledger-update";
import { reportFile } from "@/server/bulletin-files";
import { isoDate } from "@/lib/validations/common";
import { parseListFilter } from "@/lib/validations/list-filter";

// `npm run cli -- <command>`: the same operations as the UI, for automation and our
// acceptance checks. Each command prints one JSON line on success; on failure a Chinese
// message on stderr and exit code 1, with the database unchanged.

function roundByName(name: string) {
  const round = findRoundByName(db, { name });
  if (!round) throw new AppError("NOT_FOUND", `未找到轮次“${name}”`);
  return round;
}

const program = newProgram();

withImportOptions(
  program.command("import").description("导入整改台账(xlsx 或 csv);轮次不存在时新建").argument("<file>", "台账文件"),
)
  .option("--split-measures", "把一个单元格中的多项措施拆分为多条(一是…二是…、1.…2.…、分号分隔)")
  .option("--update", "按文件更新已有方案的轮次:按序号和措施顺序对应,写入新增、内容变更和状态变更,不删除文件中缺少的行")
  .option("--dry-run", "与 --update 同用:只输出差异,不写入")
  .action(async (file: string, options: ImportOptions & { splitMeasures?: boolean; update?: boolean; dryRun?: boolean }) => {
    if (options.update) return updateFromFile(file, options);
    if (options.dryRun) throw new AppError("VALIDATION", "--dry-run 只能与 --update 一起使用");
    const { authorId, feedbackDate, roundId } = importTarget(options);
    const result = await importLedgerFile({
      data: readInput(file),
      fileName: path.basename(file),
      feedbackDate,
      actorId: null,
      authorId,
      today: todayISO(),
      roundId,
      splitMeasures: options.splitMeasures ?? false,
    });
    print({ roundId: result.roundId, problems: result.problems, measures: result.measures });
  });

/** `import --update`: the file applied to the round's existing plan as its differences. */
async function updateFromFile(file: string, options: ImportOptions & { splitMeasures?: boolean; dryRun?: boolean }) {
  if (options.splitMeasures) throw new AppError("VALIDATION", "更新导入按措施的先后对应,不能同时使用 --split-measures");
  const round = findRoundByName(db, { name: options.round });
  if (!round) throw new AppError("NOT_FOUND", `未找到轮次“${options.round}”:更新导入只用于已有方案的轮次,新建轮次请去掉 --update`);
  const params = { data: readInput(file), fileName: path.basename(file), round, today: todayISO() };
  if (options.dryRun) {
    const preview = await previewLedgerUpdate(params);
    if (!preview.diff) throw new AppError("VALIDATION", `文件有 ${preview.errors.length} 处错误:${preview.errors.slice(0, 5).map((e) => e.message).join(";")}`);
    print({ roundId: round.id, ...preview.counts, newUnits: preview.newUnits, diff: preview.diff });
    return;
  }
  const { authorId } = importTarget(options);
  const result = await applyLedgerUpdate({ ...params, actorId: null, authorId });
  print({ roundId: result.roundId, added: result.added, changed: result.changed, statusChanges: result.statusChanges, missing: result.missing });
}

program
  .command("summary")
  .description("输出轮次的整改数字(与 API 和界面一致)")
  .requiredOption("--round <name>", "轮次名称")
  .action((options: { round: string }) => {
    print(roundSummary(db, { roundId: roundByName(options.round).id, today: todayISO() }));
  });

program
  .command("export")
  .description("导出整改台账为 xlsx")
  .requiredOption("--round <name>", "轮次名称")
  .requiredOption("--out <file>", "输出文件")
  .action(async (options: { round: string; out: string }) => {
    const round = roundByName(options.round);
    const { buffer, rows } = await exportLedger({ roundId: round.id, filter: parseListFilter({}), today: todayISO() });
    fs.writeFileSync(options.out, buffer);
    print({ roundId: round.id, out: path.resolve(options.out), measures: rows, bytes: buffer.length });
  });

program
  .command("report")
  .description("生成整改进展情况通报(docx 或打印用的 html);数字按当前台账计算")
  .requiredOption("--round <name>", "轮次名称")
  .requiredOption("--out <file>", "输出文件")
  .option("--format <format>", "docx|html", "docx")
  .action(async (options: { round: string; out: string; format: string }) => {
    if (options.format !== "docx" && options.format !== "html") {
      throw new AppError("VALIDATION", `未知的格式“${options.format}”,可用:docx、html`);
    }
    const round = roundByName(options.round);
    const { buffer } = await reportFile({ roundId: round.id, today: todayISO(), format: options.format });
    fs.writeFileSync(options.out, buffer);
    print({ roundId: round.id, out: path.resolve(options.out), format: options.format, bytes: buffer.length });
  });

program
  .command("remind")
  .description("生成临期、逾期和未报送提醒(每日任务;重复运行不会重复提醒)")
  .option("--today <date>", "按这一天计算 YYYY-MM-DD(默认:今天)")
  .action((options: { today?: string }) => {
    const parsed = isoDate("--today 参数").safeParse(options.today ?? todayISO());
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]!.message);
    print(runReminders(db, { today: parsed.data }));
  });




registerBackupCommand(program, print);
// Listed for --help; cli/entry.ts runs it without loading this file.
registerRestoreCommand(program, print);
registerDocumentCommands(program);
registerGenerateCommand(program);
registerAccountCommands(program);
registerSearchCommand(program);
registerArchiveCommands(program, print);

void runProgram(program);
