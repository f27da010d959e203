import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { roundSummary } from "@/db/queries/summary";
import { dashboardData } from "@/db/queries/dashboard";
import { generateDatabase, type GenerateResult } from "@/cli/generate/generate";
import { SCALES } from "@/cli/generate/scales";

// The small scale, generated for real into a temp folder: the counts the scale promises,
// a database SQLite itself finds sound, data the app's own queries read, and accounts
// that carry a password hash better-auth can verify.

const TODAY = "2026-06-15";
let dir: string;
let result: GenerateResult;
let sqlite: Database.Database;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-generate-"));
  result = await generateDatabase({ scale: "small", out: path.join(dir, "small.db"), today: TODAY });
  sqlite = new Database(result.out, { readonly: true });
});

afterAll(() => {
  sqlite?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = <T = number>(query: string, ...params: unknown[]) => sqlite.prepare(query).pluck().get(...params) as T;

describe("generate --scale small", () => {
  it("writes exactly the scale's rows and reports them", () => {
    const scale = SCALES.small;
    expect(result.counts).toMatchObject({
      rounds: scale.rounds,
      problems: scale.problems,
      measures: scale.measures,
      progressReports: scale.progressReports,
      units: scale.units,
      users: scale.users,
    });
    expect(one("select count(*) from progress_reports")).toBe(scale.progressReports);
    expect(one("select count(*) from accounts where provider_id = 'credential'")).toBe(scale.users);
    expect(result.bytes).toBe(fs.statSync(result.out).size);
    expect(fs.existsSync(`${result.out}.partial`)).toBe(false);
  });

  it("passes SQLite's integrity and foreign key checks and is left in WAL mode", () => {
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("indexes every text for 全文检索 once, with the triggers back for later writes", () => {
    for (const table of ["problems", "measures", "progress_reports", "supervision_notices", "institutions"]) {
      const text = one<string>(`select ${table === "problems" || table === "institutions" ? "title" : table === "supervision_notices" ? "request" : "text"} from ${table} order by id desc limit 1`);
      const word = [...text].slice(0, 6).join("");
      expect(one(`select count(*) from ${table}_fts where ${table}_fts match ?`, `"${word.replaceAll('"', '""')}"`), table).toBeGreaterThan(0);
      expect(one("select count(*) from sqlite_master where type = 'trigger' and tbl_name = ? and name like '%fts%'", table), table).toBe(3);
    }
  });

  it("keeps the ledger consistent: problem status rolls up, claims carry evidence, sign-offs are audited", () => {
    // A problem is 已完成 only when all its measures are (lib/status.ts).
    const wrongProblems = one(`
      select count(*) from problems p where p.status != case
        when not exists (select 1 from measures m where m.problem_id = p.id and m.status != 'completed') then 'completed'
        when not exists (select 1 from measures m where m.problem_id = p.id and m.status = 'incomplete') then 'basically_completed'
        else 'incomplete' end`);
    expect(wrongProblems).toBe(0);
    expect(one("select count(*) from progress_reports where is_claim = 1 and id not in (select progress_report_id from evidence_files)")).toBe(0);
    // Every measure above 未完成 got there by a signed-off claim with its audit row.
    const signedOff = one("select count(*) from progress_reports where is_claim = 1 and review_state = 'signed_off'");
    expect(one("select count(*) from audit_log where action = 'measure.sign_off'")).toBe(signedOff);
    expect(one("select count(*) from measures where status != 'incomplete' and cast(id as text) not in (select entity_id from audit_log where action = 'measure.sign_off')")).toBe(0);
    expect(one("select count(*) from progress_reports where is_claim = 1 and review_state = 'pending'")).toBeGreaterThan(0);
    expect(one("select count(*) from progress_reports where report_date > ?", TODAY)).toBe(0);
    // The evidence the claims point at is on disk, where the app reads it.
    for (const stored of sqlite.prepare("select distinct stored_path from evidence_files").pluck().all() as string[]) {
      expect(fs.existsSync(path.join(dir, "evidence", stored))).toBe(true);
    }
  });

  it("spreads deadlines around today, with overdue, due-soon and completed items", () => {
    expect(one("select count(*) from measures where deadline < ? and status != 'completed'", TODAY)).toBeGreaterThan(0);
    expect(one("select count(*) from measures where deadline >= ?", TODAY)).toBeGreaterThan(0);
    expect(one("select count(distinct status) from measures")).toBe(3);
    expect(one("select count(*) from supervision_notices")).toBeGreaterThanOrEqual(SCALES.small.rounds / 2);
    expect(one("select count(*) from look_backs")).toBeGreaterThan(0);
  });

  it("is read by the app's own queries: the round summary and the dashboard", () => {
    const db = drizzle(sqlite, { schema });
    const roundId = one("select id from rounds order by (select count(*) from measures m where m.round_id = rounds.id) desc limit 1");
    const summary = roundSummary(db, { roundId, today: TODAY })!;
    expect(summary.measures.total).toBe(one("select count(*) from measures where round_id = ?", roundId));
    expect(summary.problems.total).toBe(one("select count(*) from problems where round_id = ?", roundId));
    expect(summary.measures.completed + summary.measures.basicallyCompleted + summary.measures.incomplete).toBe(summary.measures.total);
    expect(summary.overdue).toBe(one("select count(*) from measures where round_id = ? and status != 'completed' and deadline < ?", roundId, TODAY));
    expect(summary.aspects.length).toBeGreaterThanOrEqual(4);
    // The dashboard opens on the newest round; its burn-up reaches today's completed count.
    const dashboard = dashboardData(db, { roundId: null, today: TODAY })!;
    expect(dashboard.totals.measures.total).toBe(one("select count(*) from measures m join rounds r on r.id = m.round_id where r.archived_at is null"));
    expect(dashboard.burnUp.at(-1)!.completed).toBe(dashboard.totals.measures.completed);
  });

  it("creates accounts that sign in with the demo password", async () => {
    const { verifyPassword } = await import("better-auth/crypto");
    const hash = one<string>("select a.password from accounts a join users u on u.id = a.user_id where u.username = 'office'");
    expect(await verifyPassword({ hash, password: "Demo2026zg" })).toBe(true);
    const roles = sqlite.prepare("select username, role from users where username in ('office', 'leader', 'jiaoyu', 'xinan') order by username").all();
    expect(roles).toEqual([
      { username: "jiaoyu", role: "unit" },
      { username: "leader", role: "leader" },
      { username: "office", role: "office" },
      { username: "xinan", role: "unit" },
    ]);
  });

  it("refuses to overwrite an existing file without --force and leaves it unchanged", async () => {
    const before = fs.statSync(result.out).mtimeMs;
    await expect(generateDatabase({ scale: "small", out: result.out, today: TODAY })).rejects.toThrow(/已存在.*--force/);
    expect(fs.statSync(result.out).mtimeMs).toBe(before);
  });

  it("produces the same data from the same seed", async () => {
    const again = await generateDatabase({ scale: "small", out: path.join(dir, "again.db"), today: TODAY });
    const fingerprint = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("select group_concat(id || text || status || coalesce(deadline, ''), '|') from (select * from measures order by id)").pluck().get();
      } finally {
        db.close();
      }
    };
    expect(fingerprint(again.out)).toBe(fingerprint(result.out));
  });
});
