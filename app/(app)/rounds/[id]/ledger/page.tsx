import type { Metadata } from "next";
import Link from "@/components/link";
import { ListTable } from "@/components/list-table";
import { PrintButton } from "@/components/print-button";
import { deadlineState, LIGHT_OF } from "@/lib/deadline-state";
import { ROUND_KIND_LABELS } from "@/lib/domain";
import { filterQuery } from "@/lib/validations/list-filter";
import { measureList, roundFor } from "../round-data";
import { LEDGER_HEADS } from "./ledger-heads";
import { LedgerRows, type LedgerRowView } from "./ledger-rows";

export const metadata: Metadata = { title: "整改台账" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?print=all` lists every row the filter matches on one page, to print; bounded all the same. */
const PRINT_ALL_LIMIT = 2000;

// 整改台账: the table an office prints and hands in, one row per measure. On screen the long
// texts are cut to three lines; in print every column and every word shows, landscape,
// under a title block, with the header on each page (app/globals.css).
export default async function RoundLedgerPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "ledger.read");
  const printAll = (await searchParams).print === "all";
  const list = await measureList(round, searchParams, printAll ? PRINT_ALL_LIMIT : undefined);
  const { filter } = list;
  // Only what the cells show: the rows go to the browser as data.
  const rows: LedgerRowView[] = list.rows.map((row) => ({
    id: row.id,
    aspectId: row.aspectId,
    aspectName: row.aspectName,
    problemId: row.problemId,
    problemNumber: row.problemNumber,
    problemTitle: row.problemTitle,
    position: row.position,
    text: row.text,
    leadLeader: row.leadLeader,
    leadUnitName: row.leadUnitName,
    coUnitNames: row.coUnitNames,
    deadline: row.deadline,
    deadlineText: row.deadlineText,
    status: row.status,
    latestProgress: row.latestProgress,
    latestReviewState: row.latestReviewState,
    light: LIGHT_OF[deadlineState({ deadline: row.deadline, status: row.status, today: list.today, dueSoonDays: round.dueSoonDays }).state],
  }));
  const query = filterQuery({ ...filter, page: undefined });
  return (
    <>
      <div data-print-title className="hidden text-center print:mb-2 print:block">
        <h2 className="text-lg font-semibold">{round.name}整改台账</h2>
        <p className="text-xs">
          {ROUND_KIND_LABELS[round.kind]} · {round.inspectingBody} → {round.inspectedBody} · 截至 {list.today}
        </p>
      </div>
      <ListTable
        caption="整改台账"
        filter={filter}
        filterBar={{ aspects: list.aspects, units: list.units }}
        counts={list.counts}
        noun="整改措施"
        actions={
          <div className="no-print flex flex-wrap items-center gap-3 text-sm">
            {list.pages > 1 ? (
              <Link href={`${query}${query ? "&" : "?"}print=all`} className="text-brand-700 underline">
                显示全部 {list.counts.total} 项以便打印
              </Link>
            ) : null}
            <PrintButton label="打印台账" />
            <a href={`/api/v1/rounds/${round.id}/export${query}`} className="text-brand-700 underline" download>
              导出 Excel(按当前筛选)
            </a>
          </div>
        }
        empty={{ title: "没有符合条件的整改措施", hint: "可调整或清除筛选条件。" }}
        columns={LEDGER_HEADS}
        body={<LedgerRows rows={rows} />}
        rowCount={rows.length}
        page={list.page}
        pages={list.pages}
        tableClassName="ledger-table"
      />
    </>
  );
}
