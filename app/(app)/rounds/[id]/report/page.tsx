import type { Metadata } from "next";
import Link from "@/components/link";
import { PrintButton } from "@/components/print-button";
import { todayISO } from "@/lib/deadline-state";
import { can } from "@/lib/permissions";
import { generateReport } from "@/server/bulletin-files";
import { REPORT_CSS, reportBodyHtml } from "@/lib/bulletin-html";
import { MissingNextSteps } from "./missing-next-steps";
import { roundFor } from "../round-data";

export const metadata: Metadata = { title: "整改进展情况通报" };

// Printing shows the document alone, portrait, whatever the app shell and round header
// around it (they are hidden, and the document moves to the top of the first page).
const PRINT_CSS = `
@page{size:A4 portrait;margin:37mm 26mm 35mm 28mm}
@media print{
  body *{visibility:hidden}
  .report-doc,.report-doc *{visibility:visible}
  .report-doc{position:absolute;left:0;top:0;max-width:none;width:100%}
}`;

// The draft 整改进展情况通报 as the public will read it: numbers computed now from the ledger,
// the office's texts where it wrote them. Leaders may read it; only the office edits.
export default async function RoundReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, round } = await roundFor(params, "ledger.read");
  const today = todayISO();
  const { report } = generateReport({ roundId: round.id, today });
  const base = `/api/v1/rounds/${round.id}`;
  const manages = can(actor, "report.manage");
  return (
    <>
      <style>{REPORT_CSS + PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-gray-600">
          数字按 {today} 的整改台账即时生成,不可手工修改;
          {report.unfinished.length ? `需要进一步整改的事项 ${report.unfinished.length} 个。` : "反馈问题已全部完成。"}
        </p>
        <div className="flex flex-wrap gap-2 text-sm">
          {manages ? (
            <Link href={`/rounds/${round.id}/report/edit`} className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
              编辑通报文字
            </Link>
          ) : null}
          <a href={`${base}/report.docx`} className="rounded-md border border-gray-300 bg-white px-3 py-2 hover:bg-gray-50">
            下载 Word
          </a>
          <a href={`${base}/report?format=html`} className="rounded-md border border-gray-300 bg-white px-3 py-2 hover:bg-gray-50">
            下载网页版
          </a>
          <PrintButton />
        </div>
      </div>
      {manages ? <MissingNextSteps roundId={round.id} items={report.unfinished.filter((item) => !item.nextSteps)} /> : null}
      {/* Every piece of text is escaped by reportBodyHtml; the same markup is the HTML download. */}
      <article
        aria-label={report.title}
        className="report-doc rounded-lg border border-gray-200 bg-white px-10 py-12 print:border-0 print:p-0"
        dangerouslySetInnerHTML={{ __html: reportBodyHtml(report) }}
      />
    </>
  );
}
