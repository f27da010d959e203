import type { Metadata } from "next";
import { ListTable } from "@/components/list-table";
import { measureNumberColumn, measureTextColumn } from "@/components/measure-columns";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { daysLeftLabel, deadlineState, LIGHT_OF } from "@/lib/deadline-state";
import { DEADLINE_KIND_LABELS, MEASURE_CATEGORY_LABELS } from "@/lib/domain";
import { measureList, roundFor } from "../round-data";

export const metadata: Metadata = { title: "任务清单" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 任务清单: the measures as trackable tasks, with days left or overdue.
export default async function TaskListPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "round.read");
  const list = await measureList(round, searchParams);
  // The deadline state colours the row and two of its cells: work it out once per row.
  const rows = list.rows.map((row) => ({
    ...row,
    ...deadlineState({ deadline: row.deadline, status: row.status, today: list.today, dueSoonDays: round.dueSoonDays }),
  }));
  return (
    <ListTable
      caption="任务清单"
      filter={list.filter}
      filterBar={{ aspects: list.aspects, units: list.units }}
      counts={list.counts}
      noun="整改措施"
      empty={{ title: "没有符合条件的整改措施", hint: "可调整或清除筛选条件。" }}
      rows={rows}
      rowKey={(row) => row.id}
      rowClassName={(row) => (row.state === "overdue" ? "bg-red-50/60" : row.state === "due_soon" ? "bg-amber-50/60" : undefined)}
      page={list.page}
      pages={list.pages}
      columns={[
        measureNumberColumn(),
        measureTextColumn("min-w-72"),
        { header: "牵头单位", sortKey: "unit", className: "whitespace-nowrap", cell: (row) => row.leadUnitName ?? "—" },
        {
          header: "完成时限",
          sortKey: "deadline",
          className: "whitespace-nowrap",
          cell: (row) => (
            <>
              <DeadlineLight light={LIGHT_OF[row.state]} /> {row.deadline ?? "—"}
              <div className="text-xs text-gray-500">{row.deadlineText}</div>
            </>
          ),
        },
        { header: "时限类型", className: "whitespace-nowrap", cell: (row) => DEADLINE_KIND_LABELS[row.deadlineKind] },
        { header: "类别", className: "whitespace-nowrap", cell: (row) => MEASURE_CATEGORY_LABELS[row.category] },
        { header: "整改状态", sortKey: "status", cell: (row) => <StatusBadge status={row.status} /> },
        {
          header: "剩余 / 逾期",
          className: (row) => `whitespace-nowrap ${row.state === "overdue" ? "font-medium text-red-700" : ""}`,
          cell: (row) => daysLeftLabel(row.daysLeft),
        },
      ]}
    />
  );
}
