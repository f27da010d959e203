import Link from "@/components/link";

/** Page links for any paged list; `hrefFor` keeps the list's own filters in the URL. */
export function Pagination({ page, pages, total, hrefFor }: { page: number; pages: number; total?: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  const link = (p: number, label: string, disabled: boolean) =>
    disabled ? (
      <span className="px-2 py-1 text-gray-400">{label}</span>
    ) : (
      <Link href={hrefFor(p)} className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50">
        {label}
      </Link>
    );
  return (
    <nav aria-label="分页" className="no-print mt-3 flex items-center justify-end gap-2 text-sm">
      <span className="text-gray-600">
        {total !== undefined ? `共 ${total} 条,` : ""}第 {page}/{pages} 页
      </span>
      {link(1, "首页", page === 1)}
      {link(page - 1, "上一页", page === 1)}
      {link(page + 1, "下一页", page === pages)}
      {link(pages, "末页", page === pages)}
    </nav>
  );
}
