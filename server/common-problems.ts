import "server-only";
import { db } from "@/db";
import * as commonProblemQueries from "@/db/queries/common-problems";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { can, refusalMessage, type Actor } from "@/lib/permissions";
import type { CreateCommonProblemInput } from "@/lib/validations/common-problem";

// 共性问题: the office groups problems and hands them to a functional department for 专项治理.
// The office sees every round, so every problem it names is one it may group; the query still
// refuses unknown problems and the 专项治理 rounds' own.

export function createCommonProblem(actor: Actor, input: CreateCommonProblemInput, today = todayISO()) {
  if (!can(actor, "commonProblem.manage")) throw new AppError("FORBIDDEN", refusalMessage(actor));
  if (input.deadline < today) throw new AppError("VALIDATION", "专项治理完成时限不能早于今天", { deadline: ["专项治理完成时限不能早于今天"] });
  const late = input.measures.findIndex((m) => m.deadline < today);
  if (late >= 0) {
    const message = `第 ${late + 1} 项措施的完成时限不能早于今天`;
    throw new AppError("VALIDATION", message, { [`measure${late + 1}`]: [message] });
  }
  return db.transaction((tx) =>
    commonProblemQueries.createCommonProblem(tx, { actorId: actor.id, officeName: actor.unitName, today, input }),
  );
}
