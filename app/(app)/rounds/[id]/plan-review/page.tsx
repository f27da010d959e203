import type { Metadata } from "next";
import { ConfirmButton } from "@/components/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { currentPlanVersion, getSubmission, listReviewComments, listSubmissions } from "@/db/queries/plan-review";
import { reviewerChoices, reviewersOf } from "@/db/queries/round-reviewers";
import { ROLE_LABELS, SUBMISSION_STATE_LABELS } from "@/lib/domain";
import { canOpenRound, can } from "@/lib/permissions";
import { diffPlanVersions, versionCounts, type PlanVersion } from "@/lib/plan-version";
import { parseId } from "@/lib/validations/common";
import { roundFor } from "../round-data";
import { resolveCommentAction } from "./actions";
import { PlanDiffView } from "./plan-diff-view";
import { AssignReviewersForm, CommentForm, DecisionForm, PlanVisibilityForm, ReplyForm, SubmitPlanForm } from "./review-forms";

export const metadata: Metadata = { title: "方案审核" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");

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

  const comments = listReviewComments(db, { roundId: round.id });
  const threads = comments
    .filter((c) => c.threadId === null)
    .map((c) => ({ ...c, replies: comments.filter((r) => r.threadId === c.id) }))
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null));
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
            : `第 ${latest.version} 版${SUBMISSION_STATE_LABELS[latest.state]}(${when(latest.decidedAt ?? latest.createdAt)})。`}
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
              <SubmitPlanForm roundId={round.id} version={(latest?.version ?? 0) + 1} />
            </>
          )}
        </section>
      ) : null}

      {mayDecide && pending ? (
        <section aria-label="审核结论" className="rounded-lg border border-brand-200 bg-white p-4">
          <DecisionForm roundId={round.id} submissionId={pending.id} version={pending.version} />
        </section>
      ) : null}

      <section aria-labelledby="versions">
        <h3 id="versions" className="mb-2 font-semibold text-gray-900">
          报审版本
        </h3>
        {versions.length === 0 ? (
          <EmptyState title="还没有报审版本">整改办报送整改方案后,每一版都保存在这里,可以两两比较。</EmptyState>
        ) : (
          <Table caption="报审版本">
            <thead>
              <tr>
                <Th>版本</Th>
                <Th>报送</Th>
                <Th>状态</Th>
                <Th wrap>审核</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {versions.map((v) => (
                <tr key={v.id}>
                  <Td>第 {v.version} 版</Td>
                  <Td>
                    {when(v.createdAt)} · {v.submittedByName ?? "—"}
                    {v.note ? <p className="text-xs text-gray-600">{v.note}</p> : null}
                  </Td>
                  <Td>{SUBMISSION_STATE_LABELS[v.state]}</Td>
                  <Td className="whitespace-normal">{v.decidedAt ? `${when(v.decidedAt)} · ${v.decidedByName ?? "—"}${v.decisionNote ? `:${v.decisionNote}` : ""}` : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
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

      <section aria-labelledby="comments" className="space-y-3">
        <h3 id="comments" className="font-semibold text-gray-900">
          审核意见({threads.filter((t) => !t.resolvedAt).length} 条未解决)
        </h3>
        {mayComment && actor.role === "reviewer" ? (
          <div className="rounded-lg border border-gray-200 bg-white p-4">
            <CommentForm roundId={round.id} targets={targets} />
          </div>
        ) : null}
        {threads.length === 0 ? (
          <p className="text-sm text-gray-600">还没有审核意见。</p>
        ) : (
          <ol className="space-y-3">
            {threads.map((t) => (
              <li key={t.id}>
                <article aria-label={`意见:${t.targetLabel}`} className={`rounded-lg border p-4 ${t.resolvedAt ? "border-gray-200 bg-gray-50" : "border-amber-200 bg-white"}`}>
                  <header className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="text-sm font-medium text-gray-900">{t.targetLabel}</p>
                    <p className="text-xs text-gray-600">{t.resolvedAt ? `已解决 · ${when(t.resolvedAt)}` : "未解决"}</p>
                  </header>
                  <p className="mt-2 text-sm whitespace-pre-wrap text-gray-800">{t.body}</p>
                  <p className="mt-1 text-xs text-gray-500">
                    {t.authorName ?? "—"}({t.authorRole ? ROLE_LABELS[t.authorRole] : ""})· {when(t.createdAt)}
                  </p>
                  {t.replies.map((r) => (
                    <div key={r.id} className="mt-2 border-l-2 border-gray-200 pl-3">
                      <p className="text-sm whitespace-pre-wrap text-gray-800">{r.body}</p>
                      <p className="text-xs text-gray-500">
                        {r.authorName ?? "—"}({r.authorRole ? ROLE_LABELS[r.authorRole] : ""})· {when(r.createdAt)}
                      </p>
                    </div>
                  ))}
                  {mayComment && !t.resolvedAt ? (
                    <div className="no-print">
                      <ReplyForm roundId={round.id} threadId={t.id} label={t.targetLabel} />
                      <div className="mt-2">
                        <ConfirmButton action={resolveCommentAction} fields={{ roundId: round.id, threadId: t.id }} label="标记已解决" variant="secondary" ariaLabel={`标记已解决:${t.targetLabel}`} />
                      </div>
                    </div>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        )}
      </section>

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
