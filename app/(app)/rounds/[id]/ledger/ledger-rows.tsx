"use client";

import { ClampedText } from "@/components/clamped-text";
import { ListRows, type ListColumn } from "@/components/list-rows";
import { measureNumberColumn, measureTextColumn } from "@/components/measure-columns";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import type { LedgerRow } from "@/db/queries/ledger";
import type { Light } from "@/lib/deadline-state";
import { REVIEW_STATE_LABELS } from "@/lib/domain";
import { runsPast } from "@/lib/text-length";
import { LEDGER_HEADS } from "./ledger-heads";

/** What one row of the 整改台账 shows: the page sends these, and only these, as data. */
export type LedgerRowView = Pick<
  LedgerRow,
  | "id"
  | "aspectId"
  | "aspectName"
  | "problemId"
  | "problemNumber"
  | "problemTitle"
  | "position"
  | "text"
  | "leadLeader"
  | "leadUnitName"
  | "coUnitNames"
  | "deadline"
  | "deadlineText"
  | "status"
  | "latestProgress"
  | "latestReviewState"
> & { light: Light };

// The cells of each column, in LEDGER_HEADS's order. The widths in characters (for the 展开
// button) are those of the columns at 1280 px.
const CELLS: Omit<ListColumn<LedgerRowView>, "header" | "sortKey" | "width">[] = [
  measureNumberColumn<LedgerRowView>(),
  {
    className: "text-xs text-gray-600",
    sameAsAbove: (row, above) => row.aspectId === above.aspectId,
    cell: (row) => <ClampedText long={runsPast(row.aspectName, 6)}>{row.aspectName}</ClampedText>,
  },
  {
    sameAsAbove: (row, above) => row.problemId === above.problemId,
    cell: (row) => <ClampedText long={runsPast(row.problemTitle, 5)}>{row.problemTitle}</ClampedText>,
  },
  measureTextColumn<LedgerRowView>("", 16),
  // The problem's leader: the same for all its measures.
  { className: "text-xs", sameAsAbove: (row, above) => row.problemId === above.problemId, cell: (row) => row.leadLeader },
  { cell: (row) => row.leadUnitName ?? "—" },
  { className: "text-xs", cell: (row) => <ClampedText long={runsPast(row.coUnitNames, 5)}>{row.coUnitNames ?? "—"}</ClampedText> },
  {
    cell: (row) => (
      <>
        <span className="whitespace-nowrap">
          <DeadlineLight light={row.light} /> {row.deadline ?? ""}
        </span>
        <div className="text-xs text-gray-500">{row.deadlineText}</div>
      </>
    ),
  },
  { cell: (row) => <StatusBadge status={row.status} /> },
  {
    className: "text-xs text-gray-700",
    cell: (row) => <ClampedText long={runsPast(row.latestProgress, 22)}>{row.latestProgress ?? "—"}</ClampedText>,
  },
  { className: "text-xs", cell: (row) => (row.latestReviewState ? REVIEW_STATE_LABELS[row.latestReviewState] : "未报送") },
];

const COLUMNS: ListColumn<LedgerRowView>[] = LEDGER_HEADS.map((head, i) => ({ ...CELLS[i]!, ...head }));

/**
 * The ledger's rows, rendered from the rows as data: as a tree of server-rendered cells a
 * page of 50 rows made a payload of 190 KB (every class name and label, 11 times a row);
 * as data it is the texts once.
 */
export function LedgerRows({ rows }: { rows: LedgerRowView[] }) {
  return <ListRows columns={COLUMNS} rows={rows} rowKey={(row) => row.id} />;
}
