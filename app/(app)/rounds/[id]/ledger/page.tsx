import type { Metadata } from "next";
import Link from "next/link";
import { CountsLine } from "@/components/counts-line";
import { ListFilterBar } from "@/components/list-filter-bar";
import { Pagination } from "@/components/pagination";
import { SortHeader } from "@/components/sort-header";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
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
  return (
    <>
      <ListFilterBar filter={filter} aspects={list.aspects} units={list.units} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CountsLine counts={list.counts} noun="整改措施" />
        <a
          href={`/api/v1/rounds/${round.id}/export${filterQuery({ ...filter, page: undefined })}`}
          className="no-print text-sm text-brand-700 underline"
          download
        >
          导出 Excel(按当前筛选)
        </a>
      </div>
      {list.rows.length === 0 ? (
        <EmptyState title={list.counts.total === 0 && !filter.q ? "没有符合条件的整改措施" : "没有符合条件的整改措施"}>
          可调整或清除筛选条件。
        </EmptyState>
      ) : (
        <Table caption="整改台账">
          <thead>
            <tr>
              <SortHeader filter={filter} sortKey="number">
                序号
              </SortHeader>
              <Th>方面</Th>
              <Th>问题</Th>
              <Th>整改措施</Th>
              <Th>牵头领导</Th>
              <SortHeader filter={filter} sortKey="unit">
                牵头单位
              </SortHeader>
              <Th>责任单位</Th>
              <SortHeader filter={filter} sortKey="deadline">
                完成时限
              </SortHeader>
              <SortHeader filter={filter} sortKey="status">
                整改状态
              </SortHeader>
              <Th>最新进展</Th>
              <Th>销号情况</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {list.rows.map((row) => {
              const light = LIGHT_OF[deadlineState({ deadline: row.deadline, status: row.status, today: list.today, dueSoonDays: round.dueSoonDays }).state];
              return (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap">
                    {row.problemNumber}.{row.position}
                  </Td>
                  <Td className="min-w-32 text-xs text-gray-600">{row.aspectName}</Td>
                  <Td className="min-w-44">{row.problemTitle}</Td>
                  <Td className="min-w-64">
                    <Link href={`/measures/${row.id}`} className="text-gray-900 underline-offset-2 hover:text-brand-700 hover:underline">
                      {row.text}
                    </Link>
                  </Td>
                  <Td className="min-w-28 text-xs">{row.leadLeader}</Td>
                  <Td className="whitespace-nowrap">{row.leadUnitName ?? "—"}</Td>
                  <Td className="min-w-28 text-xs">{row.coUnitNames ?? "—"}</Td>
                  <Td className="whitespace-nowrap">
                    <DeadlineLight light={light} /> {row.deadline ?? ""}
                    <div className="text-xs text-gray-500">{row.deadlineText}</div>
                  </Td>
                  <Td>
                    <StatusBadge status={row.status} />
                  </Td>
                  <Td className="min-w-64 text-xs text-gray-700">{row.latestProgress ?? "—"}</Td>
                  <Td className="whitespace-nowrap text-xs">{row.latestReviewState ? REVIEW_STATE_LABELS[row.latestReviewState] : "未报送"}</Td>
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
