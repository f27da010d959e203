import Link from "@/components/link";
import { db } from "@/db";
import { listNoticesForMeasure } from "@/db/queries/notices";
import { todayISO } from "@/lib/deadline-state";
import { isReplyOverdue, noticeNumber } from "@/lib/notice";
import { can, visibleUnitIds, type Actor } from "@/lib/permissions";
import { NoticeLevelBadge, NoticeStateBadge } from "./notice-badges";

/**
 * The 督办单 that name a measure, for the measure's page. A co-responsible unit sees the
 * measure but not notices sent to the lead unit: the list keeps to the reader's units.
 */
export function MeasureNotices({ measureId, actor }: { measureId: number; actor: Actor }) {
  if (!can(actor, "notice.read")) return null;
  const unitIds = visibleUnitIds(actor, "notice.read");
  const notices = listNoticesForMeasure(db, { measureId, unitIds });
  const today = todayISO();
  return (
    <section aria-labelledby="measure-notices-heading" className="mt-8">
      <h2 id="measure-notices-heading" className="mb-3 font-semibold">
        督办单
      </h2>
      {notices.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-3 text-sm text-gray-500">该措施没有督办单。</p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
          {notices.map((n) => {
            const late = isReplyOverdue(n, today);
            return (
              <li key={n.id} className={`flex flex-wrap items-center gap-3 px-4 py-3 ${late ? "bg-red-50" : ""}`}>
                <Link href={`/notices/${n.id}`} className="font-medium text-brand-700 hover:underline">
                  {noticeNumber(n)}
                </Link>
                <NoticeLevelBadge level={n.level} />
                <span className="text-gray-600">{n.unitName}</span>
                <span className={`text-xs ${late ? "font-medium text-red-700" : "text-gray-500"}`}>回复期限 {n.replyDeadline}</span>
                <NoticeStateBadge state={n.state} overdue={late} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
