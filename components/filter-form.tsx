import Link from "@/components/link";
import type { ReactNode } from "react";

// The filter bars of the lists (ledger, notices, review queue, audit log) share one shape:
// a plain GET form, so every filtered view is a link, with the same controls and buttons.

export const FILTER_CONTROL = "rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

export function FilterForm({ label = "筛选", children }: { label?: string; children: ReactNode }) {
  return (
    <form method="get" role="search" aria-label={label} className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-3 text-sm">
      {children}
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        筛选
      </button>
      <Link href="?" className="pb-1.5 text-gray-600 underline-offset-2 hover:underline">
        清除筛选
      </Link>
    </form>
  );
}

/** A labelled select whose first option means "no filter". */
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
  className = "",
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  allLabel: string;
  options: { value: string | number; label: string }[];
  className?: string;
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-gray-600">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={`${FILTER_CONTROL} ${className}`}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
