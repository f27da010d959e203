import Link from "@/components/link";
import { ConfirmButton } from "@/components/confirm-button";
import { ProposedLookBackForm } from "@/components/look-back-forms";
import { PromisedMeasures, SimilarProblemList } from "@/components/similar-problems";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/db";
import { pendingLookBacks, type laterRecurrences, type recurrenceOf } from "@/db/queries/recurrence";
import { todayISO } from "@/lib/deadline-state";
import { can, type Actor } from "@/lib/permissions";
import { RECURRENCE_THRESHOLD, similarityPercent, type SimilarProblem } from "@/lib/recurrence";
import { lookBackRefusal } from "@/lib/validations/look-back";
import { markRecurrenceAction, unmarkRecurrenceAction } from "../actions";

type Recurrence = NonNullable<ReturnType<typeof recurrenceOf>>;
type Later = ReturnType<typeof laterRecurrences>;

/**
 * The problem marked as a repeat: the earlier problem and what was promised then, and the
 * proposed 回头看 of those measures — each scheduled only when the office confirms it. Also
 * the later rounds' problems marked as repeats of this one.
 */
export function RecurrenceSection({ actor, problemId, recurrence, later }: { actor: Actor; problemId: number; recurrence: Recurrence | null; later: Later }) {
  if (!recurrence && later.length === 0) return null;
  return (
    <section aria-labelledby="recurrence-title" className="mt-8">
      <h2 id="recurrence-title" className="mb-3 font-semibold">
        反弹回潮
      </h2>
      {recurrence ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <p>
              <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-900">反弹回潮</span>
              本问题在此前轮次已发现过:
              <Link href={`/problems/${recurrence.id}`} className="font-medium text-brand-700 hover:underline">
                {recurrence.roundName} 第{recurrence.number}号问题:{recurrence.title}
              </Link>{" "}
              <StatusBadge status={recurrence.status} />
            </p>
            {can(actor, "recurrence.manage") ? (
              <div className="no-print">
                <ConfirmButton
                  action={unmarkRecurrenceAction}
                  fields={{ problemId }}
                  label="取消反弹回潮标记"
                  variant="secondary"
                  confirm="取消后,本问题不再关联此前轮次的问题(已安排的回头看不受影响)。确定取消吗?"
                />
              </div>
            ) : null}
          </div>
          <PromisedMeasures measures={recurrence.measures} />
          {can(actor, "lookback.manage") ? <ProposedLookBacks measures={recurrence.measures} /> : null}
        </div>
      ) : null}
      {later.length > 0 ? (
        <div className="mt-4 text-sm">
          <p className="font-medium">此后轮次中再次出现(已标记为反弹回潮):</p>
          <ul className="mt-1 list-disc pl-5">
            {later.map((p) => (
              <li key={p.id}>
                <Link href={`/problems/${p.id}`} className="text-brand-700 hover:underline">
                  {p.roundName} 第{p.number}号问题:{p.title}
                </Link>{" "}
                <StatusBadge status={p.status} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** 回头看 proposed for the earlier measures: the form filled in, or why there is none. */
function ProposedLookBacks({ measures }: { measures: Recurrence["measures"] }) {
  if (measures.length === 0) return null;
  const pending = pendingLookBacks(db, { measureIds: measures.map((m) => m.id) });
  const today = todayISO();
  return (
    <section aria-labelledby="proposed-look-backs" className="no-print mt-4 rounded-md border border-gray-200 bg-white p-3">
      <h3 id="proposed-look-backs" className="text-sm font-semibold">
        建议对上一轮的整改措施开展回头看
      </h3>
      <p className="mt-1 text-xs text-gray-600">问题再次出现,说明当时的整改可能没有巩固住。确认日期后逐项安排;不会自动安排。</p>
      <ul className="mt-2 space-y-3">
        {measures.map((m) => {
          const refusal = lookBackRefusal(m);
          const scheduled = pending.get(m.id);
          return (
            <li key={m.id} aria-label={`回头看:${m.text}`} className="border-t border-gray-100 pt-2">
              <p className="mb-1">
                <Link href={`/measures/${m.id}`} className="text-gray-900 hover:text-brand-700 hover:underline">
                  {m.text}
                </Link>
              </p>
              {scheduled ? (
                <p className="text-xs text-green-800">已安排 {scheduled} 的回头看。</p>
              ) : refusal ? (
                <p className="text-xs text-gray-600">{refusal}。</p>
              ) : (
                <ProposedLookBackForm measureId={m.id} today={today} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** 相似的历史问题: earlier rounds' problems like this one; the office may mark one as repeated. */
export function SimilarProblemsSection({ actor, problemId, similar, marked }: { actor: Actor; problemId: number; similar: SimilarProblem[]; marked: boolean }) {
  const manage = can(actor, "recurrence.manage") && !marked;
  return (
    <section aria-labelledby="similar-title" className="mt-8">
      <h2 id="similar-title" className="mb-1 font-semibold">
        相似的历史问题
      </h2>
      <p className="mb-3 text-xs text-gray-600">
        同一被巡视(察)单位此前轮次中标题相似度不低于 {similarityPercent(RECURRENCE_THRESHOLD)} 的问题,按相似度排列。
      </p>
      {similar.length === 0 ? (
        <EmptyState title="此前轮次中没有发现相似的问题" />
      ) : (
        <SimilarProblemList
          matches={similar}
          linkTitles
          action={
            manage
              ? (match) => (
                  <ConfirmButton
                    action={markRecurrenceAction}
                    fields={{ problemId, earlierProblemId: match.id }}
                    label="标记为反弹回潮"
                    variant="primary"
                    ariaLabel={`标记为“${match.roundName}”第${match.number}号问题的反弹回潮`}
                  />
                )
              : undefined
          }
        />
      )}
    </section>
  );
}
