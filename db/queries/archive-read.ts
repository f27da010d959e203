import "server-only";
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { and, asc, eq } from "drizzle-orm";
import type { PlanVersion } from "@/lib/plan-version";
import type { LookBackForArchive, NoticeForArchive } from "@/lib/archive-documents";
import type { AuditCsvRow } from "@/lib/archive-audit-csv";
import type { Queryable } from "../client";
import { submissions } from "../schema";

// What a round's 整改档案 reads beyond the queries the pages share: every notice, look-back
// and evidence file of the round, its audit trail and its ledger checksum. All of it is read
// on the package's own connection inside one read transaction (server/archive-package.ts),
// so a write committed meanwhile cannot split the package. Long lists come in pages by id,
// so the builder can yield to other requests between them.

/** Every version of the plan submitted for review (plan review), oldest first, with what it froze. */
export function planVersions(q: Queryable, params: { roundId: number }) {
  return q
    .select({ version: submissions.version, state: submissions.state, content: submissions.content, createdAt: submissions.createdAt })
    .from(submissions)
    .where(and(eq(submissions.roundId, params.roundId), eq(submissions.kind, "plan")))
    .orderBy(asc(submissions.version))
    .all()
    .map((v) => ({ ...v, content: v.content as PlanVersion }));
}

export interface ArchiveEvidence {
  id: number;
  fileName: string;
  size: number;
  sha256: string;
  storedPath: string;
  reportDate: string;
  unitName: string | null;
  problemNumber: number;
  measurePosition: number;
}

const evidenceSql = `
  select e.id, e.file_name as fileName, e.size, e.sha256, e.stored_path as storedPath, r.report_date as reportDate,
         u.name as unitName, p.number as problemNumber, m.position as measurePosition
  from evidence_files e
  join progress_reports r on r.id = e.progress_report_id
  join measures m on m.id = r.measure_id
  join problems p on p.id = m.problem_id
  left join units u on u.id = r.unit_id
  where m.round_id = ? and e.id > ?
  order by e.id limit ?`;

export function evidencePage(sqlite: Database.Database, params: { roundId: number; afterId: number; limit: number }): ArchiveEvidence[] {
  return sqlite.prepare(evidenceSql).all(params.roundId, params.afterId, params.limit) as ArchiveEvidence[];
}

export function evidenceCount(sqlite: Database.Database, params: { roundId: number }): number {
  return sqlite
    .prepare(
      `select count(*) from evidence_files e join progress_reports r on r.id = e.progress_report_id
       join measures m on m.id = r.measure_id where m.round_id = ?`,
    )
    .pluck()
    .get(params.roundId) as number;
}

/** A 督办单 as the package's documents print it, with its id to find its files. */
export interface ArchiveNotice extends NoticeForArchive {
  id: number;
}

/** 督办单 of the round with their replies, oldest number first; measures as "问题3 措施2:…" lines. */
export function roundNotices(sqlite: Database.Database, params: { roundId: number }): ArchiveNotice[] {
  return sqlite
    .prepare(
      `select n.id, n.year, n.sequence, n.level, n.request, n.reply_deadline as replyDeadline, n.state, n.reply,
              n.created_at as createdAt, n.replied_at as repliedAt, n.closed_at as closedAt, u.name as unitName,
              i.name as issuedByName, rp.name as repliedByName, c.name as closedByName,
              coalesce((select group_concat('问题' || p.number || ' 措施' || m.position || ':' || m.text, char(10))
                        from supervision_notice_measures nm join measures m on m.id = nm.measure_id
                        join problems p on p.id = m.problem_id where nm.notice_id = n.id), '') as measures
       from supervision_notices n join units u on u.id = n.unit_id
       left join users i on i.id = n.issued_by_id left join users rp on rp.id = n.replied_by_id
       left join users c on c.id = n.closed_by_id
       where n.round_id = ? order by n.year, n.sequence`,
    )
    .all(params.roundId) as ArchiveNotice[];
}

/** The document's row, with the id the package's index numbers it by. */
export interface ArchiveLookBack extends LookBackForArchive {
  id: number;
}

export function roundLookBacks(sqlite: Database.Database, params: { roundId: number }): ArchiveLookBack[] {
  return sqlite
    .prepare(
      `select l.id, l.scheduled_date as scheduledDate, l.result, l.note, l.checked_at as checkedAt, c.name as checkedByName,
              p.number as problemNumber, m.position as measurePosition, m.text as measureText, u.name as unitName
       from look_backs l join measures m on m.id = l.measure_id join problems p on p.id = m.problem_id
       left join units u on u.id = m.lead_unit_id left join users c on c.id = l.checked_by_id
       where m.round_id = ? order by l.scheduled_date, p.number, m.position, l.id`,
    )
    .all(params.roundId) as ArchiveLookBack[];
}

/** The CSV's row as read: the log's columns with the actor's name beside them. */
export type ArchiveAuditRow = AuditCsvRow;

// The round's trail: rows about the round itself and about everything that belongs to it.
// Each branch is an (entity, entity_id) lookup against the ids of one table of the round.
const ROUND_ENTITIES: Record<string, string> = {
  aspect: "select id from aspects where round_id = :round",
  problem: "select id from problems where round_id = :round",
  measure: "select id from measures where round_id = :round",
  progress_report: "select r.id from progress_reports r join measures m on m.id = r.measure_id where m.round_id = :round",
  look_back: "select l.id from look_backs l join measures m on m.id = l.measure_id where m.round_id = :round",
  appeal: "select a.id from appeals a join measures m on m.id = a.measure_id where m.round_id = :round",
  notice: "select id from supervision_notices where round_id = :round",
  institution: "select id from institutions where round_id = :round",
  ledger_snapshot: "select id from ledger_snapshots where round_id = :round",
  submission: "select id from submissions where round_id = :round",
  survey: "select id from surveys where round_id = :round",
  archive_package: "select id from archive_packages where round_id = :round",
};

const roundAuditWhere = [
  "(a.entity = 'round' and a.entity_id = :roundText)",
  ...Object.entries(ROUND_ENTITIES).map(([entity, ids]) => `(a.entity = '${entity}' and a.entity_id in (select cast(id as text) from (${ids})))`),
].join(" or ");

export function auditPage(sqlite: Database.Database, params: { roundId: number; afterId: number; limit: number }): ArchiveAuditRow[] {
  return sqlite
    .prepare(
      `select a.id, a.created_at as createdAt, u.name as actorName, u.username as actorUsername, a.action, a.entity,
              a.entity_id as entityId, a.before, a.after
       from audit_log a left join users u on u.id = a.actor_id
       where a.id > :after and (${roundAuditWhere}) order by a.id limit :limit`,
    )
    .all({ round: params.roundId, roundText: String(params.roundId), after: params.afterId, limit: params.limit }) as ArchiveAuditRow[];
}

// The round's ledger checksum: SHA-256 over its rows of these tables, each row written as
// "<table>:<JSON array of its columns>\n" in rowid order — the formula of the database-wide
// checksum that backup and restore print (server/jobs/backup.ts), kept to one round. Two
// databases that agree on this round's plan, progress and evidence give the same value.
const CHECKSUM_TABLES: [string, string][] = [
  ["rounds", "select t.rowid as _r, t.* from rounds t where t.id = :round"],
  ["aspects", "select t.rowid as _r, t.* from aspects t where t.round_id = :round"],
  ["problems", "select t.rowid as _r, t.* from problems t where t.round_id = :round"],
  ["measures", "select t.rowid as _r, t.* from measures t where t.round_id = :round"],
  ["measure_co_units", "select t.rowid as _r, t.* from measure_co_units t join measures m on m.id = t.measure_id where m.round_id = :round"],
  ["progress_reports", "select t.rowid as _r, t.* from progress_reports t join measures m on m.id = t.measure_id where m.round_id = :round"],
  [
    "evidence_files",
    "select t.rowid as _r, t.* from evidence_files t join progress_reports r on r.id = t.progress_report_id join measures m on m.id = r.measure_id where m.round_id = :round",
  ],
];

/**
 * Hashes the round's ledger, awaiting `pause` every `pageSize` rows so a province-size round
 * does not hold the event loop. The statement is iterated on the package's own connection,
 * which runs nothing else meanwhile.
 */
export async function roundLedgerChecksum(
  sqlite: Database.Database,
  params: { roundId: number; pageSize?: number; pause?: () => Promise<void> },
): Promise<string> {
  const hash = createHash("sha256");
  const every = params.pageSize ?? 5000;
  let seen = 0;
  for (const [table, select] of CHECKSUM_TABLES) {
    for (const row of sqlite.prepare(`${select} order by t.rowid`).raw().iterate({ round: params.roundId }) as Iterable<unknown[]>) {
      hash.update(`${table}:${JSON.stringify(row.slice(1))}\n`);
      if (++seen % every === 0) await params.pause?.();
    }
  }
  return hash.digest("hex");
}
