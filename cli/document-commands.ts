import path from "node:path";
import type { Command } from "commander";
import { todayISO } from "@/lib/deadline-state";
import { importDocumentFile, previewDocumentFile } from "@/server/document-transfer";
import { importTarget, readInput, withImportOptions, type ImportOptions } from "@/cli/import-target";
import { print } from "@/cli/run";

// `parse` shows what a feedback document, draft plan or progress report (.docx or .txt)
// would become; `import-document` creates a round's plan from it, as the UI's
// "从文档导入" does when the office confirms the preview unchanged.

export function registerDocumentCommands(program: Command): void {
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
            responsibility: p.responsibility,
          })),
        })),
        // What the document states about itself, and whether the parse agrees (issue 12).
        stated: {
          problems: parsed.check.stated.problems,
          completed: parsed.check.stated.completed,
          basicallyCompleted: parsed.check.stated.basicallyCompleted,
          incomplete: parsed.check.stated.incomplete,
          measures: parsed.check.stated.measures,
        },
        matches: parsed.check.matches,
        mismatches: parsed.check.mismatches,
        warnings: parsed.warnings,
        // Nothing the document says is hidden: text that fits no problem is printed too.
        unassigned: parsed.unassigned,
      });
    });

  withImportOptions(
    program
      .command("import-document")
      .description("从文档(docx 或 txt)创建轮次的整改方案;轮次不存在时新建;未写明状态的问题为未完成")
      .argument("<file>", "文档"),
  ).action(async (file: string, options: ImportOptions) => {
    const { authorId, roundId } = importTarget(options);
    const result = await importDocumentFile({
      data: readInput(file),
      fileName: path.basename(file),
      actorId: null,
      authorId,
      today: todayISO(),
      roundId,
    });
    print({
      roundId: result.roundId,
      problems: result.problems,
      measures: result.measures,
      unmatchedUnits: result.unmatchedUnits,
      matches: result.parsed.check.matches,
    });
  });
}
