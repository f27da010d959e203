import Link from "next/link";
import { NOTICE_STATES, NOTICE_STATE_LABELS } from "@/lib/domain";
import type { NoticeFilter } from "@/lib/validations/notice";

const CONTROL = "rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

type Option = { id: number; name: string };

/**
 * The notice list's filters as a plain GET form, so every filtered view is a link. A unit
 * gets no round/unit choice (`options` null): it only ever sees its own notices.
 */
export function NoticeFilterBar({ filter, options }: { filter: NoticeFilter; options: { rounds: Option[]; units: Option[] } | null }) {
  return (
    <form method="get" role="search" aria-label="筛选" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-3 text-sm">
      {options ? (
        <>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">轮次</span>
            <select name="round" defaultValue={filter.round ?? ""} className={`${CONTROL} max-w-72`}>
              <option value="">全部轮次</option>
              {options.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">责任单位</span>
            <select name="unit" defaultValue={filter.unit ?? ""} className={`${CONTROL} max-w-56`}>
              <option value="">全部单位</option>
              {options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-gray-600">状态</span>
        <select name="state" defaultValue={filter.state ?? ""} className={CONTROL}>
          <option value="">全部状态</option>
          {NOTICE_STATES.map((s) => (
            <option key={s} value={s}>
              {NOTICE_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1 pb-2">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} />
        只看逾期未回复
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
