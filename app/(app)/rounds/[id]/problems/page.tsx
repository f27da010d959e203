import type { Metadata } from "next";
import Link from "@/components/link";
import { AspectSummaryTable } from "@/components/aspect-summary-table";
import { ListTable } from "@/components/list-table";
import { StatusBadge } from "@/components/status-badge";
import { db } from "@/db";
import { listAspects, unitsInRound } from "@/db/queries/plan";
import { problemPage } from "@/db/queries/problem-list";
import { roundSummaryWhileUnchanged } from "@/db/queries/summary";
import { todayISO } from "@/lib/deadline-state";
import { PAGE_SIZE, parseListFilter } from "@/lib/validations/list-filter";
import { roundFor } from "../round-data";

export const metadata: Metadata = { title: "问题清单" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 问题清单: what is wrong, grouped by aspect, each with the status its measures roll up to.
export default async function ProblemListPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "round.read");
  const filter = parseListFilter(await searchParams);
  const { rows, counts, page, pages } = problemPage(db, { roundId: round.id, filter, pageSize: PAGE_SIZE });
  const summary = roundSummaryWhileUnchanged(db, { roundId: round.id, today: todayISO() });
  return (
    <>
    <AspectSummaryTable aspects={summary?.aspects ?? []} />
    <ListTable
      caption="问题清单"
      filter={filter}
      filterBar={{ aspects: listAspects(db, { roundId: round.id }), units: unitsInRound(db, { roundId: round.id }), show: {} }}
      counts={counts}
      noun="问题"
      empty={{ title: "没有符合条件的问题", hint: "可调整或清除筛选条件;新轮次请先录入或导入问题清单。" }}
      rows={rows}
      rowKey={(p) => p.id}
      page={page}
      pages={pages}
      columns={[
        { header: "序号", sortKey: "number", className: "whitespace-nowrap", cell: (p) => p.number },
        {
          header: "方面",
          className: "min-w-40 text-xs text-gray-600",
          cell: (p) => (p.aspectName ? `第${p.aspectPosition}方面 ${p.aspectName}` : "—"),
        },
        {
          header: "问题",
          className: "min-w-64",
          cell: (p) => (
            <>
              <Link href={`/problems/${p.id}`} className="font-medium text-gray-900 hover:text-brand-700 hover:underline">
                {p.title}
              </Link>
              {p.description ? <p className="mt-1 text-xs text-gray-600">{p.description}</p> : null}
            </>
          ),
        },
        { header: "牵头领导", className: "min-w-28 text-xs", cell: (p) => p.leadLeader || "—" },
        { header: "牵头单位", sortKey: "unit", className: "whitespace-nowrap", cell: (p) => p.leadUnitName ?? "—" },
        { header: "措施完成", className: "whitespace-nowrap", cell: (p) => `${p.completedCount}/${p.measureCount}` },
        { header: "整改状态", sortKey: "status", cell: (p) => <StatusBadge status={p.status} /> },
      ]}
    />
    </>
  );
}
