import { clueSentence, type ClueFigures } from "@/lib/clues";
import type { RoundKind } from "@/lib/domain";

// The register's counts, as leaders read them and as the 通报 prints them: never an item.
export function ClueFiguresSummary({ figures, roundKind }: { figures: ClueFigures; roundKind: RoundKind }) {
  const total = figures.petitions + figures.clues;
  const cells: [string, number][] = [
    ["信访件", figures.petitions],
    ["问题线索", figures.clues],
    ["已办结", figures.concluded],
    ["立案", figures.filed],
    ["处理人数", figures.peopleHandled],
    ["党纪政务处分", figures.disciplined],
    ["组织处理", figures.organizational],
    ["移送司法机关", figures.prosecuted],
  ];
  return (
    <section aria-label="办理情况统计" className="space-y-2">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {cells.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-gray-200 bg-white px-3 py-2">
            <dt className="text-xs text-gray-600">{label}</dt>
            <dd className="text-lg font-semibold text-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-gray-700">{total === 0 ? "本轮次尚未登记移交的信访件、问题线索。" : clueSentence(roundKind, figures)}</p>
    </section>
  );
}
