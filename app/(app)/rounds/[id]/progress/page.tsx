import type { Metadata } from "next";
import Link from "next/link";
import { ListFilterBar } from "@/components/list-filter-bar";
import { Pagination } from "@/components/pagination";
import { filterQuery } from "@/lib/validations/list-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listAspects, unitsInRound } from "@/db/queries/plan";
import { progressPage } from "@/db/queries/progress-list";
import { todayISO } from "@/lib/deadline-state";
import { REVIEW_STATE_LABELS, STATUS_LABELS } from "@/lib/domain";
import { PAGE_SIZE, parseListFilter } from "@/lib/validations/list-filter";
import { roundFor } from "../round-data";

export const metadata: Metadata = { title: "进度清单" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 进度清单: the dated progress reports (整改动态) of the round's measures, latest first.
export default async function ProgressListPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "round.read");
  const filter = parseListFilter(await searchParams);
  const { rows, total, page, pages } = progressPage(db, { roundId: round.id, filter, today: todayISO(), pageSize: PAGE_SIZE });
  return (
    <>
      <ListFilterBar filter={filter} aspects={listAspects(db, { roundId: round.id })} units={unitsInRound(db, { roundId: round.id })} />
      <p className="mb-2 text-sm text-gray-700">
        符合条件的整改动态 <strong>{total}</strong> 条
      </p>
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改动态">责任单位报送进展后会出现在这里。</EmptyState>
      ) : (
        <Table caption="进度清单">
          <thead>
            <tr>
              <Th>报送日期</Th>
              <Th>措施</Th>
              <Th>报送单位</Th>
              <Th>整改进展</Th>
              <Th>申报状态</Th>
              <Th>审核</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">{r.reportDate}</Td>
                <Td className="min-w-56">
                  <Link href={`/measures/${r.measureId}`} className="text-gray-900 hover:text-brand-700 hover:underline">
                    {r.problemNumber}.{r.position} {r.measureText}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">
                  {r.unitName}
                  <div className="text-xs text-gray-500">{r.authorName}</div>
                </Td>
                <Td className="min-w-72 text-xs">
                  {r.text}
                  {r.percent !== null ? <span className="ml-1 text-gray-500">(进度 {r.percent}%)</span> : null}
                  {r.evidenceCount > 0 ? <span className="ml-1 text-gray-500">· 佐证材料 {r.evidenceCount} 份</span> : null}
                </Td>
                <Td className="whitespace-nowrap">{STATUS_LABELS[r.claimedStatus]}</Td>
                <Td className="whitespace-nowrap">
                  {REVIEW_STATE_LABELS[r.reviewState]}
                  {r.reviewNote ? <div className="text-xs text-red-700">{r.reviewNote}</div> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pages={pages} total={total} hrefFor={(p) => filterQuery(filter, { page: p })} />
    </>
  );
}
