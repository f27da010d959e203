import Link from "@/components/link";
import type { ReactNode } from "react";
import { signOut } from "@/app/(auth)/actions";
import { db } from "@/db";
import { unreadCount } from "@/db/queries/notifications";
import { ROLE_LABELS } from "@/lib/domain";
import { can, type Actor } from "@/lib/permissions";
import { HeaderSearch } from "./header-search";
import { homeFor, navItemsFor } from "./nav-items";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";

export function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-gray-50">
      <header className="no-print bg-brand-700 text-white">
        {/* On phones: the name and the two account links on the first row, the navigation
            scrolling sideways on the second, the search box on the third; nothing may break
            inside a word ("退出登/录"). */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={homeFor(actor)} className="text-lg font-semibold tracking-wide whitespace-nowrap">
            整改通
          </Link>
          <NavLinks items={navItemsFor(actor)} />
          {can(actor, "search.read") ? <HeaderSearch /> : null}
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm whitespace-nowrap sm:ml-0">
            {/* The count is read here so the bell shows it at once; it then polls. */}
            {can(actor, "notification.read") ? <NotificationBell initialCount={unreadCount(db, { userId: actor.id })} /> : null}
            <span className="min-w-0 truncate">
              <span className="font-medium">{actor.name}</span>
              <span className="hidden text-white/80 sm:inline">
                {" "}
                · {actor.unitName} · {ROLE_LABELS[actor.role]}
                {actor.isAdmin ? "(管理员)" : ""}
              </span>
            </span>
            <Link href="/account/password" className="text-white/85 underline-offset-2 hover:underline">
              修改密码
            </Link>
            <form action={signOut}>
              <button type="submit" className="rounded-md border border-white/40 px-2 py-1 whitespace-nowrap hover:bg-white/10">
                退出登录
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
