import type { Metadata } from "next";
import Link from "next/link";
import { CountsLine } from "@/components/counts-line";
import { ListFilterBar } from "@/components/list-filter-bar";
import { Pagination } from "@/components/pagination";
import { SortHeader } from "@/components/sort-header";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/db";
import { unitResponsibilities } from "@/db/queries/responsibility";
import { filterQuery } from "@/lib/validations/list-filter";
import { measureList, roundFor } from "../round-data";

export const metadata: Metadata = { title: "责任清单" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 责任清单: who answers for what — per unit first (the summary leaders ask for), then per measure.
export default async function ResponsibilityListPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "round.read");
  const list = await measureList(round, searchParams);
  const { filter } = list;
  const byUnit = unitResponsibilities(db, { roundId: round.id, today: list.today });
  return (
    <>
      <section aria-labelledby="by-unit" className="mb-8">
        <h2 id="by-unit" className="mb-2 font-semibold">
          按单位汇总
        </h2>
        {byUnit.length === 0 ? (
          <EmptyState title="本轮次尚未分配责任单位" />
        ) : (
          <Table caption="按单位汇总">
            <thead>
              <tr>
                <Th>单位</Th>
                <Th>牵头措施</Th>
                <Th>配合措施</Th>
                <Th>牵头已完成</Th>
                <Th>牵头基本完成</Th>
                <Th>牵头未完成</Th>
                <Th>逾期</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {byUnit.map((u) => (
                <tr key={u.unitId}>
                  <Td>
                    <Link href={filterQuery({ ...filter, page: undefined }, { unit: u.unitId })} className="text-gray-900 hover:text-brand-700 hover:underline">
                      {u.unitName}
                    </Link>
                  </Td>
                  <Td>{u.leadCount}</Td>
                  <Td>{u.coCount}</Td>
                  <Td className="text-green-700">{u.completed}</Td>
                  <Td className="text-blue-700">{u.basicallyCompleted}</Td>
                  <Td>{u.incomplete}</Td>
                  <Td className={u.overdue > 0 ? "font-semibold text-red-700" : ""}>{u.overdue}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <h2 className="mb-2 font-semibold">按问题和措施</h2>
      <ListFilterBar filter={filter} aspects={list.aspects} units={list.units} />
      <CountsLine counts={list.counts} noun="整改措施" />
      {list.rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改措施" />
      ) : (
        <Table caption="责任清单">
          <thead>
            <tr>
              <SortHeader filter={filter} sortKey="number">
                序号
              </SortHeader>
              <Th>问题</Th>
              <Th>整改措施</Th>
              <Th>牵头领导</Th>
              <SortHeader filter={filter} sortKey="unit">
                牵头单位
              </SortHeader>
              <Th>责任单位</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {list.rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap">
                  {row.problemNumber}.{row.position}
                </Td>
                <Td className="min-w-48">{row.problemTitle}</Td>
                <Td className="min-w-64">
                  <Link href={`/measures/${row.id}`} className="text-gray-900 hover:text-brand-700 hover:underline">
                    {row.text}
                  </Link>
                </Td>
                <Td className="min-w-28 text-xs">{row.leadLeader || "—"}</Td>
                <Td className="whitespace-nowrap">{row.leadUnitName ?? "—"}</Td>
                <Td className="min-w-32 text-xs">{row.coUnitNames ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={list.page} pages={list.pages} total={list.counts.total} hrefFor={(p) => filterQuery(filter, { page: p })} />
    </>
  );
}
