import { vi } from "vitest";
import type { DB } from "@/db/client";
import type { CurrentSession } from "@/server/session";

// Imported FIRST by the tests that call server actions directly. What is faked: which
// database "@/db" is (the case's private copy), who is signed in (getCurrentSession; the
// rest of server/session.ts is real) and Next's cache invalidation, which needs a server.
// Redirects are real: Next's redirect() throws, and callAction reads where it points.

const saved = { ...process.env };
// The auth module reads its secret from the data folder unless one is given; keep it
// (and anything else written under the data folder) out of the repository.
process.env.BETTER_AUTH_SECRET ??= "action-tests-secret-0123456789abcdef";
process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/rectify-action-tests/rectify.db`;
// The seeded demo's deadlines are laid out around this day (testing/action-harness.ts).
process.env.RECTIFY_TODAY = "2026-11-20";

export const actionState = { db: undefined as DB | undefined, session: null as CurrentSession | null };

export function restoreEnvironment() {
  for (const key of ["BETTER_AUTH_SECRET", "DATABASE_PATH", "RECTIFY_TODAY"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
}

vi.mock("@/db", () => ({
  get db() {
    return actionState.db;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/server/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/session")>()),
  getCurrentSession: vi.fn(async () => actionState.session),
}));
