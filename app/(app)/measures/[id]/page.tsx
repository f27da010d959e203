import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getMeasureDetail } from "@/db/queries/measures";
import { daysLeftLabel, deadlineState, LIGHT_OF, todayISO } from "@/lib/deadline-state";
import { DEADLINE_KIND_LABELS, MEASURE_CATEGORY_LABELS, REVIEW_STATE_LABELS, STATUS_LABELS } from "@/lib/domain";
import { assertCanSee, requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "整改措施" };

export default async function MeasurePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("measure.read");
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) notFound();
  const detail = getMeasureDetail(db, { id: Number(id) });
  // Another unit's measure is a 404: the page neither shows nor confirms it exists.
  assertCanSee(actor, "measure.read", detail?.ownership);
  const { measure, problem, round } = detail!;
  const { state, daysLeft } = deadlineState({ deadline: measure.deadline, status: measure.status, today: todayISO(), dueSoonDays: round.dueSoonDays });
  return (
    <>
      <PageHeader title={measure.text} description={`${round.name} · 问题${problem.number}:${problem.title}`} />
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-gray-200 bg-white p-5 text-sm md:grid-cols-3">
        <Item label="方面">{detail!.aspectName ?? "—"}</Item>
        <Item label="牵头领导">{problem.leadLeader || "—"}</Item>
        <Item label="牵头单位">{detail!.leadUnitName ?? "—"}</Item>
        <Item label="责任单位">{detail!.coUnits.map((u) => u.name).join("、") || "—"}</Item>
        <Item label="完成时限">
          <DeadlineLight light={LIGHT_OF[state]} /> {measure.deadline ?? "—"}({measure.deadlineText || DEADLINE_KIND_LABELS[measure.deadlineKind]}) · {daysLeftLabel(daysLeft)}
        </Item>
        <Item label="类别">{MEASURE_CATEGORY_LABELS[measure.category]}</Item>
        <Item label="整改状态">
          <StatusBadge status={measure.status} />
        </Item>
        <Item label="整改目标">{measure.goal || "—"}</Item>
      </dl>
      <h2 className="mt-8 mb-3 font-semibold">整改动态</h2>
      {detail!.reports.length === 0 ? (
        <EmptyState title="尚未报送整改进展" />
      ) : (
        <ol className="space-y-3">
          {detail!.reports.map((r) => (
            <li key={r.id} className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
              <p className="text-xs text-gray-500">
                {r.reportDate} · {r.unitName} {r.authorName} · 申报{STATUS_LABELS[r.claimedStatus]} · {REVIEW_STATE_LABELS[r.reviewState]}
                {r.percent !== null ? ` · 进度 ${r.percent}%` : ""}
              </p>
              <p className="mt-2 leading-6 whitespace-pre-wrap">{r.text}</p>
              {r.reviewNote ? <p className="mt-2 text-red-700">退回理由:{r.reviewNote}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="mt-0.5 text-gray-900">{children}</dd>
    </div>
  );
}
