import Link from "@/components/link";

export function AdminTabs({ current }: { current: "users" | "units" | "tokens" }) {
  const tabs = [
    { key: "users", href: "/admin/users", label: "用户" },
    { key: "units", href: "/admin/units", label: "单位" },
    { key: "tokens", href: "/admin/tokens", label: "API 令牌" },
  ] as const;
  return (
    <nav aria-label="单位与用户" className="no-print mb-6 flex gap-4 border-b border-gray-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-1 pb-2 text-sm font-medium ${tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
