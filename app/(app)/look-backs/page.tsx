import type { Metadata } from "next";
import Link from "@/components/link";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getLookBack, listLookBacks, listMeasuresAwaitingLookBack, lookBackCounts } from "@/db/queries/look-backs";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { todayISO } from "@/lib/deadline-state";
import { LOOK_BACK_RESULT_LABELS } from "@/lib/domain";
import { requirePermission } from "@/server/session";
import { parseId } from "@/lib/validations/common";
import { LOOK_BACK_VIEWS, LOOK_BACK_VIEW_LABELS, parseLookBackFilter, type LookBackFilter, type LookBackView } from "@/lib/validations/look-back";
import { AwaitingTable, LookBackTable } from "./look-back-tables";

export const metadata: Metadata = { title: "回头看" };

// Long lists are capped: the office narrows them by round rather than paging through
// hundreds of finished measures.
const LIST_LIMIT = 200;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LookBacksPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("lookback.manage");
  const params = await searchParams;
  const filter = parseLookBackFilter(params);
  const view: LookBackView = filter.view ?? "due";
  const today = todayISO();
  const rounds = listRoundsWithCountsWhileUnchanged(db);
  const counts = lookBackCounts(db, { today, roundId: filter.round });
  const notice = doneNotice(params);
  return (
    <>
      <PageHeader
        title="回头看"
        description="对已完成和“并长期坚持”的整改措施定期复查:到期的事项在此逐项记录“巩固”或“反弹”,反弹的措施重新打开为未完成并通知牵头单位。"
      />
      {notice ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {notice}
        </p>
      ) : null}
      <form method="get" role="search" aria-label="筛选" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-3 text-sm">
        <input type="hidden" name="view" value={view} />
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">轮次</span>
          <select name="round" defaultValue={filter.round ?? ""} className="max-w-96 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm">
            <option value="">全部轮次</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.archivedAt ? "(已归档)" : ""}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          筛选
        </button>
      </form>
      <nav aria-label="回头看分类" className="no-print mb-4 flex flex-wrap gap-1 border-b border-gray-200">
        {LOOK_BACK_VIEWS.map((v) => (
          <Link
            key={v}
            href={viewHref(filter, v)}
            aria-current={v === view ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 pb-2 text-sm font-medium ${v === view ? "border-brand-600 text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900"}`}
          >
            {LOOK_BACK_VIEW_LABELS[v]} <span className={v === "due" && counts.due > 0 ? "text-amber-700" : "text-gray-400"}>{counts[v]}</span>
          </Link>
        ))}
      </nav>
      {view === "unscheduled" ? (
        <AwaitingTable rows={listMeasuresAwaitingLookBack(db, { roundId: filter.round, limit: LIST_LIMIT })} total={counts.unscheduled} today={today} roundId={filter.round} />
      ) : (
        <LookBackTable
          view={view}
          rows={listLookBacks(db, { view, today, roundId: filter.round, limit: LIST_LIMIT })}
          total={counts[view]}
          today={today}
          roundId={filter.round}
          highlight={parseId(first(params.recorded) ?? first(params.scheduled))}
        />
      )}
    </>
  );
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function viewHref(filter: LookBackFilter, view: LookBackView): string {
  const query = new URLSearchParams({ view });
  if (filter.round) query.set("round", String(filter.round));
  return `?${query}`;
}

/** The message after a list form redirected here (see actions.ts), read back from the row. */
function doneNotice(params: Record<string, string | string[] | undefined>): string | null {
  const scheduled = parseId(first(params.scheduled));
  const recorded = parseId(first(params.recorded));
  const lookBack = getLookBack(db, { id: (scheduled ?? recorded) ?? 0 });
  if (!lookBack) return null;
  if (scheduled) return `已安排 ${lookBack.scheduledDate} 的回头看。`;
  if (lookBack.result === "relapsed") return `已记录回头看结果:${LOOK_BACK_RESULT_LABELS.relapsed}。该措施已重新打开为未完成,并已通知牵头单位。`;
  if (lookBack.result === "holds") return `已记录回头看结果:${LOOK_BACK_RESULT_LABELS.holds}。`;
  return null;
}
