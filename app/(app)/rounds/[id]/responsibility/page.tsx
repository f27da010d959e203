import type { Metadata } from "next";
import Link from "@/components/link";
import { ListTable } from "@/components/list-table";
import { measureNumberColumn, measureTextColumn } from "@/components/measure-columns";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
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
      <ListTable
        caption="责任清单"
        filter={filter}
        filterBar={{ aspects: list.aspects, units: list.units }}
        counts={list.counts}
        noun="整改措施"
        empty={{ title: "没有符合条件的整改措施" }}
        rows={list.rows}
        rowKey={(row) => row.id}
        page={list.page}
        pages={list.pages}
        columns={[
          measureNumberColumn(),
          { header: "问题", className: "min-w-48", cell: (row) => row.problemTitle },
          measureTextColumn(),
          { header: "牵头领导", className: "min-w-28 text-xs", cell: (row) => row.leadLeader || "—" },
          { header: "牵头单位", sortKey: "unit", className: "whitespace-nowrap", cell: (row) => row.leadUnitName ?? "—" },
          { header: "配合单位", className: "min-w-32 text-xs", cell: (row) => row.coUnitNames ?? "—" },
        ]}
      />
    </>
  );
}
