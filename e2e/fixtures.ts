import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { SignInPage } from "./pages/sign-in-page";

export { expect, DEMO_PASSWORD };

/** The e2e server's database (scripts/e2e-server.sh), opened read-only to find test data. */
export function readDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A measure that the given unit neither leads nor shares, and one that it leads. */
export function measuresOf(unitName: string) {
  return readDb((db) => {
    const unitId = (db.prepare("select id from units where name = ?").get(unitName) as { id: number }).id;
    const owned = `(m.lead_unit_id = @u or exists (select 1 from measure_co_units c where c.measure_id = m.id and c.unit_id = @u))`;
    const own = db.prepare(`select id, text from measures m where m.lead_unit_id = @u order by id limit 1`).get({ u: unitId });
    const foreign = db.prepare(`select id, text from measures m where not ${owned} order by id limit 1`).get({ u: unitId });
    return { own: own as { id: number; text: string }, foreign: foreign as { id: number; text: string } };
  });
}

export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await new SignInPage(page).signIn(username, password);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}

export const test = base.extend<{ signInPage: SignInPage }>({
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

/**
 * A fingerprint of everything a round holds (its row, plan, progress, audit rows) and of
 * the units a file names. Other specs write to the shared server at the same time, so the check is
 * scoped to what an import into this round could touch; the unit tests compare whole files.
 */
export function roundFingerprint(roundId: number, unitNames: readonly string[] = []): string {
  return readDb((db) => {
    const hash = createHash("sha256");
    const queries = [
      "select * from rounds where id = @r",
      "select * from aspects where round_id = @r order by id",
      "select * from problems where round_id = @r order by id",
      "select * from measures where round_id = @r order by id",
      "select c.* from measure_co_units c join measures m on m.id = c.measure_id where m.round_id = @r order by 1, 2",
      "select p.* from progress_reports p join measures m on m.id = p.measure_id where m.round_id = @r order by p.id",
      "select * from audit_log where entity = 'round' and entity_id = cast(cast(@r as integer) as text) order by id", // better-sqlite3 binds a JS number as REAL: "5.0" would match nothing
    ];
    for (const query of queries) {
      for (const row of db.prepare(query).raw().all({ r: roundId })) hash.update(`${query}:${JSON.stringify(row)}\n`);
    }
    // Units the file names: an import would have created any that were missing.
    const unit = db.prepare("select * from units where name = ?").raw();
    for (const name of unitNames) hash.update(`unit:${name}:${JSON.stringify(unit.all(name))}\n`);
    return hash.digest("hex");
  });
}

/** `npm run cli -- …` against the e2e server's database; returns its one JSON line. */
export function cli(args: string[]): unknown {
  const out = execFileSync("npm", ["run", "-s", "cli", "--", ...args], {
    env: { ...process.env, DATABASE_PATH: e2eDatabasePath() },
    encoding: "utf8",
  });
  return JSON.parse(out.trim());
}

export function e2eDatabasePath(): string {
  return process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e", "rectify.db");
}
