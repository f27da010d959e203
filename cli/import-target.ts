import fs from "node:fs";
import type { Command } from "commander";
import { db } from "@/db";
import type { Tx } from "@/db/client";
import { createRound, findRoundByName } from "@/db/queries/rounds";
import { findOfficeAdmin, findUserByUsername } from "@/db/queries/users";
import { ROUND_KINDS } from "@/lib/domain";
import { AppError } from "@/lib/errors";

// What `import` and `import-document` share: the options that name the target round and
// the importer, and how they resolve. A missing round is created inside the import's own
// transaction, so a file that cannot be imported leaves no empty round behind.

export interface ImportOptions {
  round: string;
  as?: string;
  kind: string;
  feedbackDate?: string;
}

export function withImportOptions(command: Command): Command {
  return command
    .requiredOption("--round <name>", "轮次名称")
    .option("--as <username>", "记为导入人的整改办账号(默认:第一个整改办管理员)")
    .option("--kind <kind>", "新建轮次的类型:inspection|patrol|audit|special_check", "inspection")
    .option("--feedback-date <date>", "新建轮次的反馈日期 YYYY-MM-DD(立行立改按此推算时限)");
}

export function importTarget(options: ImportOptions): {
  authorId: string | null;
  /** The round's own feedback date when it exists, else the one given for the new round. */
  feedbackDate: string | null;
  roundId: number | ((tx: Tx) => number);
} {
  const existing = findRoundByName(db, { name: options.round });
  const feedbackDate = options.feedbackDate ?? null;
  return {
    authorId: importAuthor(options.as),
    feedbackDate: existing?.feedbackDate ?? feedbackDate,
    roundId: existing
      ? existing.id
      : (tx) => createRound(tx, { actorId: null, input: newRoundInput(options.round, options.kind, feedbackDate) }).id,
  };
}

export function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new AppError("NOT_FOUND", `无法读取文件“${file}”`);
  }
}

/**
 * Whose name the imported 整改情况 carry: the named account, else the first office admin,
 * else nobody. A database being set up may have no account yet; the import is then the
 * command line's own (the audit row's actor is null either way: the CLI did it).
 */
function importAuthor(username: string | undefined): string | null {
  if (username) {
    const user = findUserByUsername(db, { username: username.toLowerCase() });
    if (!user) throw new AppError("NOT_FOUND", `未找到用户“${username}”`);
    return user.id;
  }
  return findOfficeAdmin(db)?.id ?? null;
}

function newRoundInput(name: string, kind: string, feedbackDate: string | null) {
  const roundKind = ROUND_KINDS.find((k) => k === kind);
  if (!roundKind) throw new AppError("VALIDATION", `未知的轮次类型“${kind}”,可用:${ROUND_KINDS.join("、")}`);
  if (name.trim().length === 0 || name.length > 100) throw new AppError("VALIDATION", "轮次名称应为 1 至 100 个字符");
  return {
    name: name.trim(),
    kind: roundKind,
    inspectingBody: "(待补充)",
    inspectedBody: "(待补充)",
    inspectedUnitId: null,
    inspectionStart: null,
    inspectionEnd: null,
    feedbackDate,
    deadline: null,
    dueSoonDays: 7,
  };
}
