import { z } from "zod";
import { isoDate } from "./common";

// Filters of the audit log, read from the URL so a filtered view is a link. A malformed
// value is ignored rather than failing the page (as in list-filter.ts).

export const AUDIT_PAGE_SIZE = 50;

const token = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[\w.:-]*$/)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

export const auditFilterSchema = z.object({
  entity: token(50),
  action: token(80),
  /** The actor's username. */
  actor: token(64),
  entityId: token(64),
  from: isoDate("起始日期").optional().catch(undefined),
  to: isoDate("截止日期").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(searchParams: Record<string, string | string[] | undefined>): AuditFilter {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return auditFilterSchema.parse(flat);
}

/** The query string for a filter, optionally changed; empty values and page 1 are dropped. */
export function auditQuery(filter: Partial<AuditFilter>, change: Partial<Record<keyof AuditFilter, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...change })) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Start (inclusive) and end (exclusive) of a Beijing-time day range, as instants. */
export function auditDateRange(filter: Pick<AuditFilter, "from" | "to">): { since?: Date; until?: Date } {
  const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);
  return {
    since: filter.from ? startOf(filter.from) : undefined,
    until: filter.to ? new Date(startOf(filter.to).getTime() + 24 * 60 * 60 * 1000) : undefined,
  };
}
