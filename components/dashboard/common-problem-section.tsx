import Link from "@/components/link";
import { StatusBadge } from "@/components/status-badge";
import { STATUSES, STATUS_LABELS, type Status } from "@/lib/domain";

interface Props {
  figures: { total: number; byStatus: Record<Status, number>; overdue: number };
  latest: { id: number; title: string; leadUnitName: string; deadline: string; status: Status; overdue: boolean }[];
}

/** 驾驶舱's 共性问题 section: how many, by status, how many overdue, and the latest ones. */
export function CommonProblemSection({ figures, latest }: Props) {
  if (figures.total === 0) return null;
  return (
    <section aria-labelledby="common-problems-title" className="mt-6 rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="common-problems-title" className="font-semibold">
        共性问题专项治理
      </h2>
      <p className="mt-2 text-sm">
        共 <strong>{figures.total}</strong> 个共性问题:
        {STATUSES.map((s) => `${STATUS_LABELS[s]} ${figures.byStatus[s]} 个`).join(",")};
        <span className={figures.overdue > 0 ? "font-medium text-red-700" : ""}>逾期 {figures.overdue} 个</span>。
      </p>
      <ul className="mt-3 space-y-1 text-sm">
        {latest.map((c) => (
          <li key={c.id} className="flex flex-wrap items-baseline gap-x-3">
            <Link href={`/common-problems/${c.id}`} className="font-medium text-brand-700 hover:underline">
              {c.title}
            </Link>
            <span>{c.leadUnitName}牵头</span>
            <span className={c.overdue ? "text-red-700" : "text-gray-600"}>
              {c.deadline}
              {c.overdue ? "(逾期)" : ""}
            </span>
            <StatusBadge status={c.status} />
          </li>
        ))}
      </ul>
      <p className="no-print mt-2 text-sm">
        <Link href="/common-problems" className="text-brand-700 hover:underline">
          全部共性问题
        </Link>
      </p>
    </section>
  );
}
