import Link from "next/link";
import { STATUSES, STATUS_LABELS } from "@/lib/domain";
import type { ListFilter } from "@/lib/validations/list-filter";

const CONTROL = "rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

/**
 * The filters of the lists as a plain GET form: works without JavaScript, keyboard-usable,
 * and every result is a shareable link.
 */
export function ListFilterBar({
  filter,
  aspects,
  units,
  show = { dates: true, overdue: true },
}: {
  filter: ListFilter;
  aspects: { id: number; name: string; position: number }[];
  units: { id: number; name: string }[];
  show?: { dates?: boolean; overdue?: boolean };
}) {
  return (
    <form method="get" role="search" aria-label="筛选" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-3 text-sm">
      {filter.sort ? <input type="hidden" name="sort" value={filter.sort} /> : null}
      {filter.dir ? <input type="hidden" name="dir" value={filter.dir} /> : null}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-gray-600">方面</span>
        <select name="aspect" defaultValue={filter.aspect ?? ""} className={`${CONTROL} max-w-56`}>
          <option value="">全部方面</option>
          {aspects.map((a) => (
            <option key={a.id} value={a.id}>
              第{a.position}方面 {a.name.slice(0, 16)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-gray-600">单位</span>
        <select name="unit" defaultValue={filter.unit ?? ""} className={`${CONTROL} max-w-48`}>
          <option value="">全部单位</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-gray-600">整改状态</span>
        <select name="status" defaultValue={filter.status ?? ""} className={CONTROL}>
          <option value="">全部状态</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {show.dates ? (
        <>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">完成时限自</span>
            <input type="date" name="from" defaultValue={filter.from ?? ""} className={CONTROL} />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">至</span>
            <input type="date" name="to" defaultValue={filter.to ?? ""} className={CONTROL} />
          </label>
        </>
      ) : null}
      {show.overdue ? (
        <>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} />
            只看逾期
          </label>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="dueSoon" value="1" defaultChecked={filter.dueSoon} />
            只看临期
          </label>
        </>
      ) : null}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-gray-600">关键词</span>
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="问题或措施内容" className={`${CONTROL} w-44`} />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        筛选
      </button>
      <Link href="?" className="pb-1.5 text-gray-600 underline-offset-2 hover:underline">
        清除筛选
      </Link>
    </form>
  );
}
