import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listNotices, noticeNumber } from "@/db/queries/notices";
import { NOTICE_LEVEL_LABELS, NOTICE_STATE_LABELS, type NoticeLevel } from "@/lib/domain";
import { todayISO } from "@/lib/deadline-state";
import { scopeOf } from "@/lib/permissions";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "督办" };

const LEVEL_STYLES: Record<NoticeLevel, string> = {
  reminder: "bg-blue-100 text-blue-800",
  supervise: "bg-amber-100 text-amber-900",
  criticize: "bg-red-100 text-red-800",
};

export default async function NoticesPage() {
  const actor = await requirePermission("notice.read");
  const unitIds = scopeOf(actor, "notice.read") === "own" ? actor.unitScope : null;
  const notices = listNotices(db, { unitIds });
  const today = todayISO();
  return (
    <>
      <PageHeader
        title="督查督办"
        description={unitIds ? "整改办发给本单位的督办单。" : "整改办发出的督办单及各单位的回复情况。"}
      />
      {notices.length === 0 ? (
        <EmptyState title="暂无督办单">{unitIds ? "本单位目前没有需要回复的督办单。" : "尚未发出督办单。"}</EmptyState>
      ) : (
        <Table caption="督办单列表">
          <thead>
            <tr>
              <Th>编号</Th>
              <Th>等级</Th>
              <Th>责任单位</Th>
              <Th>轮次</Th>
              <Th>督办要求</Th>
              <Th>回复期限</Th>
              <Th>状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {notices.map((n) => {
              const late = n.state === "open" && n.replyDeadline < today;
              return (
                <tr key={n.id} className={late ? "bg-red-50" : undefined}>
                  <Td className="whitespace-nowrap">{noticeNumber(n)}</Td>
                  <Td>
                    <span className={`rounded px-2 py-0.5 text-xs ${LEVEL_STYLES[n.level]}`}>{NOTICE_LEVEL_LABELS[n.level]}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{n.unitName}</Td>
                  <Td className="text-xs">{n.roundName}</Td>
                  <Td className="min-w-64">{n.request}</Td>
                  <Td className="whitespace-nowrap">
                    {n.replyDeadline}
                    {late ? <span className="ml-1 text-xs text-red-700">(逾期未回复)</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">{NOTICE_STATE_LABELS[n.state]}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
