import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { listRoundsWithCounts } from "@/db/queries/rounds";
import { requirePermission } from "@/lib/session";
import { countsSentence } from "@/lib/status";

export const metadata: Metadata = { title: "报告" };

// The figures a 整改进展情况通报 opens with, computed from the ledger so they always match
// it. The full report generator (draft text, docx) builds on this in the dashboard issue.
export default async function ReportsPage() {
  await requirePermission("report.manage");
  const rounds = listRoundsWithCounts(db);
  return (
    <>
      <PageHeader title="整改进展情况" description="各轮次的整改数字,直接取自整改台账中已销号的状态。" />
      {rounds.length === 0 ? (
        <EmptyState title="还没有轮次" />
      ) : (
        <div className="space-y-4">
          {rounds.map((round) => (
            <article key={round.id} className="rounded-lg border border-gray-200 bg-white p-5">
              <h2 className="font-semibold">{round.name}</h2>
              <p className="mt-2 leading-7 text-gray-800">
                {round.inspectingBody}于{round.feedbackDate ?? "(反馈日期未填)"}向{round.inspectedBody}反馈巡视意见。
                反馈的{countsSentence("问题", round.problemCounts)};
                {countsSentence("整改措施", round.measureCounts, "项")}。
              </p>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
