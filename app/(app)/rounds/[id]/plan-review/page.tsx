import type { Metadata } from "next";
import { db } from "@/db";
import { currentPlanVersion, getSubmission, listReviewComments, listSubmissions } from "@/db/queries/plan-review";
import { reviewerChoices, reviewersOf } from "@/db/queries/round-reviewers";
import { SUBMISSION_STATE_LABELS } from "@/lib/domain";
import { canOpenRound, can } from "@/lib/permissions";
import { diffPlanVersions, versionCounts, type PlanVersion } from "@/lib/plan-version";
import { parseId } from "@/lib/validations/common";
import { roundFor } from "../round-data";
import { submitPlanAction } from "./actions";
import { PlanDiffView } from "./plan-diff-view";
import { AssignReviewersForm, DecisionForm, PlanVisibilityForm, SubmitVersionForm } from "./review-forms";
import { ReviewThreads } from "./review-threads";
import { reviewTime } from "./review-time";
import { VersionsTable } from "./versions-table";

export const metadata: Metadata = { title: "方案审核" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 方案审核: the office submits the plan to the superior office, the reviewer comments and
// decides, and any two submitted versions can be compared.
export default async function PlanReviewPage({ params, searchParams }: Props) {
  const { actor, round } = await roundFor(params, "review.read");
  const query = await searchParams;
  const versions = listSubmissions(db, { roundId: round.id, kind: "plan" });
  const pending = versions.find((v) => v.state === "pending");
  const latest = versions[0];
  const mayDecide = canOpenRound(actor, "submission.decide", round.id);
  const mayComment = canOpenRound(actor, "review.comment", round.id);
  const current = currentPlanVersion(db, { roundId: round.id });

  // Compare: ?from=<version>&to=<version>, by default the two newest.
  const pick = (key: string, fallback: number | undefined) => parseId(String(query[key] ?? "")) ?? fallback;
  const toVersion = pick("to", latest?.version);
  const fromVersion = pick("from", versions[1]?.version);
  const contentOf = (version: number | undefined) => {
    const row = versions.find((v) => v.version === version);
    return row ? (getSubmission(db, { roundId: round.id, id: row.id })?.content as PlanVersion | undefined) : undefined;
  };
  const from = contentOf(fromVersion);
  const to = contentOf(toVersion);

  const targets = [
    { value: "plan", label: "整个整改方案" },
    ...current.problems.flatMap((p) => [
      { value: `problem:${p.id}`, label: `问题 ${p.number}:${p.title}` },
      ...p.measures.map((m, i) => ({ value: `measure:${m.id}`, label: `  问题 ${p.number} 措施 ${i + 1}:${m.text.slice(0, 60)}` })),
    ]),
  ];

  return (
    <div className="space-y-6">
      <section aria-labelledby="review-state" className="rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="review-state" className="text-lg font-semibold text-gray-900">
          整改方案审核
        </h2>
        <p className="mt-1 text-sm text-gray-700" data-testid="plan-review-state">
          {!latest
            ? "整改方案尚未报送上级审核。"
            : `第 ${latest.version} 版${SUBMISSION_STATE_LABELS[latest.state]}(${reviewTime(latest.decidedAt ?? latest.createdAt)})。`}
          {round.planApprovedAt ? "" : round.unitsSeeUnapprovedPlan ? "方案通过前责任单位可以看到任务。" : "方案通过前责任单位看不到本轮任务。"}
        </p>
        {latest?.decisionNote ? <p className="mt-1 text-sm text-gray-700">审核意见:{latest.decisionNote}</p> : null}
        <p className="mt-1 text-sm text-gray-600">上级督导:{reviewersOf(db, { roundId: round.id }).map((r) => `${r.name}(${r.unitName})`).join("、") || "尚未指定"}</p>
      </section>

      {can(actor, "submission.submit") ? (
        <section aria-label="报送审核" className="rounded-lg border border-gray-200 bg-white p-4">
          {pending ? (
            <p className="text-sm text-gray-700">第 {pending.version} 版正在审核中,审核结束后可以报送新版本。</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-gray-700">
                当前方案:{versionCounts(current).problems} 个问题、{versionCounts(current).measures} 项整改措施。报送后该版本内容固定,之后修改方案不影响已报送的版本。
              </p>
              <SubmitVersionForm
                action={submitPlanAction}
                roundId={round.id}
                version={(latest?.version ?? 0) + 1}
                label="整改方案"
                placeholder="如:已按第 1 版审核意见修改问题 3、问题 5 的整改措施"
              />
            </>
          )}
        </section>
      ) : null}

      {mayDecide && pending ? (
        <section aria-label="审核结论" className="rounded-lg border border-brand-200 bg-white p-4">
          <DecisionForm roundId={round.id} submissionId={pending.id} version={pending.version} label="整改方案" />
        </section>
      ) : null}

      <section aria-labelledby="versions">
        <h3 id="versions" className="mb-2 font-semibold text-gray-900">
          报审版本
        </h3>
        <VersionsTable versions={versions} empty="整改办报送整改方案后,每一版都保存在这里,可以两两比较。" />
      </section>

      {versions.length >= 2 ? (
        <section aria-labelledby="compare" className="space-y-3">
          <h3 id="compare" className="font-semibold text-gray-900">
            版本比较
          </h3>
          <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="选择比较的版本">
            {(["from", "to"] as const).map((key) => (
              <label key={key} className="space-y-1">
                <span className="block font-medium text-gray-800">{key === "from" ? "原版本" : "新版本"}</span>
                <select name={key} defaultValue={key === "from" ? fromVersion : toVersion} className="rounded-md border border-gray-300 px-2 py-1">
                  {versions.map((v) => (
                    <option key={v.id} value={v.version}>
                      第 {v.version} 版
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50">
              比较
            </button>
          </form>
          {from && to ? <PlanDiffView fromVersion={fromVersion!} toVersion={toVersion!} diff={diffPlanVersions(from, to)} /> : null}
        </section>
      ) : null}

      <ReviewThreads
        roundId={round.id}
        comments={listReviewComments(db, { roundId: round.id }).filter((c) => c.target !== "report")}
        mayComment={mayComment}
        mayStart={canOpenRound(actor, "submission.decide", round.id)}
        targets={targets}
      />

      {can(actor, "plan.manage") ? (
        <section aria-label="审核设置" className="no-print space-y-4 rounded-lg border border-gray-200 bg-white p-4">
          <PlanVisibilityForm roundId={round.id} unitsSeeUnapprovedPlan={round.unitsSeeUnapprovedPlan} />
          {can(actor, "admin.manage") ? <ReviewerAssignment roundId={round.id} /> : null}
        </section>
      ) : null}
    </div>
  );
}

function ReviewerAssignment({ roundId }: { roundId: number }) {
  const choices = reviewerChoices(db, { roundId });
  return choices.length === 0 ? (
    <p className="text-sm text-gray-600">还没有上级督导账号:在“单位与用户”中新建角色为“上级督导”的账号后,可在这里指定其审核本轮。</p>
  ) : (
    <AssignReviewersForm roundId={roundId} choices={choices} />
  );
}
