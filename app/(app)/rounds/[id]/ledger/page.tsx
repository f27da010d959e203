import type { Metadata } from "next";
import { ListTable } from "@/components/list-table";
import { measureNumberColumn, measureTextColumn } from "@/components/measure-columns";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { deadlineState, LIGHT_OF } from "@/lib/deadline-state";
import { REVIEW_STATE_LABELS } from "@/lib/domain";
import { filterQuery } from "@/lib/validations/list-filter";
import { measureList, roundFor } from "../round-data";

export const metadata: Metadata = { title: "整改台账" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 整改台账: the table an office prints and hands in, one row per measure.
export default async function RoundLedgerPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "ledger.read");
  const list = await measureList(round, searchParams);
  const { filter } = list;
  const rows = list.rows.map((row) => ({
    ...row,
    light: LIGHT_OF[deadlineState({ deadline: row.deadline, status: row.status, today: list.today, dueSoonDays: round.dueSoonDays }).state],
  }));
  return (
    <ListTable
      caption="整改台账"
      filter={filter}
      filterBar={{ aspects: list.aspects, units: list.units }}
      counts={list.counts}
      noun="整改措施"
      actions={
        <a href={`/api/v1/rounds/${round.id}/export${filterQuery({ ...filter, page: undefined })}`} className="no-print text-sm text-brand-700 underline" download>
          导出 Excel(按当前筛选)
        </a>
      }
      empty={{ title: "没有符合条件的整改措施", hint: "可调整或清除筛选条件。" }}
      rows={rows}
      rowKey={(row) => row.id}
      page={list.page}
      pages={list.pages}
      columns={[
        measureNumberColumn(),
        { header: "方面", className: "min-w-32 text-xs text-gray-600", cell: (row) => row.aspectName },
        { header: "问题", className: "min-w-44", cell: (row) => row.problemTitle },
        measureTextColumn(),
        { header: "牵头领导", className: "min-w-28 text-xs", cell: (row) => row.leadLeader },
        { header: "牵头单位", sortKey: "unit", className: "whitespace-nowrap", cell: (row) => row.leadUnitName ?? "—" },
        { header: "配合单位", className: "min-w-28 text-xs", cell: (row) => row.coUnitNames ?? "—" },
        {
          header: "完成时限",
          sortKey: "deadline",
          className: "whitespace-nowrap",
          cell: (row) => (
            <>
              <DeadlineLight light={row.light} /> {row.deadline ?? ""}
              <div className="text-xs text-gray-500">{row.deadlineText}</div>
            </>
          ),
        },
        { header: "整改状态", sortKey: "status", cell: (row) => <StatusBadge status={row.status} /> },
        { header: "最新进展", className: "min-w-64 text-xs text-gray-700", cell: (row) => row.latestProgress ?? "—" },
        {
          header: "销号情况",
          className: "whitespace-nowrap text-xs",
          cell: (row) => (row.latestReviewState ? REVIEW_STATE_LABELS[row.latestReviewState] : "未报送"),
        },
      ]}
    />
  );
}
