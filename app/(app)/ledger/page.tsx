import type { Metadata } from "next";
import Link from "next/link";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { ledgerRows } from "@/db/queries/ledger";
import { listRoundsWithCounts } from "@/db/queries/rounds";
import { deadlineState, LIGHT_OF, todayISO } from "@/lib/deadline-state";
import { REVIEW_STATE_LABELS } from "@/lib/domain";
import { requirePermission } from "@/lib/session";
import { countsSentence } from "@/lib/status";

export const metadata: Metadata = { title: "整改台账" };

// The ledger as offices print it (整改台账). Filtering, sorting, import and export come
// with the plan issue; this is the read-only table over the same data.
export default async function LedgerPage({ searchParams }: { searchParams: Promise<{ round?: string }> }) {
  await requirePermission("ledger.read");
  const rounds = listRoundsWithCounts(db);
  const { round: roundParam } = await searchParams;
  const round = rounds.find((r) => String(r.id) === roundParam) ?? rounds[0];
  if (!round) {
    return (
      <>
        <PageHeader title="整改台账" />
        <EmptyState title="还没有轮次">建立轮次并录入问题清单后,台账在这里生成。</EmptyState>
      </>
    );
  }
  const rows = ledgerRows(db, { roundId: round.id });
  const today = todayISO();
  return (
    <>
      <PageHeader
        title={`整改台账 · ${round.name}`}
        description={`反馈的${countsSentence("问题", round.problemCounts)};${countsSentence("整改措施", round.measureCounts, "项")}。`}
        actions={
          rounds.length > 1 ? (
            <nav aria-label="切换轮次" className="flex gap-2 text-sm">
              {rounds.map((r) => (
                <Link key={r.id} href={`/ledger?round=${r.id}`} className="text-gray-900 underline-offset-2 hover:text-brand-700 hover:underline">
                  {r.name}
                </Link>
              ))}
            </nav>
          ) : null
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="本轮次还没有整改措施" />
      ) : (
        <Table caption="整改台账">
          <thead>
            <tr>
              <Th>序号</Th>
              <Th>方面</Th>
              <Th>问题</Th>
              <Th>整改措施</Th>
              <Th>牵头领导</Th>
              <Th>牵头单位</Th>
              <Th>责任单位</Th>
              <Th>完成时限</Th>
              <Th>整改状态</Th>
              <Th>最新进展</Th>
              <Th>销号情况</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((row) => {
              const light = LIGHT_OF[deadlineState({ deadline: row.deadline, status: row.status, today, dueSoonDays: round.dueSoonDays }).state];
              return (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap">
                    {row.problemNumber}.{row.position}
                  </Td>
                  <Td className="min-w-40 text-xs text-gray-600">{row.aspectName}</Td>
                  <Td className="min-w-48">{row.problemTitle}</Td>
                  <Td className="min-w-64">
                    <Link href={`/measures/${row.id}`} className="text-gray-900 underline-offset-2 hover:text-brand-700 hover:underline">
                      {row.text}
                    </Link>
                  </Td>
                  <Td className="min-w-32 text-xs">{row.leadLeader}</Td>
                  <Td className="whitespace-nowrap">{row.leadUnitName ?? "—"}</Td>
                  <Td className="min-w-32 text-xs">{row.coUnitNames ?? "—"}</Td>
                  <Td className="whitespace-nowrap">
                    <DeadlineLight light={light} /> {row.deadline ?? ""}
                    <div className="text-xs text-gray-500">{row.deadlineText}</div>
                  </Td>
                  <Td>
                    <StatusBadge status={row.status} />
                  </Td>
                  <Td className="min-w-64 text-xs text-gray-700">{row.latestProgress ?? "—"}</Td>
                  <Td className="whitespace-nowrap text-xs">
                    {row.latestReviewState ? REVIEW_STATE_LABELS[row.latestReviewState] : "未报送"}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
