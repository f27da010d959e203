import type { Metadata } from "next";
import Link from "@/components/link";
import { NoticeLevelBadge, NoticeStateBadge } from "@/components/notice-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listPendingDrafts } from "@/db/queries/notice-drafts";
import { listNotices, noticeFilterOptions } from "@/db/queries/notices";
import { todayISO } from "@/lib/deadline-state";
import { isReplyOverdue, noticeNumber } from "@/lib/notice";
import { can, visibleUnitIds } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { parseNoticeFilter } from "@/lib/validations/notice";
import { NoticeDrafts } from "./notice-drafts";
import { NoticeFilterBar } from "./notice-filter-bar";

export const metadata: Metadata = { title: "督办" };

export default async function NoticesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("notice.read");
  // A unit reads its own and its sub-units' notices; the office and leaders read all.
  const unitIds = visibleUnitIds(actor, "notice.read");
  const filter = parseNoticeFilter(await searchParams);
  const today = todayISO();
  const notices = listNotices(db, { unitIds, filter, today });
  const filtered = Boolean(filter.round || filter.unit || filter.state || filter.overdue);
  const issue = can(actor, "notice.issue") ? (
    <Link href="/notices/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
      发督办单
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="督查督办"
        description={unitIds ? "整改办发给本单位的督办单,请在回复期限前回复。" : "整改办发出的督办单及各单位的回复情况。"}
        actions={issue}
      />
      {can(actor, "notice.issue") ? <NoticeDrafts drafts={listPendingDrafts(db, { today })} /> : null}
      <NoticeFilterBar filter={filter} options={unitIds ? null : noticeFilterOptions(db)} />
      {notices.length === 0 ? (
        <EmptyState title={filtered ? "没有符合筛选条件的督办单" : "暂无督办单"}>
          {filtered ? "可以放宽或清除筛选条件。" : unitIds ? "本单位目前没有收到督办单。" : "尚未发出督办单。"}
        </EmptyState>
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
              const late = isReplyOverdue(n, today);
              return (
                <tr key={n.id} className={late ? "bg-red-50" : undefined}>
                  <Td className="whitespace-nowrap">
                    <Link href={`/notices/${n.id}`} className="font-medium text-brand-700 hover:underline">
                      {noticeNumber(n)}
                    </Link>
                  </Td>
                  <Td>
                    <NoticeLevelBadge level={n.level} />
                  </Td>
                  <Td className="whitespace-nowrap">{n.unitName}</Td>
                  <Td className="text-xs">{n.roundName}</Td>
                  <Td className="min-w-64">
                    <span className="line-clamp-2">{n.request}</span>
                    <span className="text-xs text-gray-500">涉及 {n.measureCount} 项措施</span>
                  </Td>
                  <Td className={`whitespace-nowrap ${late ? "font-medium text-red-700" : ""}`}>{n.replyDeadline}</Td>
                  <Td>
                    <NoticeStateBadge state={n.state} overdue={late} />
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
