import Link from "@/components/link";
import type { DashboardData } from "@/db/queries/dashboard";
import { BY_ROUND, ledgerHref, noticesHref, percent, problemsHref, reviewHref, tasksHref } from "@/lib/list-links";

type Tone = "gray" | "green" | "blue" | "red" | "amber";
const TONES: Record<Tone, string> = {
  gray: "text-gray-900",
  green: "text-green-700",
  blue: "text-blue-700",
  red: "text-red-700",
  amber: "text-amber-700",
};

/** A headline figure that is also the link to the list it counts (null href: shown only). */
function FigureLink({ label, value, href, tone = "gray" }: { label: string; value: string | number; href: string | null; tone?: Tone }) {
  const body = (
    <>
      {value}
      <span className="sr-only">,查看{label}</span>
    </>
  );
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-2 sm:p-3 print:break-inside-avoid">
      <dt className="text-[11px] leading-tight text-gray-600 sm:text-xs">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tabular-nums sm:text-2xl ${TONES[tone]}`} data-figure={label}>
        {href ? (
          <Link href={href} className="hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
            {body}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}

/**
 * 问题/措施 totals per status, the two completion rates (labelled, since offices quote
 * both), deadlines, the review queue and open notices. Claims lead to the review queue,
 * which only the office may open; leaders see the number without the link.
 */
export function HeadlineFigures({ data, canReview, canSeeNotices }: { data: DashboardData; canReview: boolean; canSeeNotices: boolean }) {
  const { totals: t, roundId: r } = data;
  const p = t.problems;
  const m = t.measures;
  const list = <T,>(make: (id: number) => T) => (r === null ? BY_ROUND : make(r));
  return (
    // Three to a row on phones, smaller: in two columns the fourteen tiles filled two
    // screens before the first chart.
    <div className="space-y-2 sm:space-y-3">
      <dl className="grid grid-cols-3 gap-2 sm:gap-3 md:grid-cols-4 lg:grid-cols-6" aria-label="问题">
        <FigureLink label="问题总数" value={p.total} href={list((id) => problemsHref(id))} />
        <FigureLink label="问题已完成" value={p.completed} tone="green" href={list((id) => problemsHref(id, "completed"))} />
        <FigureLink label="问题基本完成" value={p.basicallyCompleted} tone="blue" href={list((id) => problemsHref(id, "basically_completed"))} />
        <FigureLink label="问题未完成" value={p.incomplete} href={list((id) => problemsHref(id, "incomplete"))} />
        <FigureLink label="问题完成率(已完成÷总数)" value={percent(p.completed, p.total)} tone="green" href={list((id) => problemsHref(id, "completed"))} />
        <FigureLink
          label="问题完成率(已完成+基本完成)÷总数"
          value={percent(p.completed + p.basicallyCompleted, p.total)}
          tone="blue"
          href={list((id) => problemsHref(id))}
        />
      </dl>
      <dl className="grid grid-cols-3 gap-2 sm:gap-3 md:grid-cols-4 lg:grid-cols-8" aria-label="整改措施">
        <FigureLink label="措施总数" value={m.total} href={list((id) => ledgerHref(id))} />
        <FigureLink label="措施已完成" value={m.completed} tone="green" href={list((id) => ledgerHref(id, { status: "completed" }))} />
        <FigureLink label="措施基本完成" value={m.basicallyCompleted} tone="blue" href={list((id) => ledgerHref(id, { status: "basically_completed" }))} />
        <FigureLink label="措施未完成" value={m.incomplete} href={list((id) => ledgerHref(id, { status: "incomplete" }))} />
        <FigureLink label="逾期措施" value={t.overdue} tone="red" href={list((id) => tasksHref(id, { overdue: true }))} />
        <FigureLink label="临期措施" value={t.dueSoon} tone="amber" href={list((id) => tasksHref(id, { dueSoon: true }))} />
        <FigureLink label="待审核申报" value={t.pendingClaims} href={canReview ? reviewHref(r) : null} />
        <FigureLink label="待回复督办单" value={t.openNotices} href={canSeeNotices ? noticesHref(r) : null} />
      </dl>
    </div>
  );
}
