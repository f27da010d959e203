import "server-only";
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { auditReferences, type AuditNames } from "@/lib/audit-format";
import { APPEAL_SUBJECT_LABELS } from "@/lib/domain";
import { RED_CARD_KIND_LABELS } from "@/lib/evaluation";
import { noticeNumber } from "@/lib/notice";
import type { Queryable } from "../client";
import {
  apiTokens,
  appeals,
  aspects,
  evaluationRedCards,
  institutions,
  ledgerSnapshots,
  lookBacks,
  measures,
  problems,
  progressReports,
  rounds,
  supervisionNotices,
  surveys,
  units,
  users,
} from "../schema";

// The names behind the ids in a page of audit rows, looked up together: one query per kind
// of row referenced, however many rows the page shows. lib/audit-format.ts does the wording.

type Row = Parameters<typeof auditReferences>[0][number];

// A measure, a report or a look-back has no name of its own: it is called by the start of
// its text, and a report or look-back by its measure's and its day.
const MEASURE_LABEL_CHARS = 24;
const measureLabel = sql<string>`case when length(${measures.text}) > ${MEASURE_LABEL_CHARS}
  then substr(${measures.text}, 1, ${MEASURE_LABEL_CHARS}) || '…' else ${measures.text} end`;

function lookUp(q: Queryable, ids: Set<string>, idColumn: SQLiteColumn, name: SQL<string> | SQLiteColumn, numeric = true) {
  const keys = [...ids].filter((id) => !numeric || /^\d{1,15}$/.test(id));
  if (keys.length === 0) return {};
  const rows = q
    .select({ id: sql<string>`cast(${idColumn} as text)`, name: sql<string>`${name}` })
    .from(idColumn.table)
    .where(inArray(idColumn, numeric ? keys.map(Number) : keys))
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

function lookUpJoined(q: Queryable, ids: Set<string>, idColumn: SQLiteColumn, measureIdColumn: SQLiteColumn, name: SQL<string>) {
  const keys = [...ids].filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (keys.length === 0) return {};
  const rows = q
    .select({ id: sql<string>`cast(${idColumn} as text)`, name })
    .from(idColumn.table)
    .innerJoin(measures, eq(measures.id, measureIdColumn))
    .where(inArray(idColumn, keys))
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Names for every unit, user, round … that `rows` point at, by kind and id. */
export function auditReferenceNames(q: Queryable, rows: readonly Row[]): AuditNames {
  const refs = auditReferences(rows);
  const names: AuditNames = {
    unit: lookUp(q, refs.unit, units.id, units.name),
    user: lookUp(q, refs.user, users.id, users.name, false),
    round: lookUp(q, refs.round, rounds.id, rounds.name),
    aspect: lookUp(q, refs.aspect, aspects.id, aspects.name),
    problem: lookUp(q, refs.problem, problems.id, sql<string>`'第' || ${problems.number} || '个问题'`),
    measure: lookUp(q, refs.measure, measures.id, measureLabel),
    progress_report: lookUpJoined(q, refs.progress_report, progressReports.id, progressReports.measureId, sql<string>`${progressReports.reportDate} || ' 报送(' || ${measureLabel} || ')'`),
    look_back: lookUpJoined(q, refs.look_back, lookBacks.id, lookBacks.measureId, sql<string>`${lookBacks.scheduledDate} || '(' || ${measureLabel} || ')'`),
    // An appeal is called by what it contests and its measure: 逾期认定(建立学位建设台账…).
    appeal: lookUpJoined(q, refs.appeal, appeals.id, appeals.measureId, sql<string>`case ${appeals.subject} when 'return' then ${APPEAL_SUBJECT_LABELS.return} else ${APPEAL_SUBJECT_LABELS.overdue} end || '(' || ${measureLabel} || ')'`),
    // A red card is called by its verdict and its measure: 虚假整改(建立学位建设台账…).
    red_card: lookUpJoined(q, refs.red_card, evaluationRedCards.id, evaluationRedCards.measureId, sql<string>`case ${evaluationRedCards.kind} when 'false' then ${RED_CARD_KIND_LABELS.false} else ${RED_CARD_KIND_LABELS.perfunctory} end || '(' || ${measureLabel} || ')'`),
    api_token: lookUp(q, refs.api_token, apiTokens.id, apiTokens.name),
    institution: lookUp(q, refs.institution, institutions.id, institutions.title),
    survey: lookUp(q, refs.survey, surveys.id, surveys.title),
    ledger_snapshot: lookUp(q, refs.ledger_snapshot, ledgerSnapshots.id, sql<string>`case when ${ledgerSnapshots.label} != '' then ${ledgerSnapshots.label} else '截至 ' || ${ledgerSnapshots.asOf} end`),
  };
  const noticeIds = [...refs.notice].filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  const notices = noticeIds.length
    ? q.select({ id: supervisionNotices.id, year: supervisionNotices.year, sequence: supervisionNotices.sequence }).from(supervisionNotices).where(inArray(supervisionNotices.id, noticeIds)).all()
    : [];
  names.notice = Object.fromEntries(notices.map((n) => [String(n.id), noticeNumber(n)]));
  return names;
}
