import Link from "@/components/link";
import { RED_CARD_KIND_LABELS, RED_CARD_KINDS, type EvaluationSummary } from "@/lib/evaluation";

/** 驾驶舱's 成效评估 section: each round with an evaluation, its overall score and red cards. */
export function EvaluationResults({ summaries }: { summaries: (EvaluationSummary & { roundId: number; roundName: string; units: number })[] }) {
  if (summaries.length === 0) return null;
  return (
    <section aria-labelledby="evaluation-results-title" className="mt-6 rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="evaluation-results-title" className="font-semibold">
        整改成效评估
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {summaries.map((s) => (
          <li key={s.roundId} className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <Link href={`/rounds/${s.roundId}/evaluation`} className="font-medium text-brand-700 hover:underline">
              {s.roundName}
            </Link>
            <span>
              按《{s.templateName}》,评估日期 {s.scheduledDate}
            </span>
            <span>
              总体得分 <strong>{s.overall === null ? "—" : `${s.overall} 分`}</strong>(已评完 {s.unitsScored}/{s.units} 个单位)
            </span>
            <span className={s.redCards.length ? "text-red-700" : "text-gray-600"}>
              红牌 {s.redCards.length} 张
              {s.redCards.length
                ? `(${RED_CARD_KINDS.map((k) => [k, s.redCards.filter((c) => c.kind === k).length] as const)
                    .filter(([, n]) => n > 0)
                    .map(([k, n]) => `${RED_CARD_KIND_LABELS[k]} ${n}`)
                    .join(",")})`
                : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
