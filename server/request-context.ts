import type { AsyncLocalStorage } from "node:async_hooks";

// The request log (scripts/server.mjs) runs outside Next's bundles; it learns who made a
// request through this per-request store, which it creates and the app fills in once it
// knows the user. Shared through globalThis because the bundles and the server script
// load separate copies of every module. Absent under `next dev` and in tests: a no-op.
export interface RequestContext {
  userId?: string;
}

const holder = globalThis as unknown as { rectifyRequestContext?: AsyncLocalStorage<RequestContext> };

export function noteRequestUser(userId: string): void {
  const context = holder.rectifyRequestContext?.getStore();
  if (context) context.userId = userId;
}

/**
 * The client's address as scripts/server.mjs saw it. That server overwrites the header on
 * every request; without it (`next dev`) a client could send its own, so it is ignored.
 */
export function clientAddress(headers: Headers): string {
  if (!holder.rectifyRequestContext) return "unknown";
  return headers.get("x-rectify-client-address") ?? "unknown";
}
