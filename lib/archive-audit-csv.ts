import { actionLabel, entityLabel } from "@/lib/audit-labels";

// The round's audit log in the archive: one CSV row per entry, in Chinese where the log has
// a word for it, the before/after snapshots kept as their JSON so nothing is lost.

export interface AuditCsvRow {
  id: number;
  createdAt: number;
  actorName: string | null;
  actorUsername: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // A leading = + - @ would be read by Excel as a formula: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsvHeader(): string {
  return "\uFEFF" + ["序号", "时间(北京时间)", "操作人", "用户名", "操作", "对象类型", "对象编号", "变更前", "变更后", "操作代码"].join(",") + "\r\n";
}

function beijing(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

export function auditCsvRows(rows: readonly AuditCsvRow[]): string {
  return rows
    .map((r) =>
      [r.id, beijing(r.createdAt), r.actorName ?? "命令行或系统", r.actorUsername, actionLabel(r.action), entityLabel(r.entity), r.entityId, r.before, r.after, r.action]
        .map(cell)
        .join(","),
    )
    .join("\r\n") + "\r\n";
}
