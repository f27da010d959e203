import { REPROOF_INTERVAL_LABELS } from "./reproof";
import { INDICATOR_DIRECTION_LABELS } from "@/lib/indicators";
import { entityLabel, FIELD_LABELS } from "./audit-labels";
import {
  APPEAL_DECISION_LABELS,
  APPEAL_SUBJECT_LABELS,
  CLUE_KIND_LABELS,
  CLUE_STAGE_LABELS,
  DEADLINE_KIND_LABELS,
  INSTITUTION_APPLIED,
  INSTITUTION_APPLIED_LABELS,
  LOOK_BACK_RESULT_LABELS,
  MEASURE_CATEGORY_LABELS,
  NOTICE_DRAFT_STATE_LABELS,
  NOTICE_LEVEL_LABELS,
  NOTICE_STATE_LABELS,
  REPORT_CYCLE_LABELS,
  REVIEW_STATE_LABELS,
  ROLE_LABELS,
  ROUND_KIND_LABELS,
  STATUS_LABELS,
  UNIT_KIND_LABELS,
  SURVEY_STATE_LABELS,
  WEEKDAY_LABELS,
} from "./domain";

export { actionLabel, AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, entityLabel, FIELD_LABELS } from "./audit-labels";

// How an audit row reads in Chinese: a compact before → after of what changed, with enum
// values in words and ids of units, users, rounds … as the names db/queries/audit-names.ts
// looked up for the page. Pure, so the /audit page and a measure's timeline agree.

/** The kinds of row an id in the log may point at. */
export const REFERENCE_KINDS = ["unit", "user", "round", "aspect", "problem", "measure", "progress_report", "look_back", "appeal", "notice", "api_token", "institution", "ledger_snapshot", "survey", "red_card"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** Names by kind and id (as text, the way audit_log.entity_id holds it). */
export type AuditNames = Partial<Record<ReferenceKind, Record<string, string>>>;

/** Snapshot fields that hold an id (or a list of ids) of another row. */
export const REFERENCE_FIELDS: Record<string, ReferenceKind> = {
  unitId: "unit",
  leadUnitId: "unit",
  inspectedUnitId: "unit",
  parentId: "unit",
  coUnitIds: "unit",
  unitIds: "unit",
  authorId: "user",
  reviewerId: "user",
  issuedById: "user",
  repliedById: "user",
  closedById: "user",
  principalUserId: "user",
  deputyUserId: "user",
  createdById: "user",
  userId: "user",
  roundId: "round",
  aspectId: "aspect",
  problemId: "problem",
  problemIds: "problem",
  linkedProblemIds: "problem",
  measureId: "measure",
  measureIds: "measure",
  reportId: "progress_report",
  lookBackId: "look_back",
  surveyId: "survey",
  redCardId: "red_card",
};

const isReferenceKind = (entity: string): entity is ReferenceKind => (REFERENCE_KINDS as readonly string[]).includes(entity);

// Bookkeeping says nothing a reader of the log needs; the row's own id is shown as the object.
// idempotencyKey: a client's retry key, kept in the row for tracing, meaningless to a reader.
export const IGNORED_FIELDS: ReadonlySet<string> = new Set(["id", "createdAt", "updatedAt", "passwordHash", "tokenHash", "neighbour", "sha256", "idempotencyKey"]);

// `kind` is a round's or a unit's; their values do not overlap.
const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  claimedStatus: STATUS_LABELS,
  reviewState: REVIEW_STATE_LABELS,
  result: LOOK_BACK_RESULT_LABELS,
  level: NOTICE_LEVEL_LABELS,
  state: NOTICE_STATE_LABELS,
  role: ROLE_LABELS,
  kind: { ...ROUND_KIND_LABELS, ...UNIT_KIND_LABELS },
  reportCycle: REPORT_CYCLE_LABELS,
  deadlineKind: DEADLINE_KIND_LABELS,
  indicatorDirection: INDICATOR_DIRECTION_LABELS,
  category: MEASURE_CATEGORY_LABELS,
  reproofInterval: REPROOF_INTERVAL_LABELS,
  subject: APPEAL_SUBJECT_LABELS,
  decision: APPEAL_DECISION_LABELS,
  draftState: NOTICE_DRAFT_STATE_LABELS,
  clueKind: CLUE_KIND_LABELS,
  stage: CLUE_STAGE_LABELS,
  surveyState: SURVEY_STATE_LABELS,
};

/** Numbers that count days of the escalation ladder. */
const DAY_FIELDS = new Set(["dueSoonDays", "liaisonDays", "deputyDays", "principalDays", "leadLeaderOverdueDays"]);

const MAX_VALUE_CHARS = 60;
const shorten = (s: string, max = MAX_VALUE_CHARS) => (s.length > max ? `${s.slice(0, max)}…` : s);
const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const count = (v: unknown) => (Array.isArray(v) ? v.length : Object.keys(asRecord(v) ?? {}).length);
const listOf = (v: unknown, key: string) =>
  Array.isArray(v) ? v.map((item) => String(asRecord(item)?.[key] ?? "")).filter(Boolean).join("、") || "无" : null;

/** Values too rich for one cell, each said in a few words. */
const SUMMARIES: Record<string, (v: unknown) => string | null> = {
  evidence: (v) => listOf(v, "fileName"),
  institutions: (v) => listOf(v, "title"),
  institutionChecks: (v) => {
    if (!Array.isArray(v)) return null;
    const tally = INSTITUTION_APPLIED.map((a) => [a, v.filter((c) => asRecord(c)?.applied === a).length] as const).filter(([, n]) => n > 0);
    return `${v.length} 项制度(${tally.map(([a, n]) => `${INSTITUTION_APPLIED_LABELS[a]} ${n}`).join("、")})`;
  },
  problems: (v) => (Array.isArray(v) ? `${v.length} 个问题` : null),
  measures: (v) => (Array.isArray(v) ? `${v.length} 条措施` : null),
  rows: (v) => `${count(v)} 行`,
  ids: (v) => (v === "all" ? "全部" : `${count(v)} 条`),
  texts: (v) => {
    const t = asRecord(v) ?? {};
    const parts = [t.opening ? `开头:${shorten(String(t.opening), 20)}` : "", t.closing ? `结尾:${shorten(String(t.closing), 20)}` : ""];
    const explained = count(t.problems);
    if (explained > 0) parts.push(`${explained} 个问题的说明`);
    return parts.filter(Boolean).join(";") || "空";
  },
  figures: (v) => {
    const f = asRecord(v);
    const problems = asRecord(f?.problems);
    const measures = asRecord(f?.measures);
    if (!problems || !measures) return null;
    return `问题 ${problems.total} 个(已完成 ${problems.completed}),措施 ${measures.total} 条(已完成 ${measures.completed})`;
  },
};

/** "2026-W47" → 2026年第47周, "2026-11" → 2026年11月: the reminder's cycle key. */
function cycleLabel(key: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return `${week[1]}年第${Number(week[2])}周`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  return month ? `${month[1]}年${Number(month[2])}月` : key;
}

function referenceName(kind: ReferenceKind, id: unknown, names: AuditNames): string {
  const name = names[kind]?.[String(id)];
  if (name) return name;
  return kind === "user" ? "已删除的用户" : `${entityLabel(kind)} ${String(id)}(已删除)`;
}

function show(field: string, value: unknown, names: AuditNames): string | null {
  if (value === undefined || value === null || value === "") return null;
  const summary = SUMMARIES[field]?.(value);
  if (summary) return summary;
  const kind = REFERENCE_FIELDS[field];
  if (kind) {
    if (value === "all") return "全部";
    if (Array.isArray(value)) return value.length === 0 ? "无" : shorten(value.map((id) => referenceName(kind, id, names)).join("、"));
    return shorten(referenceName(kind, value, names));
  }
  if (typeof value === "string") {
    const label = ENUM_LABELS[field]?.[value];
    if (label) return label;
    if (field === "cycle") return cycleLabel(value);
    if (field.endsWith("At") && /^\d{4}-\d{2}-\d{2}T/.test(value)) return auditTime(new Date(value));
    return shorten(value);
  }
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") {
    if (field === "reportWeekday") return WEEKDAY_LABELS[value] ?? String(value);
    if (field === "percent") return `${value}%`;
    if (DAY_FIELDS.has(field)) return `${value} 天`;
    return String(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "无";
    if (value.every((v) => typeof v !== "object")) return shorten(value.join("、"));
    return `${value.length} 条`;
  }
  // A plain object: its fields, labelled the same way.
  const nested = asRecord(value) ?? {};
  return shorten(
    Object.entries(nested)
      .filter(([k]) => !IGNORED_FIELDS.has(k))
      .map(([k, v]) => `${FIELD_LABELS[k] ?? k} ${show(k, v, names) ?? "无"}`)
      .join(",") || "空",
  );
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/**
 * The fields whose value differs between `before` and `after` (a create has only `after`,
 * a delete only `before`), in a stable order, values shortened, enums and ids in words.
 */
export function auditChanges(
  before: unknown,
  after: unknown,
  { limit = 8, hide, names = {} }: { limit?: number; hide?: ReadonlySet<string>; names?: AuditNames } = {},
): FieldChange[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED_FIELDS.has(field) || hide?.has(field)) continue;
    if (JSON.stringify(b[field] ?? null) === JSON.stringify(a[field] ?? null)) continue;
    const change = { field, label: FIELD_LABELS[field] ?? field, before: show(field, b[field], names), after: show(field, a[field], names) };
    if (change.before === null && change.after === null) continue;
    changes.push(change);
    if (changes.length >= limit) break;
  }
  return changes;
}

/** The ids an audit row points at (its object and the ids in its snapshots), by kind. */
export function auditReferences(rows: readonly { entity: string; entityId: string; before: unknown; after: unknown }[]) {
  const refs = Object.fromEntries(REFERENCE_KINDS.map((k) => [k, new Set<string>()])) as Record<ReferenceKind, Set<string>>;
  for (const row of rows) {
    if (isReferenceKind(row.entity)) refs[row.entity].add(row.entityId);
    for (const side of [row.before, row.after]) {
      for (const [field, value] of Object.entries(asRecord(side) ?? {})) {
        const kind = REFERENCE_FIELDS[field];
        if (!kind || value === null || value === undefined || value === "all") continue;
        for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "number" || typeof id === "string") refs[kind].add(String(id));
      }
    }
  }
  return refs;
}

/**
 * The object of a row as a reader names it: 轮次“……”, 用户 张三. When the row is gone, the
 * snapshot's own name or title still says what it was.
 */
export function auditObject(row: { entity: string; entityId: string; before: unknown; after: unknown }, names: AuditNames): string {
  const label = entityLabel(row.entity);
  if (row.entity === "notification") return row.entityId === "all" ? "全部通知" : label;
  const name = isReferenceKind(row.entity) ? names[row.entity]?.[row.entityId] : undefined;
  if (name) return `${label} ${name}`;
  const snapshot = asRecord(row.before) ?? asRecord(row.after) ?? {};
  const own = snapshot.name ?? snapshot.title ?? snapshot.text;
  if (typeof own === "string" && own) return `${label} ${shorten(own, 30)}`;
  if (row.entity === "user") return `${label}(已删除)`;
  return isReferenceKind(row.entity) ? `${label}(已删除)` : `${label} ${row.entityId}`;
}

/**
 * Who wrote a row: the user's name; a deleted user; for a survey answer the anonymous
 * public (nobody signs in to answer); otherwise the system (jobs, imports from the CLI).
 */
export function auditActor(row: { actorId: string | null; actorName: string | null; entity: string }): string {
  if (row.actorName) return row.actorName;
  if (row.actorId) return "已删除的用户";
  return row.entity === "survey_response" ? "匿名群众" : "系统";
}

/** Time of a log row as the office reads it: Beijing time, "2026-11-21 14:03:09". */
export function auditTime(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}
