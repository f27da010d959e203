import type { ComponentProps, Key, ReactNode } from "react";
import { CountsLine } from "@/components/counts-line";
import { ListFilterBar } from "@/components/list-filter-bar";
import { Pagination } from "@/components/pagination";
import { SortHeader } from "@/components/sort-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { StatusCounts } from "@/lib/status";
import { filterQuery, type ListFilter, type SortKey } from "@/lib/validations/list-filter";

/** One column of a list: its header, the sort it offers if any, and what each row shows in it. */
export interface ListColumn<Row> {
  header: string;
  sortKey?: SortKey;
  /** Classes of the column's cells; a function when they depend on the row. */
  className?: string | ((row: Row) => string);
  cell: (row: Row) => ReactNode;
  /** The column's share of a fixed-layout table, e.g. "12%": long texts wrap inside it. */
  width?: string;
  /**
   * Whether the row shows the same as the row above in this column (the 问题 of its
   * measures): print then leaves the cell blank, as a merged cell would be on paper.
   */
  sameAsAbove?: (row: Row, above: Row) => boolean;
}

interface ListTableProps<Row> {
  /** The table's accessible name: users and tests find the list by it. */
  caption: string;
  filter: ListFilter;
  filterBar: Omit<ComponentProps<typeof ListFilterBar>, "filter">;
  /** What the filter matches: counts per status, or only a number when the rows have no status. */
  counts: StatusCounts | number;
  /** What a row is, in the counts line: 问题, 整改措施 … */
  noun: string;
  /** Shown beside the counts line, e.g. an export of the current filter. */
  actions?: ReactNode;
  columns: ListColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  rowClassName?: (row: Row) => string | undefined;
  empty: { title: string; hint?: ReactNode };
  page: number;
  pages: number;
  /** Classes of the table's box, e.g. the width below which it scrolls sideways. */
  tableClassName?: string;
}

/**
 * The skeleton shared by the round's lists: filters, counts, the table (or an empty state)
 * with sortable headers, and page links that keep the filter. On phones each row shows as a
 * card of labelled fields (`list-cards` in app/globals.css, labels from data-label).
 */
export function ListTable<Row>({ caption, filter, filterBar, counts, noun, actions, columns, rows, rowKey, rowClassName, empty, page, pages, tableClassName = "" }: ListTableProps<Row>) {
  // Fixed columns are narrow: their headers wrap rather than spill into the next one.
  const fixed = columns.some((column) => column.width);
  const total = typeof counts === "number" ? counts : counts.total;
  const countsLine =
    typeof counts === "number" ? (
      <p className="mb-2 text-sm text-gray-700">
        符合条件的{noun} <strong>{counts}</strong> 条
      </p>
    ) : (
      <CountsLine counts={counts} noun={noun} />
    );
  return (
    <>
      <ListFilterBar filter={filter} {...filterBar} />
      {actions ? (
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          {countsLine}
          {actions}
        </div>
      ) : (
        countsLine
      )}
      {rows.length === 0 ? (
        <EmptyState title={empty.title}>{empty.hint}</EmptyState>
      ) : (
        <Table caption={caption} fixed={fixed} className={`list-cards ${tableClassName}`}>
          {fixed ? (
            <colgroup>
              {columns.map((column) => (
                <col key={column.header} style={{ width: column.width }} />
              ))}
            </colgroup>
          ) : null}
          <thead>
            <tr>
              {columns.map((column) =>
                column.sortKey ? (
                  <SortHeader key={column.header} filter={filter} sortKey={column.sortKey} wrap={fixed}>
                    {column.header}
                  </SortHeader>
                ) : (
                  <Th key={column.header} wrap={fixed}>
                    {column.header}
                  </Th>
                ),
              )}
            </tr>
          </thead>
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
        </Table>
      )}
      <Pagination page={page} pages={pages} total={total} hrefFor={(p) => filterQuery(filter, { page: p })} />
    </>
  );
}
