"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { currentNavHref } from "@/lib/nav-current";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = currentNavHref(pathname, items.map((item) => item.href));
  return (
    // Last on phones, a full-width row that scrolls sideways rather than wrapping into three.
    <nav aria-label="主导航" className="order-last flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto sm:flex-wrap sm:overflow-visible">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`shrink-0 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap ${active ? "bg-white/20 text-white" : "text-white/85 hover:bg-white/10 hover:text-white"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
