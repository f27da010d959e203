import { afterAll, afterEach, beforeAll } from "vitest";
import { buildActionWorld, cloneDatabase, type ActionWorld } from "@/testing/action-harness";
import { actionState, restoreEnvironment } from "@/testing/action-mocks";

/**
 * A private copy of the world's database with `username` signed in, for the actions a case
 * calls next (testing/action-mocks.ts must be imported first). Close the connection after the case.
 */
export async function signedInCopy(world: ActionWorld, username: string, sessionToken: string) {
  const { db, sqlite } = cloneDatabase(world.template);
  actionState.db = db;
  const { actorOf } = await import("@/server/session");
  actionState.session = { actor: actorOf(world.userIds[username]!)!, sessionToken };
  return sqlite;
}

/**
 * The set-up an action test file repeats: one world built for the file, then per case a
 * signed-in private copy (`as`), closed after the case. Call at the top of the file.
 */
export function actionCases(sessionToken: string) {
  let world: ActionWorld | undefined;
  const opened: { close: () => void }[] = [];
  beforeAll(async () => {
    world = await buildActionWorld();
  }, 60_000);
  afterEach(() => {
    for (const copy of opened.splice(0)) copy.close();
  });
  afterAll(restoreEnvironment);
  return {
    get world(): ActionWorld {
      return world!;
    },
    /** Signs `username` in on a fresh copy; every copy a case opened is closed after it. */
    as: async (username: string) => {
      const copy = await signedInCopy(world!, username, sessionToken);
      opened.push(copy);
      return copy;
    },
  };
}
