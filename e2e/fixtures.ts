import path from "node:path";
import Database from "better-sqlite3";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { SignInPage } from "./pages/sign-in-page";

export { expect, DEMO_PASSWORD };

/** The e2e server's database (scripts/e2e-server.sh), opened read-only to find test data. */
export function readDb<T>(fn: (db: Database.Database) => T): T {
  const file = process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e", "rectify.db");
  const db = new Database(file, { readonly: true, fileMustExist: true });
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
