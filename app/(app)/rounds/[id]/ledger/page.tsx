import type { Metadata } from "next";
import Link from "@/components/link";
import { ClampedText } from "@/components/clamped-text";
import { ListTable } from "@/components/list-table";
import { measureNumberColumn, measureTextColumn } from "@/components/measure-columns";
import { PrintButton } from "@/components/print-button";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { deadlineState, LIGHT_OF } from "@/lib/deadline-state";
import { REVIEW_STATE_LABELS, ROUND_KIND_LABELS } from "@/lib/domain";
import { runsPast } from "@/lib/text-length";
import { filterQuery } from "@/lib/validations/list-filter";
import { measureList, roundFor } from "../round-data";

export const metadata: Metadata = { title: "整改台账" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?print=all` lists every row the filter matches on one page, to print; bounded all the same. */
const PRINT_ALL_LIMIT = 2000;

// 整改台账: the table an office prints and hands in, one row per measure. On screen the long
// texts are cut to three lines; in print every column and every word shows, landscape,
// under a title block, with the header on each page (app/globals.css).
export default async function RoundLedgerPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "ledger.read");
  const printAll = (await searchParams).print === "all";
  const list = await measureList(round, searchParams, printAll ? PRINT_ALL_LIMIT : undefined);
  const { filter } = list;
  const rows = list.rows.map((row) => ({
    ...row,
    light: LIGHT_OF[deadlineState({ deadline: row.deadline, status: row.status, today: list.today, dueSoonDays: round.dueSoonDays }).state],
  }));
  const query = filterQuery({ ...filter, page: undefined });
  return (
    <>
      <div data-print-title className="hidden text-center print:mb-2 print:block">
        <h2 className="text-lg font-semibold">{round.name}整改台账</h2>
        <p className="text-xs">
          {ROUND_KIND_LABELS[round.kind]} · {round.inspectingBody} → {round.inspectedBody} · 截至 {list.today}
        </p>
      </div>
      <ListTable
        caption="整改台账"
        filter={filter}
        filterBar={{ aspects: list.aspects, units: list.units }}
        counts={list.counts}
        noun="整改措施"
        actions={
          <div className="no-print flex flex-wrap items-center gap-3 text-sm">
            {list.pages > 1 ? (
              <Link href={`${query}${query ? "&" : "?"}print=all`} className="text-brand-700 underline">
                显示全部 {list.counts.total} 项以便打印
              </Link>
            ) : null}
            <PrintButton label="打印台账" />
            <a href={`/api/v1/rounds/${round.id}/export${query}`} className="text-brand-700 underline" download>
              导出 Excel(按当前筛选)
            </a>
          </div>
        }
        empty={{ title: "没有符合条件的整改措施", hint: "可调整或清除筛选条件。" }}
        rows={rows}
        rowKey={(row) => row.id}
        page={list.page}
        pages={list.pages}
        tableClassName="ledger-table"
        // Shares of the table's width, balanced so that a row of real texts is about as tall
        // in each column; the widths in characters (for the 展开 button) are those at 1280 px.
        columns={[
          { ...measureNumberColumn(), width: "3.5%" },
          {
            header: "方面",
            width: "8%",
            className: "text-xs text-gray-600",
            sameAsAbove: (row, above) => row.aspectId === above.aspectId,
            cell: (row) => <ClampedText long={runsPast(row.aspectName, 6)}>{row.aspectName}</ClampedText>,
          },
          {
            header: "问题",
            width: "7%",
            sameAsAbove: (row, above) => row.problemId === above.problemId,
            cell: (row) => <ClampedText long={runsPast(row.problemTitle, 5)}>{row.problemTitle}</ClampedText>,
          },
          { ...measureTextColumn("", 16), width: "20%" },
          // The problem's leader: the same for all its measures.
          { header: "牵头领导", width: "6%", className: "text-xs", sameAsAbove: (row, above) => row.problemId === above.problemId, cell: (row) => row.leadLeader },
          { header: "牵头单位", sortKey: "unit", width: "6%", cell: (row) => row.leadUnitName ?? "—" },
          { header: "配合单位", width: "6%", className: "text-xs", cell: (row) => <ClampedText long={runsPast(row.coUnitNames, 5)}>{row.coUnitNames ?? "—"}</ClampedText> },
          {
            header: "完成时限",
            sortKey: "deadline",
            width: "9%",
            cell: (row) => (
              <>
                <span className="whitespace-nowrap">
                  <DeadlineLight light={row.light} /> {row.deadline ?? ""}
                </span>
                <div className="text-xs text-gray-500">{row.deadlineText}</div>
              </>
            ),
          },
          { header: "整改状态", sortKey: "status", width: "5.5%", cell: (row) => <StatusBadge status={row.status} /> },
          {
            header: "最新进展",
            width: "24.5%",
            className: "text-xs text-gray-700",
            cell: (row) => <ClampedText long={runsPast(row.latestProgress, 22)}>{row.latestProgress ?? "—"}</ClampedText>,
          },
          {
            header: "销号情况",
            width: "4.5%",
            className: "text-xs",
            cell: (row) => (row.latestReviewState ? REVIEW_STATE_LABELS[row.latestReviewState] : "未报送"),
          },
        ]}
      />
    </>
  );
}
