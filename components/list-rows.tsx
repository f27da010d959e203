import type { Key, ReactNode } from "react";
import { Td } from "@/components/ui/table";
import type { SortKey } from "@/lib/validations/list-filter";

/** What a list's header needs of a column. */
export interface ListColumnHead {
  header: string;
  sortKey?: SortKey;
  /** The column's share of a fixed-layout table, e.g. "12%": long texts wrap inside it. */
  width?: string;
}

/** One column of a list: its header, the sort it offers if any, and what each row shows in it. */
export interface ListColumn<Row> extends ListColumnHead {
  /** Classes of the column's cells; a function when they depend on the row. */
  className?: string | ((row: Row) => string);
  cell: (row: Row) => ReactNode;
  /**
   * Whether the row shows the same as the row above in this column (the 问题 of its
   * measures): print then leaves the cell blank, as a merged cell would be on paper.
   */
  sameAsAbove?: (row: Row, above: Row) => boolean;
}

/**
 * A list's rows, one cell per column, each labelled for the phone's card layout. Neither a
 * server nor a client component: ListTable renders it on the server, and a client list
 * (the 整改台账's) renders it in the browser from the rows as data.
 */
export function ListRows<Row>({ columns, rows, rowKey, rowClassName }: { columns: ListColumn<Row>[]; rows: readonly Row[]; rowKey: (row: Row) => Key; rowClassName?: (row: Row) => string | undefined }) {
  return (
    <tbody className="divide-y divide-gray-100">
      {rows.map((row, i) => (
        <tr key={rowKey(row)} className={rowClassName?.(row)}>
          {columns.map((column) => (
            <Td
              key={column.header}
              data-label={column.header}
              data-same-as-above={i > 0 && column.sameAsAbove?.(row, rows[i - 1]!) ? "" : undefined}
              className={typeof column.className === "function" ? column.className(row) : column.className}
            >
              {column.cell(row)}
            </Td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
