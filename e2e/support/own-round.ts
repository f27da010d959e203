import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "../fixtures";
import { baoanLedgerRows, csvText } from "./ledger-files";

/**
 * A round of the 宝安 ledger (68 measures, deadlines around today) imported by the CLI under
 * a unique name: a spec that needs a round of known size must not share the demo round,
 * which other specs change while it runs.
 */
export function importBaoanRound(prefix: string, options: { feedbackDate?: string } = {}): { id: number; name: string; measures: number } {
  const rows = baoanLedgerRows();
  const file = path.join(os.tmpdir(), `own-round-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, csvText(rows.map((r) => r.cells)));
  const name = `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  try {
    const feedback = options.feedbackDate ? ["--feedback-date", options.feedbackDate] : [];
    const id = (cli(["import", file, "--round", name, ...feedback]) as { roundId: number }).roundId;
    return { id, name, measures: rows.length };
  } finally {
    fs.rmSync(file);
  }
}
