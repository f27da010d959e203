import type { FieldChange } from "@/lib/audit-format";

/** A compact before → after of an audit row's changed fields, struck-through old values. */
export function AuditChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs text-gray-700">
      {changes.map((c) => (
        <li key={c.field} className="break-words">
          <span className="text-gray-500">{c.label}:</span>
          {c.before !== null ? <del className="text-gray-500">{c.before}</del> : null}
          {c.before !== null && c.after !== null ? " → " : null}
          {c.after !== null ? <ins className="no-underline">{c.after}</ins> : null}
        </li>
      ))}
    </ul>
  );
}
