import fs from "node:fs";
import path from "node:path";
import { db } from "@/db";
import { createRound } from "@/db/queries/rounds";
import { createUserWithPassword } from "@/db/queries/users";
import { units } from "@/db/schema";
import { todayISO } from "@/lib/deadline-state";
import { importLedgerFile } from "@/server/ledger-transfer";
import { report } from "./peak";

// The app's import of the file (the same function the page, the API and the CLI call), into
// a fresh database (DATABASE_PATH) with one office account and an empty round.
const file = process.argv[2]!;
const { authorId, roundId } = db.transaction((tx) => {
  const unit = tx.insert(units).values({ name: "省委巡视办", kind: "party" }).returning().get();
  const author = createUserWithPassword(tx, {
    actorId: null,
    passwordHash: "unused",
    input: { username: "office", name: "整改办", role: "office", unitId: unit.id, isAdmin: true },
  });
  const round = createRound(tx, {
    actorId: null,
    input: {
      name: "导入压测",
      kind: "inspection",
      inspectingBody: "省委巡视组",
      inspectedBody: "某市",
      inspectedUnitId: unit.id,
      inspectionStart: null,
      inspectionEnd: null,
      feedbackDate: "2026-03-01",
      deadline: null,
      dueSoonDays: 7,
    },
  });
  return { authorId: author.id, roundId: round.id };
});
async function main() {
  const started = performance.now();
  const result = await importLedgerFile({
    data: fs.readFileSync(file),
    fileName: path.basename(file),
    roundId,
    feedbackDate: "2026-03-01",
    actorId: authorId,
    authorId,
    today: todayISO(),
  });
  report({ ms: performance.now() - started, problems: result.problems, measures: result.measures });
}

void main();
