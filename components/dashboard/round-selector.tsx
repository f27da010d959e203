/**
 * Chooses the round (or 全部轮次): a plain GET form, so the choice is in the URL and works without script.
 * The select may shrink below its longest round name on a phone rather than widen the page.
 */
export function RoundSelector({ rounds, value }: { rounds: readonly { id: number; name: string }[]; value: string }) {
  return (
    <form method="get" action="/dashboard" role="search" aria-label="选择轮次" className="no-print flex max-w-full min-w-0 items-end gap-2 text-sm">
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="dashboard-round" className="text-xs text-gray-600">
          轮次
        </label>
        <select id="dashboard-round" name="round" defaultValue={value} className="max-w-full rounded-md sm:min-w-64 border border-gray-300 bg-white px-2 py-1.5">
          <option value="all">全部轮次</option>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium text-gray-800 hover:bg-gray-50">
        查看
      </button>
    </form>
  );
}
