import type { Metadata } from "next";
import Link from "@/components/link";
import { StatusCountsText } from "@/components/status-counts";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { ROUND_KIND_LABELS } from "@/lib/domain";
import { can, onlyVisibleRounds } from "@/lib/permissions";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "轮次" };

export default async function RoundsPage() {
  const actor = await requirePermission("round.read");
  const rounds = onlyVisibleRounds(actor, "round.read", listRoundsWithCountsWhileUnchanged(db));
  const newRound = can(actor, "plan.manage") ? (
    <Link href="/rounds/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
      新建轮次
    </Link>
  ) : null;
  return (
    <>
      <PageHeader title="巡视巡察轮次" description="每一轮巡视、巡察、审计或专项检查及其整改。" actions={newRound} />
      {rounds.length === 0 ? (
        <EmptyState title="还没有轮次">巡视巡察反馈后,由整改办建立轮次并录入问题清单。</EmptyState>
      ) : (
        <Table caption="轮次列表">
          <thead>
            <tr>
              <Th>轮次</Th>
              <Th>类型</Th>
              <Th>巡视(察)组</Th>
              <Th>反馈日期</Th>
              <Th>整改时限</Th>
              <Th>问题</Th>
              <Th>整改措施</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rounds.map((round) => (
              <tr key={round.id}>
                <Td>
                  <Link href={`/rounds/${round.id}`} className="font-medium text-brand-700 hover:underline">
                    {round.name}
                  </Link>
                  {round.archivedAt ? <span className="ml-2 text-xs text-gray-500">(已归档)</span> : null}
                </Td>
                <Td>{ROUND_KIND_LABELS[round.kind]}</Td>
                <Td>{round.inspectingBody}</Td>
                <Td className="whitespace-nowrap">{round.feedbackDate ?? "—"}</Td>
                <Td className="whitespace-nowrap">{round.deadline ?? "—"}</Td>
                <Td>
                  <StatusCountsText counts={round.problemCounts} />
                </Td>
                <Td>
                  <StatusCountsText counts={round.measureCounts} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
