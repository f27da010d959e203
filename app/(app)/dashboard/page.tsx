import type { Metadata } from "next";
import Link from "next/link";
import { Figure } from "@/components/figure";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { roundSummary } from "@/db/queries/summary";
import { listRoundsWithCounts } from "@/db/queries/rounds";
import { todayISO } from "@/lib/deadline-state";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "驾驶舱" };

function rate(part: number, total: number): string {
  return total === 0 ? "—" : `${((part / total) * 100).toFixed(1)}%`;
}

// Headline figures per round. Charts, drill-down and live refresh come with the dashboard issue.
export default async function DashboardPage() {
  await requirePermission("dashboard.read");
  const today = todayISO();
  const rounds = listRoundsWithCounts(db).filter((r) => !r.archivedAt);
  return (
    <>
      <PageHeader title="驾驶舱" description={`截至 ${today} 的整改进展。`} />
      {rounds.length === 0 ? <EmptyState title="暂无进行中的轮次" /> : null}
      {rounds.map((round) => {
        const { overdue, dueSoon } = roundSummary(db, { roundId: round.id, today })!;
        const p = round.problemCounts;
        const m = round.measureCounts;
        return (
          <section key={round.id} aria-labelledby={`round-${round.id}`} className="mb-8">
            <h2 id={`round-${round.id}`} className="mb-3 font-semibold">
              <Link href={`/rounds/${round.id}/ledger`} className="hover:underline">
                {round.name}
              </Link>
            </h2>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
              <Figure label="问题总数" value={p.total} />
              <Figure label="问题已完成" value={p.completed} tone="green" />
              <Figure label="问题基本完成" value={p.basicallyCompleted} tone="blue" />
              <Figure label="问题未完成" value={p.incomplete} />
              <Figure label="问题完成率(已完成÷总数)" value={rate(p.completed, p.total)} tone="green" />
              <Figure label="问题完成率(含基本完成)" value={rate(p.completed + p.basicallyCompleted, p.total)} tone="blue" />
              <Figure label="整改措施总数" value={m.total} />
              <Figure label="措施已完成" value={m.completed} tone="green" />
              <Figure label="措施基本完成" value={m.basicallyCompleted} tone="blue" />
              <Figure label="措施未完成" value={m.incomplete} />
              <Figure label="逾期措施" value={overdue} tone="red" />
              <Figure label="临期措施" value={dueSoon} tone="amber" />
            </dl>
          </section>
        );
      })}
    </>
  );
}
