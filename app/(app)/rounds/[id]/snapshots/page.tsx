import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listSnapshots } from "@/db/queries/snapshots";
import { todayISO } from "@/lib/deadline-state";
import { can } from "@/lib/permissions";
import { countsSentence } from "@/lib/status";
import { roundFor } from "../round-data";
import { SnapshotForm } from "./snapshot-form";

export const metadata: Metadata = { title: "台账快照" };

// 台账快照: the ledger as it was sent upward on a date. Read-only — each one keeps its own
// copy of the figures and rows, so later sign-offs do not change what was reported.
export default async function RoundSnapshotsPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, round } = await roundFor(params, "ledger.read");
  const snapshots = listSnapshots(db, { roundId: round.id });
  return (
    <>
      {can(actor, "report.manage") ? <SnapshotForm roundId={round.id} today={todayISO()} /> : null}
      {snapshots.length === 0 ? (
        <EmptyState title="还没有台账快照">向上级报送台账前,可先冻结当时的台账,日后随时下载原样文件。</EmptyState>
      ) : (
        <Table caption="台账快照">
          <thead>
            <tr>
              <Th>截至日期</Th>
              <Th>说明</Th>
              <Th>当时的整改数字</Th>
              <Th>冻结时间</Th>
              <Th>下载</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {snapshots.map((s) => (
              <tr key={s.id}>
                <Td className="whitespace-nowrap">{s.asOf}</Td>
                <Td>{s.label || "—"}</Td>
                <Td>
                  反馈的{countsSentence("问题", s.figures.problems)};{countsSentence("整改措施", s.figures.measures, "项")}
                </Td>
                <Td className="whitespace-nowrap">{s.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</Td>
                <Td>
                  <a href={`/api/v1/snapshots/${s.id}`} className="text-brand-700 hover:underline" aria-label={`下载 ${s.asOf} 的台账快照`}>
                    下载 xlsx
                  </a>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
