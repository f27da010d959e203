import type { Command } from "commander";
import { db } from "@/db";
import { findRoundByName } from "@/db/queries/rounds";
import { print } from "@/cli/run";
import { AppError } from "@/lib/errors";
import { EVERYTHING, SEARCH_KINDS } from "@/lib/search";
import { searchQuerySchema } from "@/lib/validations/search";
import { search } from "@/server/search";

// `search "<text>" [--round "<name>"]`: 全文检索 from the command line, over everything (the
// operator holds the database file itself). One JSON line:
// {"hits":[{"kind","roundId","id","title","snippet"}],"total","ms"}, the words in 【】.

export function registerSearchCommand(program: Command): void {
  program
    .command("search")
    .description('全文检索问题、整改措施、进展、督办单和制度;输出 {"hits":[{"kind","roundId","id","title","snippet"}],"total","ms"}')
    .argument("<text>", "检索内容(两个字的词用逐条比对,三个字以上走全文索引)")
    .option("--round <name>", "只在这一轮次中检索")
    .option("--kind <kind>", `只检索一类:${SEARCH_KINDS.join("、")}`)
    .option("--limit <n>", "每类最多输出几条", "20")
    .action((text: string, options: { round?: string; kind?: string; limit: string }) => {
      const round = options.round === undefined ? undefined : findRoundByName(db, { name: options.round });
      if (options.round !== undefined && !round) throw new AppError("NOT_FOUND", `未找到轮次“${options.round}”`);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new AppError("VALIDATION", "--limit 应为 1 到 1000 之间的整数");
      if (options.kind !== undefined && !(SEARCH_KINDS as readonly string[]).includes(options.kind)) {
        throw new AppError("VALIDATION", `未知的类别“${options.kind}”,可用:${SEARCH_KINDS.join("、")}`);
      }
      const parsed = searchQuerySchema.safeParse({ q: text, round: round?.id, kind: options.kind });
      if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]!.message);
      const answer = search(EVERYTHING, parsed.data, { perKind: limit, pageSize: limit });
      print({
        hits: answer.groups.flatMap((g) => g.hits.map((h) => ({ kind: h.kind, roundId: h.roundId, id: h.id, title: h.title, snippet: h.snippet }))),
        total: answer.groups.reduce((sum, g) => sum + g.total, 0),
        ms: answer.ms,
      });
    });
}
