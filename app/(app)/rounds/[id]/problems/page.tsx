import type { Metadata } from "next";
import Link from "next/link";
import { CountsLine } from "@/components/counts-line";
import { ListFilterBar } from "@/components/list-filter-bar";
import { Pagination } from "@/components/pagination";
import { filterQuery } from "@/lib/validations/list-filter";
import { SortHeader } from "@/components/sort-header";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listAspects, unitsInRound } from "@/db/queries/plan";
import { problemPage } from "@/db/queries/problem-list";
import { PAGE_SIZE, parseListFilter } from "@/lib/validations/list-filter";
import { roundFor } from "../round-data";

export const metadata: Metadata = { title: "问题清单" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 问题清单: what is wrong, grouped by aspect, each with the status its measures roll up to.
export default async function ProblemListPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "round.read");
  const filter = parseListFilter(await searchParams);
  const { rows, counts, page, pages } = problemPage(db, { roundId: round.id, filter, pageSize: PAGE_SIZE });
  return (
    <>
      <ListFilterBar filter={filter} aspects={listAspects(db, { roundId: round.id })} units={unitsInRound(db, { roundId: round.id })} show={{}} />
      <CountsLine counts={counts} noun="问题" />
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的问题">可调整或清除筛选条件;新轮次请先录入或导入问题清单。</EmptyState>
      ) : (
        <Table caption="问题清单">
          <thead>
            <tr>
              <SortHeader filter={filter} sortKey="number">
                序号
              </SortHeader>
              <Th>方面</Th>
              <Th>问题</Th>
              <Th>牵头领导</Th>
              <SortHeader filter={filter} sortKey="unit">
                牵头单位
              </SortHeader>
              <Th>措施完成</Th>
              <SortHeader filter={filter} sortKey="status">
                整改状态
              </SortHeader>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((p) => (
              <tr key={p.id}>
                <Td className="whitespace-nowrap">{p.number}</Td>
                <Td className="min-w-40 text-xs text-gray-600">{p.aspectName ? `第${p.aspectPosition}方面 ${p.aspectName}` : "—"}</Td>
                <Td className="min-w-64">
                  <Link href={`/rounds/${round.id}/ledger?q=${encodeURIComponent(p.title)}`} className="font-medium text-gray-900 hover:text-brand-700 hover:underline">
                    {p.title}
                  </Link>
                  {p.description ? <p className="mt-1 text-xs text-gray-600">{p.description}</p> : null}
                </Td>
                <Td className="min-w-28 text-xs">{p.leadLeader || "—"}</Td>
                <Td className="whitespace-nowrap">{p.leadUnitName ?? "—"}</Td>
                <Td className="whitespace-nowrap">
                  {p.completedCount}/{p.measureCount}
                </Td>
                <Td>
                  <StatusBadge status={p.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pages={pages} total={counts.total} hrefFor={(p) => filterQuery(filter, { page: p })} />
    </>
  );
}
