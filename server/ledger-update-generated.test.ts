import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDatabase } from "@/cli/generate/generate";

// The round-trip property on data nobody hand-picked: every round of a generated database
// (cli/generate, small scale: feedback dates, 立行立改, long-term deadlines, co-units,
// measures without a lead unit, signed-off and pending claims) exported and re-imported as
// an update must show no difference at all.
const TODAY = "2026-06-15";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-update-generated-"));
const file = path.join(dir, "small.db");
process.env.DATABASE_PATH = file;

let modules: {
  db: typeof import("@/db").db;
  exportLedger: typeof import("@/server/ledger-transfer").exportLedger;
  previewLedgerUpdate: typeof import("@/server/ledger-update").previewLedgerUpdate;
  getRound: typeof import("@/db/queries/rounds").getRound;
  parseListFilter: typeof import("@/lib/validations/list-filter").parseListFilter;
};

beforeAll(async () => {
  // Generated before the app's database module opens the file.
  await generateDatabase({ scale: "small", out: file, today: TODAY, seed: 13 });
  modules = {
    db: (await import("@/db")).db,
    exportLedger: (await import("@/server/ledger-transfer")).exportLedger,
    previewLedgerUpdate: (await import("@/server/ledger-update")).previewLedgerUpdate,
    getRound: (await import("@/db/queries/rounds")).getRound,
    parseListFilter: (await import("@/lib/validations/list-filter")).parseListFilter,
  };
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("export → update import of generated rounds", () => {
  it("finds no differences in any round", async () => {
    const { db, exportLedger, previewLedgerUpdate, getRound, parseListFilter } = modules;
    const roundIds = (db.$client.prepare("select id from rounds order by id").pluck().all() as number[]);
    expect(roundIds.length).toBeGreaterThan(1);
    for (const roundId of roundIds) {
      const { buffer, rows } = await exportLedger({ roundId, filter: parseListFilter({}), today: TODAY });
      expect(rows).toBeGreaterThan(0);
      const preview = await previewLedgerUpdate({ data: buffer, fileName: "台账.xlsx", round: getRound(db, { id: roundId })!, today: TODAY });
      expect(preview.errors).toEqual([]);
      expect({ roundId, counts: preview.counts, conflicts: preview.diff?.conflicts }).toEqual({
        roundId,
        counts: { added: 0, changed: 0, statusChanges: 0, missing: 0 },
        conflicts: [],
      });
    }
  });
});
