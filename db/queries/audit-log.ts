import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../client";
import {
  appeals,
  auditLog,
  institutions,
  lookBacks,
  noticeDraftMeasures,
  progressReports,
  supervisionNoticeMeasures,
  users,
} from "../schema";

// Reading the audit log. Writing is recordAudit (audit.ts) and nothing else; the table's
// triggers refuse UPDATE and DELETE, and no query here or page offers either.

export interface AuditLogFilter {
  entity?: string;
  action?: string;
  /** The actor's username. */
  actor?: string;
  entityId?: string;
  since?: Date;
  until?: Date;
}

const entryColumns = {
  id: auditLog.id,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  createdAt: auditLog.createdAt,
  actorId: auditLog.actorId,
  actorName: users.name,
  actorUsername: users.username,
};

function filterWhere(filter: AuditLogFilter): SQL | undefined {
  return and(
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.actor
      ? inArray(auditLog.actorId, sql`(select ${users.id} from ${users} where ${users.username} = ${filter.actor})`)
      : undefined,
    filter.since ? gte(auditLog.createdAt, filter.since) : undefined,
    filter.until ? lt(auditLog.createdAt, filter.until) : undefined,
  );
}

/** One page of the log, newest first, with the total for paging. */
export function listAuditLog(q: Queryable, params: { filter: AuditLogFilter; page: number; pageSize: number }) {
  const where = filterWhere(params.filter);
  const total = q.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const page = Math.min(Math.max(1, params.page), pages);
  const rows = q
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(params.pageSize)
    .offset((page - 1) * params.pageSize)
    .all();
  return { rows, total, page, pages };
}

export type AuditLogRow = ReturnType<typeof listAuditLog>["rows"][number];

/** The entity types and actions present in the log, for the filter's drop-downs. */
export function auditFilterOptions(q: Queryable) {
  const entities = q.selectDistinct({ v: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity)).all();
  const actions = q.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all();
  return { entities: entities.map((r) => r.v), actions: actions.map((r) => r.v) };
}

/**
 * A measure's history: its own rows and those of its progress reports (claims, returns),
 * the institutions they registered, its look-backs, appeals, supervision notices and the drafts
 * the escalation ladder made of them, oldest first. Each branch is an
 * (entity, entity_id) lookup on the log's index; ids are cast to text to match entity_id.
 */
export function measureHistory(q: Queryable, params: { measureId: number }) {
  const id = params.measureId;
  const reportIds = sql`select cast(${progressReports.id} as text) from ${progressReports} where ${progressReports.measureId} = ${id}`;
  const branches = [
    and(eq(auditLog.entity, "measure"), eq(auditLog.entityId, String(id))),
    and(
      eq(auditLog.entity, "look_back"),
      sql`${auditLog.entityId} in (select cast(${lookBacks.id} as text) from ${lookBacks} where ${lookBacks.measureId} = ${id})`,
    ),
    and(eq(auditLog.entity, "progress_report"), sql`${auditLog.entityId} in (${reportIds})`),
    and(
      eq(auditLog.entity, "appeal"),
      sql`${auditLog.entityId} in (select cast(${appeals.id} as text) from ${appeals} where ${appeals.measureId} = ${id})`,
    ),
    and(
      eq(auditLog.entity, "institution"),
      sql`${auditLog.entityId} in (select cast(${institutions.id} as text) from ${institutions}
        where ${institutions.progressReportId} in (select ${progressReports.id} from ${progressReports} where ${progressReports.measureId} = ${id}))`,
    ),
    and(
      eq(auditLog.entity, "notice"),
      sql`${auditLog.entityId} in (select cast(${supervisionNoticeMeasures.noticeId} as text) from ${supervisionNoticeMeasures}
        where ${supervisionNoticeMeasures.measureId} = ${id})`,
    ),
    and(
      eq(auditLog.entity, "notice_draft"),
      sql`${auditLog.entityId} in (select cast(${noticeDraftMeasures.draftId} as text) from ${noticeDraftMeasures}
        where ${noticeDraftMeasures.measureId} = ${id})`,
    ),
  ];
  return q
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(or(...branches))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
    .all();
}
