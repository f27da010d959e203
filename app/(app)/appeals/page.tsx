import { addDays, format, parseISO } from "date-fns";
import type { Metadata } from "next";
import { DecideAppealForm } from "@/components/appeal-forms";
import Link from "@/components/link";
import { AppealDetails } from "@/components/measure-appeals";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { appealCounts, getAppeal, listAppeals } from "@/db/queries/appeals";
import { decisionOutcome } from "@/lib/appeals";
import { todayISO } from "@/lib/deadline-state";
import { can, visibleUnitIds } from "@/lib/permissions";
import { APPEAL_VIEWS, APPEAL_VIEW_LABELS, appealViewSchema } from "@/lib/validations/appeal";
import { parseId } from "@/lib/validations/common";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "申诉" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// The office's queue of appeals (oldest first) and what it decided; a unit sees its own
// appeals here, the query keeping to the units it answers for.
export default async function AppealsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("appeal.read");
  const params = await searchParams;
  const view = appealViewSchema.parse(first(params.view));
  const unitIds = visibleUnitIds(actor, "appeal.read");
  const counts = appealCounts(db, { unitIds });
  const rows = listAppeals(db, { view, unitIds });
  const decides = can(actor, "appeal.decide");
  const tomorrow = format(addDays(parseISO(todayISO()), 1), "yyyy-MM-dd");
  const decided = decides ? getAppeal(db, { id: parseId(first(params.decided)) ?? 0 }) : undefined;
  return (
    <>
      <PageHeader
        title="申诉"
        description={
          decides
            ? "责任单位对退回申报或逾期认定提出的申诉。逐项核实后作出“申诉成立”或“申诉不成立”的决定并写明理由:退回申诉成立的,申报恢复为待审核;逾期申诉成立的,完成时限延至新的日期。"
            : `${actor.unitName}对退回申报或逾期认定提出的申诉及整改办的处理结果。在措施页提出申诉。`
        }
      />
      {decided?.decision ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {decisionOutcome({ ...decided, decision: decided.decision })}
        </p>
      ) : null}
      <nav aria-label="申诉分类" className="mb-4 flex flex-wrap gap-1 border-b border-gray-200">
        {APPEAL_VIEWS.map((v) => (
          <Link
            key={v}
            href={`?view=${v}`}
            aria-current={v === view ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 pb-2 text-sm font-medium ${v === view ? "border-brand-600 text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900"}`}
          >
            {APPEAL_VIEW_LABELS[v]} <span className={v === "open" && counts.open > 0 ? "text-amber-700" : "text-gray-400"}>{counts[v]}</span>
          </Link>
        ))}
      </nav>
      {rows.length < counts[view] ? <p className="mb-2 text-sm text-gray-600">共 {counts[view]} 项,显示最早的 {rows.length} 项。</p> : null}
      {rows.length === 0 ? (
        <EmptyState title={view === "open" ? "没有待处理的申诉" : "尚无已处理的申诉"} />
      ) : (
        <ol aria-label={APPEAL_VIEW_LABELS[view]} className="space-y-3">
          {rows.map((row) => (
            <li key={row.id} className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
              <p className="mb-1 text-xs text-gray-500">
                {row.roundName} · 问题{row.problemNumber} · 措施{row.position}
              </p>
              <Link href={`/measures/${row.measureId}#appeals`} className="mb-2 block font-medium text-gray-900 underline-offset-2 hover:text-brand-700 hover:underline">
                {row.measureText}
              </Link>
              <AppealDetails appeal={row} />
              {decides && row.decision === null ? (
                <div className="mt-2">
                  <DecideAppealForm appealId={row.id} subject={row.subject} open minDeadline={tomorrow} returnTo="list" />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
