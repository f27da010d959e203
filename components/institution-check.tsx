import Link from "@/components/link";
import type { LastCheck, LinkedProblem } from "@/db/queries/institutions";
import { INSTITUTION_APPLIED_LABELS } from "@/lib/domain";

/** The last 回头看 answer about a rule: 执行到位 / 部分执行 / 未执行, when, and its note. */
export function LastCheckCell({ check, linkMeasure = true }: { check: LastCheck | null; /** False for a viewer who may not open every measure. */ linkMeasure?: boolean }) {
  if (!check) return <>未核查</>;
  const tone = check.applied === "applied" ? "text-green-800" : check.applied === "partly" ? "text-amber-800" : "font-medium text-red-700";
  const day = check.checkedAt ? new Date(check.checkedAt).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }) : null;
  return (
    <>
      {linkMeasure ? (
        <Link href={`/measures/${check.measureId}`} className={`${tone} underline-offset-2 hover:underline`}>
          {INSTITUTION_APPLIED_LABELS[check.applied]}
        </Link>
      ) : (
        <span className={tone}>{INSTITUTION_APPLIED_LABELS[check.applied]}</span>
      )}
      {day ? <span className="text-gray-500">({day})</span> : null}
      {check.note ? <span className="block text-gray-600">{check.note}</span> : null}
    </>
  );
}

/** The problems a rule answers, as 问题N links to their pages. */
export function LinkedProblemLinks({ problems }: { problems: readonly LinkedProblem[] }) {
  if (problems.length === 0) return <>—</>;
  return problems.map((p, i) => (
    <span key={p.id}>
      {i > 0 ? "、" : ""}
      <Link href={`/problems/${p.id}`} className="text-brand-700 underline-offset-2 hover:underline">
        问题{p.number}
      </Link>
    </span>
  ));
}
