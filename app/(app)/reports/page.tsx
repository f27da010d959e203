import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { publishedReports } from "@/db/queries/report-versions";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { can, onlyVisibleRounds } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { countsSentence } from "@/lib/status";

export const metadata: Metadata = { title: "报告" };

const LINK = "rounded-md border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50";

// Each round's 整改进展情况通报 and frozen ledgers. The figures are read from the ledger on
// every load, the same as the report will print them. Leaders read the reports here (their
// menu's 通报); editing and snapshots are the office's.
export default async function ReportsPage() {
  const actor = await requirePermission("ledger.read");
  const manages = can(actor, "report.manage");
  const rounds = onlyVisibleRounds(actor, "ledger.read", listRoundsWithCountsWhileUnchanged(db));
  return (
    <>
      <PageHeader
        title="整改进展情况通报"
        description={
          manages
            ? "各轮次的通报草稿、Word 下载和台账快照;通报中的数字直接取自整改台账,不能手工修改。"
            : "各轮次的通报草稿、Word 下载和台账快照;通报中的数字直接取自整改台账。"
        }
      />
      {rounds.length === 0 ? (
        <EmptyState title="还没有轮次" />
      ) : (
        <ul className="space-y-4">
          {rounds.map((round) => (
            <li key={round.id}>
              <article aria-label={round.name} className="rounded-lg border border-gray-200 bg-white p-5">
                <h2 className="font-semibold">
                  {round.name}
                  {round.archivedAt ? <span className="ml-2 text-xs font-normal text-gray-500">已归档</span> : null}
                </h2>
                <p className="mt-2 leading-7 text-gray-800">
                  反馈的{countsSentence("问题", round.problemCounts)};{countsSentence("整改措施", round.measureCounts, "项")}。
                </p>
                <div className="mt-3 flex flex-wrap gap-2 text-sm">
                  <Link href={`/rounds/${round.id}/report`} className={LINK}>
                    查看通报
                  </Link>
                  {manages ? (
                    <Link href={`/rounds/${round.id}/report/edit`} className={LINK}>
                      编辑文字
                    </Link>
                  ) : null}
                  <a href={`/api/v1/rounds/${round.id}/report.docx`} className={LINK}>
                    下载 Word
                  </a>
                  <Link href={`/rounds/${round.id}/snapshots`} className={LINK}>
                    台账快照
                  </Link>
                  <Link href={`/rounds/${round.id}/report-review`} className={LINK}>
                    审核与发布
                  </Link>
                </div>
                <PublishedLine roundId={round.id} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The round's current published 通报, if the superior office has approved one. */
function PublishedLine({ roundId }: { roundId: number }) {
  const current = publishedReports(db, { roundId })[0];
  if (!current) return null;
  return (
    <p className="mt-2 text-sm text-gray-700">
      已发布:第 {current.version} 版(截至 {current.asOf}),
      <a href={`/api/v1/rounds/${roundId}/report-versions/${current.version}?format=docx`} className="text-brand-700 hover:underline">
        下载发布版
      </a>
    </p>
  );
}
