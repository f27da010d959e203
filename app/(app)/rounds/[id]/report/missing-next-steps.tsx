import Link from "@/components/link";
import { chineseNumeral, type UnfinishedItem } from "@/lib/bulletin";
import { STATUS_LABELS } from "@/lib/domain";

// The open items whose 下一步措施 nobody wrote: no unit's report names one and the office has
// not either. The 通报 leaves the line out rather than print boilerplate, so the office is
// told here, with a link to the field where it writes the item's next step.
export function MissingNextSteps({ roundId, items }: { roundId: number; items: UnfinishedItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="missing-next-steps" className="no-print mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <h2 id="missing-next-steps" className="font-semibold text-amber-900">
        以下事项缺少下一步措施({items.length} 个)
      </h2>
      <p className="mt-1 text-amber-900">责任单位报送的整改进展中没有写“下一步”,通报中暂缺此项。请补写,或督促责任单位报送。</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item) => (
          <li key={item.problemId}>
            <Link href={`/rounds/${roundId}/report/edit#problem-${item.problemId}`} className="text-brand-700 hover:underline">
              ({chineseNumeral(item.number)}){item.title}
            </Link>
            <span className="text-gray-600">({STATUS_LABELS[item.status]})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
