import type { StatusCounts } from "@/lib/status";

/** The counts above a filtered list: how many rows match, per status. */
export function CountsLine({ counts, noun }: { counts: StatusCounts; noun: string }) {
  return (
    <p className="mb-2 text-sm text-gray-700" aria-live="polite">
      符合条件的{noun} <strong>{counts.total}</strong> 项:已完成 <strong className="text-green-700">{counts.completed}</strong>、基本完成{" "}
      <strong className="text-blue-700">{counts.basicallyCompleted}</strong>、未完成 <strong>{counts.incomplete}</strong>
    </p>
  );
}
