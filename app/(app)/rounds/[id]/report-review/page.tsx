import type { Metadata } from "next";
import { db } from "@/db";
import { listReviewComments, listSubmissions, type SubmissionRow } from "@/db/queries/plan-review";
import { publishedReports } from "@/db/queries/report-versions";
import { SUBMISSION_STATE_LABELS } from "@/lib/domain";
import { can, canOpenRound } from "@/lib/permissions";
import { DecisionForm, SubmitVersionForm } from "../plan-review/review-forms";
import { ReviewThreads } from "../plan-review/review-threads";
import { reviewTime } from "../plan-review/review-time";
import { VersionsTable } from "../plan-review/versions-table";
import { roundFor } from "../round-data";
import { submitReportAction } from "./actions";

export const metadata: Metadata = { title: "通报审核与发布" };

/** The three files of one frozen version. */
function VersionFiles({ roundId, version }: { roundId: number; version: number }) {
  const base = `/api/v1/rounds/${roundId}/report-versions/${version}`;
  return (
    <span className="flex flex-wrap gap-2 text-sm">
      <a href={`${base}?format=docx`} className="text-brand-700 hover:underline">
        Word
      </a>
      <a href={`${base}?format=html`} className="text-brand-700 hover:underline">
        网页版
      </a>
      <a href={`${base}?format=xlsx`} className="text-brand-700 hover:underline">
        所据台账
      </a>
    </span>
  );
}

// 通报审核与发布: the office submits the 通报 as generated today (text, figures and ledger
// frozen together), the reviewer approves it, and the approved version is published. A
// published 通报 is never edited: a later approved version supersedes it.
export default async function ReportReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, round } = await roundFor(params, "review.read");
  const versions = listSubmissions(db, { roundId: round.id, kind: "report" });
  const pending = versions.find((v) => v.state === "pending");
  const latest = versions[0];
  const published = publishedReports(db, { roundId: round.id });
  const files = (v: SubmissionRow) => <VersionFiles roundId={round.id} version={v.version} />;

  return (
    <div className="space-y-6">
      <section aria-labelledby="report-review-state" className="rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="report-review-state" className="text-lg font-semibold text-gray-900">
          通报审核与发布
        </h2>
        <p className="mt-1 text-sm text-gray-700" data-testid="report-review-state">
          {!latest ? "整改通报尚未报送上级审核。" : `第 ${latest.version} 版${SUBMISSION_STATE_LABELS[latest.state]}(${reviewTime(latest.decidedAt ?? latest.createdAt)})。`}
          {published[0] ? `现行发布版本:第 ${published[0].version} 版,${reviewTime(published[0].publishedAt)} 发布。` : "尚无发布的通报。"}
        </p>
      </section>

      {can(actor, "submission.submit") ? (
        <section aria-label="报送审核" className="no-print rounded-lg border border-gray-200 bg-white p-4">
          {pending ? (
            <p className="text-sm text-gray-700">第 {pending.version} 版正在审核中,审核结束后可以报送新版本。</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-gray-700">
                报送时按今天的整改台账生成通报:文字、数字和所据台账一起固定,之后台账的变化不影响已报送的版本。通报文字可先在“整改通报”中编辑。
              </p>
              <SubmitVersionForm
                action={submitReportAction}
                roundId={round.id}
                version={(latest?.version ?? 0) + 1}
                label="整改通报"
                placeholder="如:截至本月底的整改进展情况通报,请审核"
              />
            </>
          )}
        </section>
      ) : null}

      {pending && canOpenRound(actor, "submission.decide", round.id) ? (
        <section aria-label="审核结论" className="no-print rounded-lg border border-brand-200 bg-white p-4">
          <p className="mb-3 text-sm text-gray-700">
            待审核的第 {pending.version} 版:<VersionFiles roundId={round.id} version={pending.version} />
            审核通过即发布。
          </p>
          <DecisionForm roundId={round.id} submissionId={pending.id} version={pending.version} label="整改通报" />
        </section>
      ) : null}

      <section aria-labelledby="published">
        <h3 id="published" className="mb-2 font-semibold text-gray-900">
          已发布的通报
        </h3>
        {published.length === 0 ? (
          <p className="text-sm text-gray-600">还没有发布的通报。上级审核通过的版本在这里发布,内容不再改变。</p>
        ) : (
          <ul className="space-y-2">
            {published.map((p) => (
              <li key={p.id} aria-label={`第 ${p.version} 版通报`} className="rounded-lg border border-gray-200 bg-white p-3 text-sm">
                <p className="font-medium text-gray-900">
                  {p.title}(第 {p.version} 版){p.current ? "" : ",已被新版本取代"}
                </p>
                <p className="text-gray-700">
                  截至 {p.asOf},{reviewTime(p.publishedAt)} 发布。{p.measuresSentence}
                </p>
                <VersionFiles roundId={round.id} version={p.version} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="report-versions">
        <h3 id="report-versions" className="mb-2 font-semibold text-gray-900">
          报审版本
        </h3>
        <VersionsTable versions={versions} empty="整改办报送通报后,每一版都保存在这里。" extra={files} />
      </section>

      <ReviewThreads
        roundId={round.id}
        comments={listReviewComments(db, { roundId: round.id }).filter((c) => c.target === "report")}
        mayComment={canOpenRound(actor, "review.comment", round.id)}
        mayStart={canOpenRound(actor, "submission.decide", round.id)}
        targets={[{ value: "report", label: "整改通报" }]}
      />
    </div>
  );
}
