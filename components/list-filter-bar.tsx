import { STATUSES, STATUS_LABELS } from "@/lib/domain";
import type { ListFilter } from "@/lib/validations/list-filter";
import { FILTER_CONTROL, FilterForm, FilterSelect } from "./filter-form";

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
    <FilterForm>
      {filter.sort ? <input type="hidden" name="sort" value={filter.sort} /> : null}
      {filter.dir ? <input type="hidden" name="dir" value={filter.dir} /> : null}
      <FilterSelect
        name="aspect"
        label="方面"
        value={filter.aspect}
        allLabel="全部方面"
        className="max-w-56"
        options={aspects.map((a) => ({ value: a.id, label: `第${a.position}方面 ${a.name.slice(0, 16)}` }))}
      />
      <FilterSelect name="unit" label="单位" value={filter.unit} allLabel="全部单位" className="max-w-48" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      <FilterSelect name="status" label="整改状态" value={filter.status} allLabel="全部状态" options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
      {show.dates ? (
        <>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">完成时限自</span>
            <input type="date" name="from" defaultValue={filter.from ?? ""} className={FILTER_CONTROL} />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">至</span>
            <input type="date" name="to" defaultValue={filter.to ?? ""} className={FILTER_CONTROL} />
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
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="问题或措施内容" className={`${FILTER_CONTROL} w-44`} />
      </label>
    </FilterForm>
  );
}
