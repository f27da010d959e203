import { cloneDatabase, type ActionWorld } from "@/testing/action-harness";
import { actionState } from "@/testing/action-mocks";

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
