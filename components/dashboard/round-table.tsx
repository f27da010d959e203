import Link from "@/components/link";
import type { DashboardData } from "@/db/queries/dashboard";
import { ledgerHref, percent, problemsHref, tasksHref } from "@/lib/list-links";

/** Across rounds: each round's figures, each a link to that round's filtered list. */
export function RoundTable({ data }: { data: DashboardData }) {
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <section id="by-round" aria-labelledby="by-round-title" className="rounded-lg border border-gray-200 bg-white p-4 print:break-inside-avoid">
      <h2 id="by-round-title" className="mb-2 text-sm font-semibold text-gray-900">
        分轮次情况
      </h2>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="bg-gray-50 text-xs text-gray-700">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">轮次</th>
              <th scope="col" className={num}>问题</th>
              <th scope="col" className={num}>问题已完成</th>
              <th scope="col" className={num}>完成率</th>
              <th scope="col" className={num}>措施</th>
              <th scope="col" className={num}>已完成</th>
              <th scope="col" className={num}>基本完成</th>
              <th scope="col" className={num}>未完成</th>
              <th scope="col" className={num}>逾期</th>
              <th scope="col" className={num}>临期</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {data.rounds.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={`/dashboard?round=${r.id}`} className="hover:underline">{r.name}</Link>
                </th>
                <td className={num}><Link href={problemsHref(r.id)} className="hover:underline">{r.problems.total}</Link></td>
                <td className={num}><Link href={problemsHref(r.id, "completed")} className="hover:underline">{r.problems.completed}</Link></td>
                <td className={num}>{percent(r.problems.completed, r.problems.total)}</td>
                <td className={num}><Link href={ledgerHref(r.id)} className="hover:underline">{r.measures.total}</Link></td>
                <td className={num}><Link href={ledgerHref(r.id, { status: "completed" })} className="text-green-700 hover:underline">{r.measures.completed}</Link></td>
                <td className={num}><Link href={ledgerHref(r.id, { status: "basically_completed" })} className="text-blue-700 hover:underline">{r.measures.basicallyCompleted}</Link></td>
                <td className={num}><Link href={ledgerHref(r.id, { status: "incomplete" })} className="hover:underline">{r.measures.incomplete}</Link></td>
                <td className={num}><Link href={tasksHref(r.id, { overdue: true })} className="text-red-700 hover:underline">{r.overdue}</Link></td>
                <td className={num}><Link href={tasksHref(r.id, { dueSoon: true })} className="text-amber-700 hover:underline">{r.dueSoon}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
