import type Database from "better-sqlite3";

// Prepared INSERTs over better-sqlite3 itself: drizzle's builder costs more per row than
// SQLite does, and the generator writes millions of rows. Columns are listed once here,
// in the order the callers pass values.

type Value = string | number | null;
export type Insert = (...values: Value[]) => number;

function insertInto(sqlite: Database.Database, table: string, columns: string): Insert {
  const names = columns.split(/\s*,\s*/);
  const statement = sqlite.prepare(`insert into ${table} (${names.join(", ")}) values (${names.map(() => "?").join(", ")})`);
  return (...values) => Number(statement.run(values).lastInsertRowid);
}

export function createWriter(sqlite: Database.Database) {
  const insert = (table: string, columns: string) => insertInto(sqlite, table, columns);
  return {
    unit: insert("units", "id, name, kind, parent_id, created_at, updated_at"),
    user: insert("users", "id, name, email, email_verified, username, display_username, role, unit_id, is_admin, disabled, created_at, updated_at"),
    account: insert("accounts", "id, account_id, provider_id, user_id, password, created_at, updated_at"),
    round: insert(
      "rounds",
      "id, name, kind, inspecting_body, inspected_body, inspected_unit_id, inspection_start, inspection_end, feedback_date, deadline, due_soon_days, report_cycle, report_weekday, archived_at, created_at, updated_at",
    ),
    aspect: insert("aspects", "id, round_id, position, name, created_at, updated_at"),
    problem: insert("problems", "id, round_id, aspect_id, number, title, description, lead_leader, lead_unit_id, status, created_at, updated_at"),
    measure: insert(
      "measures",
      "id, round_id, problem_id, position, text, goal, lead_unit_id, deadline, deadline_kind, deadline_text, category, status, version, created_at, updated_at",
    ),
    coUnit: insert("measure_co_units", "measure_id, unit_id"),
    progress: insert(
      "progress_reports",
      "id, measure_id, unit_id, author_id, report_date, text, percent, milestone, claimed_status, is_claim, review_state, reviewer_id, review_note, reviewed_at, created_at",
    ),
    evidence: insert("evidence_files", "progress_report_id, file_name, mime_type, size, sha256, stored_path, created_at"),
    notice: insert(
      "supervision_notices",
      "id, round_id, unit_id, year, sequence, level, request, reply_deadline, state, issued_by_id, reply, replied_by_id, replied_at, closed_by_id, closed_at, created_at, updated_at",
    ),
    noticeMeasure: insert("supervision_notice_measures", "notice_id, measure_id"),
    lookBack: insert("look_backs", "id, measure_id, scheduled_date, result, note, checked_by_id, checked_at, created_at, updated_at"),
    institution: insert("institutions", "round_id, unit_id, progress_report_id, title, document_number, issued_date, created_at"),
    audit: insert("audit_log", "actor_id, action, entity, entity_id, before, after, created_at"),
  };
}

export type Writer = ReturnType<typeof createWriter>;

/** audit_log.before/after hold JSON text, as drizzle's json mode writes it. */
export const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
