import type { Status } from "@/lib/domain";

// Where each figure and chart segment of the dashboard leads: the list (with the URL
// filters of lib/validations/list-filter.ts) whose rows the figure counts. Across rounds
// the lists are per round, so figures lead to the per-round table instead.

export const BY_ROUND = "#by-round";

export interface ListFilterParams {
  aspect?: number | null;
  unit?: number;
  status?: Status;
  from?: string | null;
  to?: string;
  overdue?: boolean;
  dueSoon?: boolean;
}

function query(filter: ListFilterParams): string {
  const params = new URLSearchParams();
  if (filter.aspect) params.set("aspect", String(filter.aspect));
  if (filter.unit) params.set("unit", String(filter.unit));
  if (filter.status) params.set("status", filter.status);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.overdue) params.set("overdue", "1");
  if (filter.dueSoon) params.set("dueSoon", "1");
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** 整改台账 of a round, filtered: the measures a figure counts. */
export const ledgerHref = (roundId: number, filter: ListFilterParams = {}) => `/rounds/${roundId}/ledger${query(filter)}`;
/** 任务清单 (days left / overdue per measure): where deadline figures lead. */
export const tasksHref = (roundId: number, filter: ListFilterParams = {}) => `/rounds/${roundId}/tasks${query(filter)}`;
/** 问题清单: problem figures count problems, so they lead to problems. */
export const problemsHref = (roundId: number, status?: Status) => `/rounds/${roundId}/problems${query({ status })}`;
export const reviewHref = (roundId: number | null) => (roundId ? `/review?round=${roundId}` : "/review");
export const noticesHref = (roundId: number | null) => (roundId ? `/notices?round=${roundId}&state=open` : "/notices?state=open");
export const unitHref = (unitId: number) => `/units/${unitId}`;

export const STATUS_COLORS: Record<Status | "overdue" | "total", string> = {
  completed: "#15803d",
  basically_completed: "#2563eb",
  incomplete: "#9ca3af",
  overdue: "#dc2626",
  total: "#374151",
};

export function percent(part: number, total: number): string {
  return total === 0 ? "—" : `${((part / total) * 100).toFixed(1)}%`;
}

/** Inherit the page's CJK font stack: SVG text does not always pick it up by itself. */
export const CHART_FONT = { fontFamily: "var(--font-sans)", fontSize: 12 } as const;
