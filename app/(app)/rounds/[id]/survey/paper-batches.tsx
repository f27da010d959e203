import Link from "@/components/link";
import { ConfirmButton } from "@/components/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { PaperBatch } from "@/db/queries/survey-paper";
import { PAPER_AFTER_CLOSE } from "@/lib/survey-paper";
import { deletePaperBatchAction } from "./actions";
import { PaperBatchForm, type PaperQuestion } from "./paper-batch-form";

// 纸质问卷 of a round's survey: the batches entered so far, and for the office the grid to
// enter a new one or correct one (?batch=<id>). Paper is entered in any state of the online
// survey: forms handed out at 街道 and 社区 come back after the link is closed.
export function PaperBatches({
  roundId,
  surveyId,
  closed,
  manage,
  batches,
  questions,
  editing,
  today,
}: {
  roundId: number;
  surveyId: number;
  closed: boolean;
  manage: boolean;
  batches: PaperBatch[];
  questions: PaperQuestion[];
  editing: PaperBatch | undefined;
  today: string;
}) {
  const surveyPath = `/rounds/${roundId}/survey`;
  return (
    <section aria-labelledby="paper-batches" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h2 id="paper-batches" className="text-base font-semibold text-gray-900">
        纸质问卷
      </h2>
      <p className="text-sm text-gray-600">在街道、社区发放回收的纸质问卷按批录入:每批的份数,以及各题选择每一项的份数。纸质问卷与网上答卷合并计算满意率。</p>
      {closed && manage ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="paper-after-close">
          {PAPER_AFTER_CLOSE}
        </p>
      ) : null}
      {batches.length === 0 ? (
        <EmptyState title="尚未录入纸质问卷">{manage ? "收回纸质问卷后,在下方按批录入。" : "整改办录入纸质问卷后,会显示在这里。"}</EmptyState>
      ) : (
        <Table caption="已录入的纸质问卷批次">
          <thead>
            <tr>
              <Th>批次</Th>
              <Th>收集日期</Th>
              <Th className="text-right">份数</Th>
              {manage ? <Th className="no-print">操作</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {batches.map((batch) => (
              <tr key={batch.id}>
                <Td>{batch.label}</Td>
                <Td className="tabular-nums">{batch.collectedOn}</Td>
                <Td className="text-right tabular-nums">{batch.forms}</Td>
                {manage ? (
                  <Td className="no-print">
                    <div className="flex items-center gap-3">
                      <Link href={`${surveyPath}?batch=${batch.id}#paper-form`} className="text-brand-700 hover:underline" aria-label={`更正${batch.label}`}>
                        更正
                      </Link>
                      <ConfirmButton
                        action={deletePaperBatchAction}
                        fields={{ surveyId, batchId: batch.id }}
                        label="删除"
                        ariaLabel={`删除${batch.label}`}
                        confirm={`确定删除纸质问卷批次“${batch.label}”(${batch.forms} 份)吗?删除后测评结果将扣除这些问卷,操作记入日志。`}
                      />
                    </div>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {manage ? (
        <div className="no-print border-t border-gray-100 pt-3">
          <PaperBatchForm key={editing?.id ?? "new"} surveyId={surveyId} questions={questions} batch={editing} cancelHref={surveyPath} today={today} />
        </div>
      ) : null}
    </section>
  );
}
