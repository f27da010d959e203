import Link from "@/components/link";
import { ConfirmButton } from "@/components/confirm-button";
import { StatusBadge } from "@/components/status-badge";
import type { OutlineMeasure, OutlineProblem, PlanOutline } from "@/db/queries/plan-outline";
import { DEADLINE_KIND_LABELS, MEASURE_CATEGORY_LABELS } from "@/lib/domain";
import { deleteAspectAction, deleteMeasureAction, deleteProblemAction, moveAspectAction, moveMeasureAction } from "./actions";

// The plan as the office edits it: 一、aspect → numbered problems → their measures, each
// with its edit, move and delete controls (hidden when printed).

const NUMERALS = "一二三四五六七八九十";
const ordinal = (i: number) => (i < NUMERALS.length ? NUMERALS[i] : String(i + 1));
const LINK = "text-brand-700 hover:underline";

export function PlanOutlineView({ roundId, outline }: { roundId: number; outline: PlanOutline }) {
  const base = `/rounds/${roundId}/plan`;
  return (
    <div className="space-y-6">
      {outline.aspects.map((aspect, i) => (
        <section key={aspect.id} id={`aspect-${aspect.id}`} aria-labelledby={`aspect-${aspect.id}-title`} className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-300 pb-2">
            <h3 id={`aspect-${aspect.id}-title`} className="text-base font-semibold text-gray-900">
              {ordinal(i)}、{aspect.name}
            </h3>
            <div className="no-print flex flex-wrap items-start gap-2 text-sm">
              <Link href={`${base}?aspectId=${aspect.id}#new-problem`} className="rounded-md px-2 py-2 text-brand-700 hover:underline">
                在本方面新增问题
              </Link>
              <Link href={`${base}/aspects/${aspect.id}`} className="rounded-md px-2 py-2 text-brand-700 hover:underline">
                改名 / 移动问题
              </Link>
              {i > 0 ? (
                <ConfirmButton action={moveAspectAction} fields={{ roundId, aspectId: aspect.id, direction: "up" }} label="上移" variant="secondary" ariaLabel={`上移方面“${aspect.name}”`} />
              ) : null}
              {i < outline.aspects.length - 1 ? (
                <ConfirmButton action={moveAspectAction} fields={{ roundId, aspectId: aspect.id, direction: "down" }} label="下移" variant="secondary" ariaLabel={`下移方面“${aspect.name}”`} />
              ) : null}
              <ConfirmButton
                action={deleteAspectAction}
                fields={{ roundId, aspectId: aspect.id }}
                label="删除"
                ariaLabel={`删除方面“${aspect.name}”`}
                // With problems inside, the server refuses and says how to empty the aspect first.
                confirm={aspect.problems.length === 0 ? `确定删除方面“${aspect.name}”吗?` : undefined}
              />
            </div>
          </div>
          {aspect.problems.length === 0 ? (
            <p className="text-sm text-gray-500">本方面下还没有问题。</p>
          ) : (
            aspect.problems.map((problem) => <ProblemCard key={problem.id} roundId={roundId} problem={problem} />)
          )}
        </section>
      ))}
      {outline.unassigned.length > 0 ? (
        <section aria-labelledby="unassigned-title" className="space-y-3">
          <h3 id="unassigned-title" className="border-b border-gray-300 pb-2 text-base font-semibold text-gray-900">
            未归入方面的问题
          </h3>
          {outline.unassigned.map((problem) => (
            <ProblemCard key={problem.id} roundId={roundId} problem={problem} />
          ))}
        </section>
      ) : null}
    </div>
  );
}

function ProblemCard({ roundId, problem }: { roundId: number; problem: OutlineProblem }) {
  const base = `/rounds/${roundId}/plan`;
  const n = problem.measures.length;
  const name = `第 ${problem.number} 号问题`;
  return (
    <article id={`problem-${problem.id}`} aria-labelledby={`problem-${problem.id}-title`} className="rounded-lg border border-gray-200 bg-white p-4 break-inside-avoid">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h4 id={`problem-${problem.id}-title`} className="font-medium text-gray-900">
            {problem.number}. {problem.title}
          </h4>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 text-xs text-gray-600">
            <StatusBadge status={problem.status} />
            <span>牵头领导:{problem.leadLeader || "—"}</span>
            <span>牵头单位:{problem.leadUnitName ?? "—"}</span>
          </p>
        </div>
        <div className="no-print flex flex-wrap items-start gap-2 text-sm">
          <Link href={`${base}/problems/${problem.id}/measures/new`} className={`px-2 py-2 ${LINK}`} aria-label={`为${name}新增整改措施`}>
            新增整改措施
          </Link>
          <Link href={`${base}/problems/${problem.id}`} className={`px-2 py-2 ${LINK}`} aria-label={`编辑${name}`}>
            编辑
          </Link>
          <ConfirmButton
            action={deleteProblemAction}
            fields={{ roundId, problemId: problem.id, confirmCascade: n > 0 ? "1" : "0", measureCount: n }}
            label="删除"
            ariaLabel={`删除${name}`}
            confirm={
              n > 0
                ? `确定删除${name}“${problem.title}”吗?其下 ${n} 项整改措施将一并删除,此操作不可撤销。`
                : `确定删除${name}“${problem.title}”吗?`
            }
          />
        </div>
      </div>
      {n === 0 ? (
        <p className="mt-3 text-sm text-gray-500">尚未录入整改措施。</p>
      ) : (
        <MeasureTable roundId={roundId} problem={problem} />
      )}
    </article>
  );
}

function MeasureTable({ roundId, problem }: { roundId: number; problem: OutlineProblem }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">第 {problem.number} 号问题的整改措施</caption>
        <thead>
          <tr className="bg-gray-50 text-left text-xs font-semibold whitespace-nowrap text-gray-700">
            <th scope="col" className="px-2 py-1.5">序号</th>
            <th scope="col" className="px-2 py-1.5">整改措施</th>
            <th scope="col" className="px-2 py-1.5">牵头单位</th>
            <th scope="col" className="px-2 py-1.5">配合单位</th>
            <th scope="col" className="px-2 py-1.5">完成时限</th>
            <th scope="col" className="px-2 py-1.5">类型 / 类别</th>
            <th scope="col" className="px-2 py-1.5">状态</th>
            <th scope="col" className="no-print px-2 py-1.5">操作</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {problem.measures.map((m, i) => (
            <MeasureRow key={m.id} roundId={roundId} label={`${problem.number}.${m.position}`} measure={m} first={i === 0} last={i === problem.measures.length - 1} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MeasureRow({ roundId, label, measure: m, first, last }: { roundId: number; label: string; measure: OutlineMeasure; first: boolean; last: boolean }) {
  const fields = { roundId, measureId: m.id };
  return (
    <tr id={`measure-${m.id}`} className="align-top">
      <td className="px-2 py-1.5 whitespace-nowrap">{label}</td>
      <td className="min-w-64 px-2 py-1.5">{m.text}</td>
      <td className="px-2 py-1.5 whitespace-nowrap">{m.leadUnitName ?? "—"}</td>
      <td className="px-2 py-1.5">{m.coUnitNames ?? "—"}</td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        {m.deadline ?? "—"}
        {m.deadlineText ? <div className="text-xs text-gray-500">{m.deadlineText}</div> : null}
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        {DEADLINE_KIND_LABELS[m.deadlineKind]}
        <div className="text-xs text-gray-500">{MEASURE_CATEGORY_LABELS[m.category]}</div>
      </td>
      <td className="px-2 py-1.5">
        <StatusBadge status={m.status} />
      </td>
      <td className="no-print px-2 py-1.5 whitespace-nowrap">
        <div className="flex flex-nowrap items-start gap-1">
          <Link href={`/rounds/${roundId}/plan/measures/${m.id}`} className={`px-2 py-2 ${LINK}`} aria-label={`编辑整改措施 ${label}`}>
            编辑
          </Link>
          {first ? null : <ConfirmButton action={moveMeasureAction} fields={{ ...fields, direction: "up" }} label="上移" variant="secondary" ariaLabel={`上移整改措施 ${label}`} />}
          {last ? null : <ConfirmButton action={moveMeasureAction} fields={{ ...fields, direction: "down" }} label="下移" variant="secondary" ariaLabel={`下移整改措施 ${label}`} />}
          <ConfirmButton action={deleteMeasureAction} fields={fields} label="删除" ariaLabel={`删除整改措施 ${label}`} confirm={`确定删除整改措施 ${label}“${m.text.slice(0, 40)}”吗?此操作不可撤销。`} />
        </div>
      </td>
    </tr>
  );
}
