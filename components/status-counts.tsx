import type { StatusCounts } from "@/lib/status";

/** "17 · 已完成 3 · 基本完成 2 · 未完成 12", compact for tables. */
export function StatusCountsText({ counts }: { counts: StatusCounts }) {
  return (
    <span className="whitespace-nowrap">
      共 {counts.total} · <span className="text-green-700">已完成 {counts.completed}</span> ·{" "}
      <span className="text-blue-700">基本完成 {counts.basicallyCompleted}</span> ·{" "}
      <span className="text-gray-700">未完成 {counts.incomplete}</span>
    </span>
  );
}
