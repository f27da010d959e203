import type { StatusCounts } from "@/lib/status";

/** The counts above a filtered list: how many rows match, per status. */
// 问题 are counted in 个, measures and other items in 项 (as the offices' reports do).
export function CountsLine({ counts, noun }: { counts: StatusCounts; noun: string }) {
  const classifier = noun.endsWith("问题") ? "个" : "项";
  return (
    <p className="mb-2 text-sm text-gray-700" aria-live="polite">
      符合条件的{noun} <strong>{counts.total}</strong> {classifier}:已完成 <strong className="text-green-700">{counts.completed}</strong>、基本完成{" "}
      <strong className="text-blue-700">{counts.basicallyCompleted}</strong>、未完成 <strong>{counts.incomplete}</strong>
    </p>
  );
}
