import "server-only";
import type { Queryable } from "../client";
import { dataVersion } from "./data-version";
import { dashboardData, type DashboardData, type DashboardScope } from "./dashboard";

// The dashboard is polled by every leader every 10 s, and at province scale one reading
// costs tens of milliseconds for a round and seconds for all rounds. Readings are shared:
// a cached one is served while the database is unchanged (exact), and, when a reading was
// expensive, also for a short while after a change — at most 10× what it cost, capped at
// 30 s — so that a burst of writes cannot make the dashboard recompute on every poll.
// Cheap readings (a demo database) are therefore never stale by more than a few ms; the
// page shows `generatedAt` either way.

const STALE_FACTOR = 10;
const MAX_STALE_MS = 30_000;

interface Reading {
  version: string;
  data: DashboardData;
  at: number;
  costMs: number;
}

const readings = new WeakMap<object, Map<string, Reading>>();

export function cachedDashboardData(q: Queryable, params: { roundId: number | null; today: string; scope?: DashboardScope }): DashboardData | undefined {
  const byKey = readings.get(q) ?? new Map<string, Reading>();
  readings.set(q, byKey);
  // A scoped reading (a reviewer's rounds) is shared only by readers of the same rounds.
  const key = `${params.roundId ?? "all"}|${params.today}|${params.scope ? params.scope.join(",") : "*"}`;
  const version = dataVersion(q);
  const cached = byKey.get(key);
  const now = Date.now();
  if (cached && (cached.version === version || now - cached.at < Math.min(MAX_STALE_MS, cached.costMs * STALE_FACTOR))) return cached.data;
  const started = performance.now();
  const data = dashboardData(q, params);
  if (data) byKey.set(key, { version, data, at: now, costMs: performance.now() - started });
  else byKey.delete(key);
  return data;
}
