import type { ReactNode } from "react";
import Link from "@/components/link";
import { similarityPercent, type SimilarProblem } from "@/lib/recurrence";
import { StatusBadge } from "./status-badge";

/**
 * Earlier rounds' problems like this one, best first: the round, 序号 and title, its status,
 * how alike, and what was promised then (its measures, with their status). Shown on a
 * problem's page and in both import previews; `action` adds the office's button per item.
 */
export function SimilarProblemList({ matches, linkTitles, action }: { matches: readonly SimilarProblem[]; linkTitles: boolean; action?: (match: SimilarProblem) => ReactNode }) {
  return (
    <ol className="space-y-3">
      {matches.map((match) => (
        <li key={match.id} aria-label={`${match.roundName} 第${match.number}号问题`} className="rounded-lg border border-amber-200 bg-amber-50/40 p-3 text-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="text-xs text-gray-600">
                {match.roundName} · 第{match.number}号问题 · 相似度 {similarityPercent(match.score)}
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-2 font-medium text-gray-900">
                {linkTitles ? (
                  <Link href={`/problems/${match.id}`} className="hover:text-brand-700 hover:underline">
                    {match.title}
                  </Link>
                ) : (
                  <span>{match.title}</span>
                )}
                <StatusBadge status={match.status} />
              </p>
            </div>
            {action ? <div className="no-print">{action(match)}</div> : null}
          </div>
          <PromisedMeasures measures={match.measures} />
        </li>
      ))}
    </ol>
  );
}

/** 当时的整改措施: what the office promised the last time the problem was found. */
export function PromisedMeasures({ measures }: { measures: SimilarProblem["measures"] }) {
  if (measures.length === 0) return <p className="mt-2 text-xs text-gray-500">当时未录入整改措施。</p>;
  return (
    <div className="mt-2">
      <p className="text-xs font-medium text-gray-700">当时的整改措施</p>
      <ul className="mt-1 space-y-1">
        {measures.map((m) => (
          <li key={m.id} className="flex flex-wrap items-baseline gap-2 text-gray-800">
            <StatusBadge status={m.status} />
            <span>{m.text}</span>
            {m.deadlineText ? <span className="text-xs text-gray-500">({m.deadlineText})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
