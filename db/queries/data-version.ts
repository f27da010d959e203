import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "../client";

// Reads that many users repeat (a round's summary, the rounds list, the unit tree) are
// kept per connection and reused while the database is unchanged: exact, never stale.

/**
 * Changes whenever anything is committed: total_changes() counts this connection's writes,
 * data_version moves when another connection (the CLI, a second instance) commits.
 */
export function dataVersion(q: Queryable): string {
  const row = q.get<{ changes: number; version: number }>(sql`select total_changes() as changes, (select data_version from pragma_data_version) as version`);
  return `${row.changes}:${row.version}`;
}

const memo = new WeakMap<object, Map<string, { version: string; value: unknown }>>();

/**
 * `read()`'s result for `key`, computed again only after a write (or, with `versionOf`,
 * only after what that function reads has changed). Callers must not modify the result.
 */
export function whileUnchanged<T>(q: Queryable, key: string, read: () => T, versionOf: (q: Queryable) => string = dataVersion): T {
  const byKey = memo.get(q) ?? new Map<string, { version: string; value: unknown }>();
  memo.set(q, byKey);
  const version = versionOf(q);
  const cached = byKey.get(key);
  if (cached && cached.version === version) return cached.value as T;
  const value = read();
  // Bounded: keys are round ids and unit ids, but never let a long-lived process grow.
  if (byKey.size > 5_000) byKey.clear();
  byKey.set(key, { version, value });
  return value;
}
