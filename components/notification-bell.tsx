"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import Link from "@/components/link";

// The query keys of the notification centre, in one place: the bell polls the unread
// count, and anything that marks notifications read invalidates `notificationKeys.all`.
export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
};

export function unreadCountQuery() {
  return queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async ({ signal }): Promise<number> => {
      const response = await fetch("/api/v1/notifications/unread-count", { signal, cache: "no-store" });
      if (!response.ok) throw new Error(`unread-count ${response.status}`);
      return ((await response.json()) as { unread: number }).unread;
    },
    // New reminders arrive from the daily job and from other people's actions.
    refetchInterval: 30_000,
  });
}

/** The header's bell: unread count, polled; a link to the notification centre. */
export function NotificationBell({ initialCount }: { initialCount: number }) {
  const { data } = useQuery({ ...unreadCountQuery(), initialData: initialCount });
  const count = data ?? 0;
  const label = `通知(${count} 条未读)`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex items-center rounded-md p-1.5 text-white/90 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span aria-hidden="true" className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
