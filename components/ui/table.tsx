import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/**
 * A bordered table that scrolls sideways on screen when it must. In print the scroller is
 * let go: a scroll container clips whatever does not fit the paper.
 * `fixed`: the columns take the widths of the table's <col>s and the table its container's
 * width, so long texts wrap inside their column instead of widening it.
 */
export function Table({ caption, children, fixed = false, className = "" }: { caption?: string; children: ReactNode; fixed?: boolean; className?: string }) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-gray-200 bg-white print:overflow-visible print:rounded-none print:border-0 ${className}`}>
      <table className={`min-w-full divide-y divide-gray-200 text-sm ${fixed ? "w-full table-fixed" : ""}`}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

/** `wrap`: the header may take two lines, for the narrow columns of a fixed-layout table. */
export function Th({ className = "", wrap = false, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { wrap?: boolean }) {
  return (
    <th
      scope="col"
      className={`bg-gray-50 px-3 py-2 text-left text-xs font-semibold text-gray-700 ${wrap ? "" : "whitespace-nowrap"} ${className}`}
      {...props}
    />
  );
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2 align-top text-gray-800 ${className}`} {...props} />;
}
