import path from "node:path";
import type { Command } from "commander";
import { db } from "@/db";
import { createRound, findRoundByName } from "@/db/queries/rounds";
import { todayISO } from "@/lib/deadline-state";
import { importDocumentFile, previewDocumentFile } from "@/lib/document-transfer";
import type { RoundInput } from "@/lib/validations/round";

// `parse` shows what a feedback document, draft plan or progress report (.docx or .txt)
// would become; `import-document` creates a round's plan from it, as the UI's
// "从文档导入" does when the office confirms the preview unchanged.

/** main.ts's own helpers, so the two commands behave exactly like `import`. */
export interface CliHelpers {
  print: (value: unknown) => void;
  readInput: (file: string) => Buffer;
  importAuthor: (username: string | undefined) => string;
  newRoundInput: (name: string, kind: string, feedbackDate: string | null) => RoundInput;
}

export function registerDocumentCommands(program: Command, helpers: CliHelpers): void {
  const { print, readInput, importAuthor, newRoundInput } = helpers;

  program
    .command("parse")
    .description("解析反馈意见、整改方案或整改进展通报(docx 或 txt),输出方面、问题、整改措施和提示")
    .argument("<file>", "文档")
    .action(async (file: string) => {
      const parsed = await previewDocumentFile({ data: readInput(file), fileName: path.basename(file) });
      print({
        aspects: parsed.aspects.map((aspect) => ({
          name: aspect.name,
          problems: aspect.problems.map((p) => ({
            number: p.number,
            title: p.title,
            status: p.status,
            deadlineText: p.deadlineText,
            measures: p.measures,
            description: p.description,
            progressText: p.progressText,
          })),
        })),
        warnings: parsed.warnings,
        // Nothing the document says is hidden: text that fits no problem is printed too.
        unassigned: parsed.unassigned,
      });
    });

  program
    .command("import-document")
    .description("从文档(docx 或 txt)创建轮次的整改方案;轮次不存在时新建;未写明状态的问题为未完成")
    .argument("<file>", "文档")
    .requiredOption("--round <name>", "轮次名称")
    .option("--as <username>", "记为导入人的整改办账号(默认:第一个整改办管理员)")
    .option("--kind <kind>", "新建轮次的类型:inspection|patrol|audit|special_check", "inspection")
    .option("--feedback-date <date>", "新建轮次的反馈日期 YYYY-MM-DD(立行立改按此推算时限)")
    .action(async (file: string, options: { round: string; as?: string; kind: string; feedbackDate?: string }) => {
      const data = readInput(file);
      const existing = findRoundByName(db, { name: options.round });
      const authorId = importAuthor(options.as);
      const result = await importDocumentFile({
        data,
        fileName: path.basename(file),
        actorId: null,
        authorId,
        today: todayISO(),
        // A new round is created inside the import's transaction: a document that cannot be imported leaves none.
        roundId: existing
          ? existing.id
          : (tx) => createRound(tx, { actorId: null, input: newRoundInput(options.round, options.kind, options.feedbackDate ?? null) }).id,
      });
      print({ roundId: result.roundId, problems: result.problems, measures: result.measures });
    });
}
