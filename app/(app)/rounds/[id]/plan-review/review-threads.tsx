import { ConfirmButton } from "@/components/confirm-button";
import type { ReviewCommentRow } from "@/db/queries/plan-review";
import { ROLE_LABELS } from "@/lib/domain";
import { resolveCommentAction } from "./actions";
import { reviewTime } from "./review-time";
import { CommentForm, ReplyForm } from "./review-forms";

// The comment threads of a review (方案 or 通报): open ones first, each with its replies,
// a reply box and 标记已解决 for those who take part in the review.
export function ReviewThreads({
  roundId,
  comments,
  mayComment,
  mayStart,
  targets,
}: {
  roundId: number;
  comments: ReviewCommentRow[];
  mayComment: boolean;
  /** Whether the viewer may open a new thread (the reviewer). */
  mayStart: boolean;
  targets: { value: string; label: string }[];
}) {
  const threads = comments
    .filter((c) => c.threadId === null)
    .map((c) => ({ ...c, replies: comments.filter((r) => r.threadId === c.id) }))
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null));
  const by = (c: ReviewCommentRow) => `${c.authorName ?? "—"}(${c.authorRole ? ROLE_LABELS[c.authorRole] : ""})· ${reviewTime(c.createdAt)}`;
  return (
    <section aria-labelledby="comments" className="space-y-3">
      <h3 id="comments" className="font-semibold text-gray-900">
        审核意见({threads.filter((t) => !t.resolvedAt).length} 条未解决)
      </h3>
      {mayComment && mayStart ? (
        <div className="no-print rounded-lg border border-gray-200 bg-white p-4">
          <CommentForm roundId={roundId} targets={targets} />
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
                  <p className="text-xs text-gray-600">{t.resolvedAt ? `已解决 · ${reviewTime(t.resolvedAt)}` : "未解决"}</p>
                </header>
                <p className="mt-2 text-sm whitespace-pre-wrap text-gray-800">{t.body}</p>
                <p className="mt-1 text-xs text-gray-500">{by(t)}</p>
                {t.replies.map((r) => (
                  <div key={r.id} className="mt-2 border-l-2 border-gray-200 pl-3">
                    <p className="text-sm whitespace-pre-wrap text-gray-800">{r.body}</p>
                    <p className="text-xs text-gray-500">{by(r)}</p>
                  </div>
                ))}
                {mayComment && !t.resolvedAt ? (
                  <div className="no-print">
                    <ReplyForm roundId={roundId} threadId={t.id} label={t.targetLabel} />
                    <div className="mt-2">
                      <ConfirmButton action={resolveCommentAction} fields={{ roundId, threadId: t.id }} label="标记已解决" variant="secondary" ariaLabel={`标记已解决:${t.targetLabel}`} />
                    </div>
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
