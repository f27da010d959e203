import type { ComponentProps, Key, ReactNode } from "react";
import { CountsLine } from "@/components/counts-line";
import { ListFilterBar } from "@/components/list-filter-bar";
import { ListRows, type ListColumn, type ListColumnHead } from "@/components/list-rows";
import { Pagination } from "@/components/pagination";
import { SortHeader } from "@/components/sort-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import type { StatusCounts } from "@/lib/status";
import { filterQuery, type ListFilter } from "@/lib/validations/list-filter";

export type { ListColumn } from "@/components/list-rows";

/** The rows, rendered here from the columns' cells. */
interface RowsHere<Row> {
  columns: ListColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  rowClassName?: (row: Row) => string | undefined;
  body?: never;
}

/**
 * The rows, rendered by the caller (a client component given the rows as data, so that a
 * long list's page payload carries each text once rather than a tree of cells); the
 * columns then give only the headers.
 */
interface RowsElsewhere {
  columns: ListColumnHead[];
  body: ReactNode;
  rowCount: number;
  rows?: never;
}

type ListTableProps<Row> = ListTableFrame & (RowsHere<Row> | RowsElsewhere);

interface ListTableFrame {
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
export function ListTable<Row>(props: ListTableProps<Row>) {
  const { caption, filter, filterBar, counts, noun, actions, columns, empty, page, pages, tableClassName = "" } = props;
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
      {(props.rows ? props.rows.length : props.rowCount) === 0 ? (
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
          {props.rows ? <ListRows columns={props.columns} rows={props.rows} rowKey={props.rowKey} rowClassName={props.rowClassName} /> : props.body}
        </Table>
      )}
      <Pagination page={page} pages={pages} total={total} hrefFor={(p) => filterQuery(filter, { page: p })} />
    </>
  );
}
