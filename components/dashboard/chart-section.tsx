import Link from "@/components/link";
import type { ReactNode } from "react";

export interface DataRow {
  label: string;
  href?: string | null;
  cells: { value: string | number; href?: string | null }[];
}

/**
 * A chart with its heading, a one-sentence summary for screen readers, and the same numbers
 * as a visually hidden table whose cells are the drill-down links (charts are not
 * keyboard-friendly; the table is).
 */
export function ChartSection({
  id,
  title,
  summary,
  columns,
  rows,
  children,
  footer,
  className = "",
}: {
  id: string;
  title: string;
  summary: string;
  columns: string[];
  rows: DataRow[];
  children: ReactNode;
  /** Visible content after the chart (outside its image role), e.g. a ranking table. */
  footer?: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={`rounded-lg border border-gray-200 bg-white p-4 print:break-inside-avoid ${className}`}>
      <h2 id={`${id}-title`} className="mb-2 text-sm font-semibold text-gray-900">
        {title}
      </h2>
      <div role="img" aria-label={summary} style={{ fontFamily: "var(--font-sans)" }}>
        {children}
      </div>
      {footer}
      {/* sr-only goes on a wrapper: a table ignores width and overflow, so a hidden table
          of long labels still widened the page (852 px on a 390 px phone). */}
      {rows.length === 0 ? null : (
        <div className="sr-only">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.href ? <Link href={row.href}>{row.label}</Link> : row.label}</th>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell.href ? <Link href={cell.href}>{cell.value}</Link> : cell.value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
