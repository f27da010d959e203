import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layering rules of eslint.config.mjs, shown to fail on the code they forbid (and to
// pass the code they allow), so that a rule that silently stops matching is noticed.

const eslint = new ESLint();

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

describe("分层规则由 ESLint 把守", () => {
  it.each([
    ["lib/layering-fixture.ts", 'import { db } from "@/db";\nexport const x = db;\n'],
    ["lib/layering-fixture.ts", 'import { getRound } from "@/db/queries/rounds";\nexport const x = getRound;\n'],
    ["lib/layering-fixture.ts", 'import { defineAction } from "@/server/action";\nexport const x = defineAction;\n'],
    ["lib/validations/layering-fixture.ts", 'import { db } from "../../db";\nexport const x = db;\n'],
    ["db/queries/layering-fixture.ts", 'import { submitProgress } from "@/server/progress";\nexport const x = submitProgress;\n'],
  ])("%s 不得引入上层:%s", async (file, code) => {
    expect(await messages(file, code)).toHaveLength(1);
  });

  it.each([
    ["app/(app)/layering-fixture.ts", 'import { db } from "@/db";\nexport const run = () => db.transaction(() => 1);\n'],
    ["cli/layering-fixture.ts", 'import { db } from "@/db";\nexport const run = () => db.transaction(() => 1);\n'],
  ])("%s 不得自己开启写事务", async (file, code) => {
    expect(await messages(file, code)).toEqual(["Open write transactions in a use case under server/, not here."]);
  });

  it.each([
    ["lib/layering-fixture.ts", 'import { STATUSES } from "@/lib/domain";\nexport const x = STATUSES;\n'],
    ["db/queries/layering-fixture.ts", 'import { STATUSES } from "@/lib/domain";\nexport const x = STATUSES;\n'],
    ["server/layering-fixture.ts", 'import { db } from "@/db";\nexport const run = () => db.transaction(() => 1);\n'],
  ])("%s 可以这样写", async (file, code) => {
    expect(await messages(file, code)).toEqual([]);
  });
});
