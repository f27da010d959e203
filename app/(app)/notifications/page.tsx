import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { listNotifications, unreadCount } from "@/db/queries/notifications";
import { requirePermission } from "@/server/session";
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from "@/lib/notification";
import { parseId } from "@/lib/validations/common";
import { markAllNotificationsRead, markNotificationRead } from "./actions";
import { MarkReadButton } from "./mark-read-button";

export const metadata: Metadata = { title: "通知" };

const PAGE_SIZE = 50;

// The signed-in user's own notifications, newest first; nobody else's are ever read here.
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("notification.read");
  const params = await searchParams;
  const before = parseId(typeof params.before === "string" ? params.before : undefined);
  const unreadOnly = params.filter === "unread";
  const items = listNotifications(db, { userId: actor.id, limit: PAGE_SIZE, before, unreadOnly });
  const unread = unreadCount(db, { userId: actor.id });
  const filterQuery = unreadOnly ? "&filter=unread" : "";
  return (
    <>
      <PageHeader
        title="通知"
        description={unread > 0 ? `共 ${unread} 条未读通知。` : "没有未读通知。"}
        actions={<MarkReadButton action={markAllNotificationsRead} label="全部标为已读" disabled={unread === 0} showResult />}
      />
      <nav aria-label="通知筛选" className="mb-4 flex gap-4 text-sm">
        <FilterLink href="/notifications" current={!unreadOnly}>
          全部
        </FilterLink>
        <FilterLink href="/notifications?filter=unread" current={unreadOnly}>
          只看未读
        </FilterLink>
      </nav>
      {items.length === 0 ? (
        <EmptyState title={before ? "没有更早的通知" : unreadOnly ? "没有未读通知" : "暂无通知"}>临期、逾期、未报送提醒和督办等消息会出现在这里。</EmptyState>
      ) : (
        <ul aria-label="通知列表" className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
          {items.map((n) => (
            <li key={n.id} aria-label={n.title} className={`flex flex-wrap items-start gap-3 px-4 py-3 ${n.readAt ? "" : "bg-brand-50/40"}`}>
              <span className={`mt-0.5 rounded px-1.5 py-0.5 text-xs ${n.readAt ? "bg-gray-100 text-gray-600" : "bg-red-50 text-red-700"}`}>
                {NOTIFICATION_KIND_LABELS[n.kind as NotificationKind] ?? "通知"}
              </span>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-gray-900">
                  {n.readAt ? null : <span className="sr-only">未读:</span>}
                  {isAppPath(n.link) ? (
                    <Link href={n.link} className="underline-offset-2 hover:text-brand-700 hover:underline">
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </p>
                {n.body ? <p className="mt-0.5 text-sm leading-6 whitespace-pre-line text-gray-700">{n.body}</p> : null}
                <p className="mt-1 text-xs text-gray-500">
                  <time dateTime={n.createdAt.toISOString()}>{n.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</time>
                  {n.readAt ? " · 已读" : " · 未读"}
                </p>
              </div>
              {n.readAt ? null : <MarkReadButton action={markNotificationRead} fields={{ notificationId: n.id }} label="标为已读" ariaLabel={`将“${n.title}”标为已读`} />}
            </li>
          ))}
        </ul>
      )}
      {items.length === PAGE_SIZE ? (
        <p className="mt-3 text-right text-sm">
          <Link href={`/notifications?before=${items.at(-1)!.id}${filterQuery}`} className="text-brand-700 underline-offset-2 hover:underline">
            查看更早的通知
          </Link>
        </p>
      ) : null}
    </>
  );
}

// Links are written by server code, but only paths inside the app are ever followed.
function isAppPath(link: string | null): link is string {
  return link !== null && link.startsWith("/") && !link.startsWith("//");
}

function FilterLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={current ? "font-semibold text-brand-700" : "text-gray-600 hover:text-brand-700"}>
      {children}
    </Link>
  );
}
