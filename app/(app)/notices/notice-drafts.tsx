import Link from "@/components/link";
import { ConfirmButton } from "@/components/confirm-button";
import { NoticeLevelBadge } from "@/components/notice-badges";
import { auditTime } from "@/lib/audit-format";
import type { PendingDraft } from "@/db/queries/notice-drafts";
import { confirmNoticeDraftAction, dismissNoticeDraftAction } from "./actions";

/**
 * 督办单 drafted by the escalation ladder when a unit's measures reached the 牵头领导 step:
 * the office reads what would be issued and confirms it in one click (or sets it aside).
 */
export function NoticeDrafts({ drafts }: { drafts: PendingDraft[] }) {
  if (drafts.length === 0) return null;
  return (
    <section id="drafts" aria-labelledby="drafts-title" className="mb-8">
      <h2 id="drafts-title" className="mb-1 font-semibold">
        待确认的督办单草稿({drafts.length})
      </h2>
      <p className="mb-3 text-sm text-gray-600">整改措施逾期到告知牵头领导一级时,系统按单位起草督办单;确认后即编号发出,单位收到通知。</p>
      <div className="space-y-3">
        {drafts.map((draft) => (
          <section
            key={draft.id}
            aria-label={`督办单草稿:${draft.unitName}(${draft.roundName})`}
            className="rounded-lg border border-amber-300 bg-amber-50/50 p-4 text-sm"
          >
            <div className="flex flex-wrap items-center gap-2">
              <NoticeLevelBadge level={draft.level} />
              <span className="font-medium">{draft.unitName}</span>
              <span className="text-xs text-gray-600">{draft.roundName}</span>
              <span className="text-xs text-gray-500">起草于 {auditTime(draft.createdAt)}</span>
            </div>
            {draft.measures.length === 0 ? (
              <p className="mt-2 text-gray-700">草稿中的整改措施均已完成或已改由其他单位牵头,无需再督办。</p>
            ) : (
              <>
                <ul aria-label="涉及的整改措施" className="mt-2 list-disc space-y-0.5 pl-5">
                  {draft.measures.map((m) => (
                    <li key={m.id}>
                      <Link href={`/measures/${m.id}`} className="text-brand-700 hover:underline">
                        问题{m.problemNumber}:{m.text}
                      </Link>
                      <span className="ml-1 text-xs text-gray-500">
                        (完成时限 {m.deadline}
                        {m.leadLeader ? `,牵头领导 ${m.leadLeader}` : ""})
                      </span>
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-gray-800">督办要求:{draft.request}</p>
                <p className="mt-1 text-xs text-gray-600">回复期限:{draft.replyDeadline}(确认之日起 7 天)</p>
              </>
            )}
            <div className="mt-3 flex flex-wrap items-start gap-2">
              {draft.measures.length > 0 ? (
                <ConfirmButton action={confirmNoticeDraftAction} fields={{ draftId: draft.id }} label="确认发出" variant="primary" ariaLabel={`确认发出给${draft.unitName}的督办单`} />
              ) : null}
              <ConfirmButton
                action={dismissNoticeDraftAction}
                fields={{ draftId: draft.id }}
                label="不发出"
                variant="secondary"
                confirm={`确定不发出给${draft.unitName}的这份督办单吗?`}
                ariaLabel={`不发出给${draft.unitName}的督办单`}
              />
            </div>
          </section>
        ))}
      </div>
    </section>
  );
}
