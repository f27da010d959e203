import "server-only";
import type { Queryable } from "../client";
import { auditLog } from "../schema";

export interface AuditEntryInput {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

// Called inside the same transaction as the change it records, so a change without its
// audit row (or an audit row without its change) cannot exist.
export function recordAudit(tx: Queryable, entry: AuditEntryInput): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
