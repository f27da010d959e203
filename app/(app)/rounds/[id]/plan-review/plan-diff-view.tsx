import type { PlanDiff } from "@/lib/plan-version";
import { diffIsEmpty } from "@/lib/plan-version";

// What changed between two submitted versions: problems and measures added, removed and
// changed (with the fields that changed, old → new).
export function PlanDiffView({ fromVersion, toVersion, diff }: { fromVersion: number; toVersion: number; diff: PlanDiff }) {
  if (diffIsEmpty(diff)) return <p className="text-sm text-gray-700">第 {fromVersion} 版与第 {toVersion} 版内容相同。</p>;
  const problemLine = (p: { number: number; title: string }) => `问题 ${p.number}:${p.title}`;
  const measureLine = (m: { problemNumber: number; text: string }) => `问题 ${m.problemNumber} 的措施:${m.text}`;
  return (
    <div aria-label={`第 ${fromVersion} 版与第 ${toVersion} 版的差异`} role="region" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 text-sm">
      <p className="text-gray-700">
        从第 {fromVersion} 版到第 {toVersion} 版:新增 {diff.problems.added.length} 个问题、{diff.measures.added.length} 项措施;删除{" "}
        {diff.problems.removed.length} 个问题、{diff.measures.removed.length} 项措施;修改 {diff.problems.changed.length} 个问题、
        {diff.measures.changed.length} 项措施。
      </p>
      <ul className="space-y-2">
        {diff.problems.added.map((p) => (
          <li key={`pa${p.id}`} className="text-green-800">
            新增 {problemLine(p)}
          </li>
        ))}
        {diff.measures.added.map((m) => (
          <li key={`ma${m.id}`} className="text-green-800">
            新增 {measureLine(m)}
          </li>
        ))}
        {diff.problems.removed.map((p) => (
          <li key={`pr${p.id}`} className="text-red-800">
            删除 {problemLine(p)}
          </li>
        ))}
        {diff.measures.removed.map((m) => (
          <li key={`mr${m.id}`} className="text-red-800">
            删除 {measureLine(m)}
          </li>
        ))}
        {diff.problems.changed.map((c) => (
          <li key={`pc${c.after.id}`}>
            修改 {problemLine(c.after)}({c.fields.join("、")})
            {c.fields.includes("问题") ? <p className="text-xs text-gray-600">原为:{c.before.title}</p> : null}
          </li>
        ))}
        {diff.measures.changed.map((c) => (
          <li key={`mc${c.after.id}`}>
            修改 {measureLine(c.after)}({c.fields.join("、")})
            <p className="text-xs text-gray-600">
              {c.fields.includes("整改措施") ? `原为:${c.before.text}` : null}
              {c.fields.includes("完成时限") ? ` 完成时限:${c.before.deadline ?? "—"} → ${c.after.deadline ?? "—"}` : null}
              {c.fields.includes("牵头单位") ? ` 牵头单位:${c.before.leadUnitName ?? "—"} → ${c.after.leadUnitName ?? "—"}` : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
