import type { Metadata } from "next";
import Link from "next/link";
import { CountsLine } from "@/components/counts-line";
import { ListFilterBar } from "@/components/list-filter-bar";
import { Pagination } from "@/components/pagination";
import { filterQuery } from "@/lib/validations/list-filter";
import { SortHeader } from "@/components/sort-header";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { daysLeftLabel, deadlineState, LIGHT_OF } from "@/lib/deadline-state";
import { DEADLINE_KIND_LABELS, MEASURE_CATEGORY_LABELS } from "@/lib/domain";
import { measureList, roundFor } from "../round-data";

export const metadata: Metadata = { title: "任务清单" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 任务清单: the measures as trackable tasks, with days left or overdue.
export default async function TaskListPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "round.read");
  const list = await measureList(round, searchParams);
  const { filter } = list;
  return (
    <>
      <ListFilterBar filter={filter} aspects={list.aspects} units={list.units} />
      <CountsLine counts={list.counts} noun="整改措施" />
      {list.rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改措施">可调整或清除筛选条件。</EmptyState>
      ) : (
        <Table caption="任务清单">
          <thead>
            <tr>
              <SortHeader filter={filter} sortKey="number">
                序号
              </SortHeader>
              <Th>整改措施</Th>
              <SortHeader filter={filter} sortKey="unit">
                牵头单位
              </SortHeader>
              <SortHeader filter={filter} sortKey="deadline">
                完成时限
              </SortHeader>
              <Th>时限类型</Th>
              <Th>类别</Th>
              <SortHeader filter={filter} sortKey="status">
                整改状态
              </SortHeader>
              <Th>剩余 / 逾期</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {list.rows.map((row) => {
              const { state, daysLeft } = deadlineState({ deadline: row.deadline, status: row.status, today: list.today, dueSoonDays: round.dueSoonDays });
              return (
                <tr key={row.id} className={state === "overdue" ? "bg-red-50/60" : state === "due_soon" ? "bg-amber-50/60" : undefined}>
                  <Td className="whitespace-nowrap">
                    {row.problemNumber}.{row.position}
                  </Td>
                  <Td className="min-w-72">
                    <Link href={`/measures/${row.id}`} className="text-gray-900 hover:text-brand-700 hover:underline">
                      {row.text}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{row.leadUnitName ?? "—"}</Td>
                  <Td className="whitespace-nowrap">
                    <DeadlineLight light={LIGHT_OF[state]} /> {row.deadline ?? "—"}
                    <div className="text-xs text-gray-500">{row.deadlineText}</div>
                  </Td>
                  <Td className="whitespace-nowrap">{DEADLINE_KIND_LABELS[row.deadlineKind]}</Td>
                  <Td className="whitespace-nowrap">{MEASURE_CATEGORY_LABELS[row.category]}</Td>
                  <Td>
                    <StatusBadge status={row.status} />
                  </Td>
                  <Td className={`whitespace-nowrap ${state === "overdue" ? "font-medium text-red-700" : ""}`}>{daysLeftLabel(daysLeft)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Pagination page={list.page} pages={list.pages} total={list.counts.total} hrefFor={(p) => filterQuery(filter, { page: p })} />
    </>
  );
}
