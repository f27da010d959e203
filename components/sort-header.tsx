import Link from "@/components/link";
import { Th } from "@/components/ui/table";
import { filterQuery, type ListFilter, type SortKey } from "@/lib/validations/list-filter";

/** A column header that sorts by its key; a second click reverses the order. */
export function SortHeader({ filter, sortKey, children, wrap }: { filter: ListFilter; sortKey: SortKey; children: string; wrap?: boolean }) {
  const active = (filter.sort ?? "number") === sortKey;
  const dir = active && filter.dir !== "desc" ? "desc" : "asc";
  const ariaSort = active ? (filter.dir === "desc" ? "descending" : "ascending") : "none";
  return (
    <Th aria-sort={ariaSort} wrap={wrap}>
      <Link href={filterQuery(filter, { sort: sortKey, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-brand-700">
        {children}
        <span aria-hidden className="text-gray-400 print:hidden">
          {active ? (filter.dir === "desc" ? "↓" : "↑") : "↕"}
        </span>
      </Link>
    </Th>
  );
}
