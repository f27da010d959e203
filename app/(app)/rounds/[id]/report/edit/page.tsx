import type { Metadata } from "next";
import Link from "@/components/link";
import { db } from "@/db";
import { getReportDraft } from "@/db/queries/reports";
import { todayISO } from "@/lib/deadline-state";
import { STATUS_LABELS } from "@/lib/domain";
import { chineseNumeral } from "@/lib/bulletin";
import { generateReport } from "@/server/bulletin-files";
import { roundFor } from "../../round-data";
import { ReportForm } from "./report-form";

export const metadata: Metadata = { title: "编辑整改进展情况通报" };

// The office writes the free-text parts; the figures beside them are computed from the
// ledger on every load and are shown read-only, so they cannot be typed over.
export default async function EditRoundReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { round } = await roundFor(params, "report.manage");
  const today = todayISO();
  const { report } = generateReport({ roundId: round.id, today });
  const { texts, updatedAt } = getReportDraft(db, { roundId: round.id });
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <div className="mb-3 flex items-center justify-between">
          <h2 className="text-lg font-semibold">编辑通报文字</h2>
          <Link href={`/rounds/${round.id}/report`} className="text-sm text-brand-700 hover:underline">
            返回通报
          </Link>
        </div>
        <ReportForm
          roundId={round.id}
          opening={texts.opening}
          closing={texts.closing}
          items={report.unfinished.map((item) => ({
            problemId: item.problemId,
            heading: `(${chineseNumeral(item.number)})${item.title}(${STATUS_LABELS[item.status]})`,
            explanation: texts.problems[String(item.problemId)]?.explanation ?? "",
            nextSteps: texts.problems[String(item.problemId)]?.nextSteps ?? "",
            // What the report says when the office leaves the field empty.
            autoExplanation: item.explanationEdited ? "" : (item.explanation ?? ""),
            autoNextSteps: item.nextStepsEdited ? "" : (item.nextSteps ?? ""),
            deadline: item.deadline,
          }))}
        />
      </div>
      <aside aria-label="通报中的数字" className="h-fit space-y-3 rounded-lg border border-gray-200 bg-gray-50 p-4 text-sm lg:sticky lg:top-4">
        <h2 className="font-semibold">通报中的数字(只读)</h2>
        <p>按 {today} 的整改台账即时计算,随销号自动更新,不能在此修改。</p>
        <output className="block leading-6" data-testid="report-problems-sentence">
          {report.problemsSentence};
        </output>
        <output className="block leading-6" data-testid="report-measures-sentence">
          {report.measuresSentence}。
        </output>
        <p>需要进一步整改的事项:{report.unfinished.length} 个。</p>
        <p className="text-gray-500">{updatedAt ? `草稿最近保存于 ${updatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}` : "尚未保存过草稿"}</p>
      </aside>
    </div>
  );
}
