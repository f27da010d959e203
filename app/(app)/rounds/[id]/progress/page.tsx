import type { Metadata } from "next";
import Link from "@/components/link";
import { ListTable } from "@/components/list-table";
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
    <ListTable
      caption="进度清单"
      filter={filter}
      filterBar={{ aspects: listAspects(db, { roundId: round.id }), units: unitsInRound(db, { roundId: round.id }) }}
      counts={total}
      noun="整改动态"
      empty={{ title: "没有符合条件的整改动态", hint: "责任单位报送进展后会出现在这里。" }}
      rows={rows}
      rowKey={(r) => r.id}
      page={page}
      pages={pages}
      columns={[
        { header: "报送日期", className: "whitespace-nowrap", cell: (r) => r.reportDate },
        {
          header: "措施",
          className: "min-w-56",
          cell: (r) => (
            <Link href={`/measures/${r.measureId}`} className="text-gray-900 hover:text-brand-700 hover:underline">
              {r.problemNumber}.{r.position} {r.measureText}
            </Link>
          ),
        },
        {
          header: "报送单位",
          className: "whitespace-nowrap",
          cell: (r) => (
            <>
              {r.unitName}
              <div className="text-xs text-gray-500">{r.authorName}</div>
            </>
          ),
        },
        {
          header: "整改进展",
          className: "min-w-72 text-xs",
          cell: (r) => (
            <>
              {r.text}
              {r.percent !== null ? <span className="ml-1 text-gray-500">(进度 {r.percent}%)</span> : null}
              {r.evidenceCount > 0 ? <span className="ml-1 text-gray-500">· 佐证材料 {r.evidenceCount} 份</span> : null}
            </>
          ),
        },
        { header: "申报状态", className: "whitespace-nowrap", cell: (r) => STATUS_LABELS[r.claimedStatus] },
        {
          header: "审核",
          className: "whitespace-nowrap",
          cell: (r) => (
            <>
              {REVIEW_STATE_LABELS[r.reviewState]}
              {r.reviewNote ? <div className="text-xs text-red-700">{r.reviewNote}</div> : null}
            </>
          ),
        },
      ]}
    />
  );
}
