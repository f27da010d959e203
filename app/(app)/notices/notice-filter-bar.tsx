import { FilterForm, FilterSelect } from "@/components/filter-form";
import { NOTICE_STATES, NOTICE_STATE_LABELS } from "@/lib/domain";
import type { NoticeFilter } from "@/lib/validations/notice";

type Option = { id: number; name: string };

/**
 * The notice list's filters as a plain GET form, so every filtered view is a link. A unit
 * gets no round/unit choice (`options` null): it only ever sees its own notices.
 */
export function NoticeFilterBar({ filter, options }: { filter: NoticeFilter; options: { rounds: Option[]; units: Option[] } | null }) {
  return (
    <FilterForm>
      {options ? (
        <>
          <FilterSelect name="round" label="轮次" value={filter.round} allLabel="全部轮次" className="max-w-72" options={options.rounds.map((r) => ({ value: r.id, label: r.name }))} />
          <FilterSelect name="unit" label="责任单位" value={filter.unit} allLabel="全部单位" className="max-w-56" options={options.units.map((u) => ({ value: u.id, label: u.name }))} />
        </>
      ) : null}
      <FilterSelect name="state" label="状态" value={filter.state} allLabel="全部状态" options={NOTICE_STATES.map((s) => ({ value: s, label: NOTICE_STATE_LABELS[s] }))} />
      <label className="flex items-center gap-1 pb-2">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} />
        只看逾期未回复
      </label>
    </FilterForm>
  );
}
