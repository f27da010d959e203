import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { MeasureAppeals } from "@/components/measure-appeals";
import { MeasureIndicator } from "@/components/measure-indicator";
import { MeasureLookBack } from "@/components/measure-look-back";
import { MeasureNotices } from "@/components/measure-notices";
import { MeasureTimeline } from "@/components/measure-timeline";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getMeasureDetail } from "@/db/queries/measures";
import { measureReproof } from "@/db/queries/reproofs";
import { REPROOF_INTERVAL_LABELS } from "@/lib/reproof";
import { ReproofMark } from "@/components/reproof-mark";
import { evidenceOfReports, reviewQueue } from "@/db/queries/progress";
import { evidenceLimits } from "@/lib/config";
import { daysLeftLabel, deadlineState, LIGHT_OF, todayISO } from "@/lib/deadline-state";
import { DEADLINE_KIND_LABELS, MEASURE_CATEGORY_LABELS, REVIEW_STATE_LABELS, STATUS_LABELS } from "@/lib/domain";
import { formatIndicatorValue } from "@/lib/indicators";
import { ALLOWED_EVIDENCE } from "@/server/evidence";
import { can, reportingFor } from "@/lib/permissions";
import { assertCanSee, requirePermission } from "@/server/session";
import { parseId } from "@/lib/validations/common";
import { nextInQueue } from "@/lib/review-next";
import { ClaimReview } from "./claim-review";
import { ProgressForm } from "./progress-form";

export const metadata: Metadata = { title: "整改措施" };

export default async function MeasurePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("measure.read");
  const id = parseId((await params).id);
  if (!id) notFound();
  const detail = getMeasureDetail(db, { id });
  // Another unit's measure is a 404: the page neither shows nor confirms it exists.
  assertCanSee(actor, "measure.read", detail?.ownership);
  const { measure, problem, round, reports } = detail!;
  const today = todayISO();
  const { state, daysLeft } = deadlineState({ deadline: measure.deadline, status: measure.status, today, dueSoonDays: round.dueSoonDays });
  const evidence = evidenceOfReports(db, { reportIds: reports.map((r) => r.id) });
  const canReport = can(actor, "progress.report", detail!.ownership);
  // Only the lead unit may claim 基本完成/已完成; the form offers the claim to it alone.
  const isLead = reportingFor(actor, { leadUnitId: measure.leadUnitId, unitIds: detail!.ownership.unitIds })?.mayClaim ?? false;
  const canReview = can(actor, "claim.review");
  // The reviewer goes on to the next claim from here, not back through the queue.
  const next = canReview ? nextInQueue(reviewQueue(db, {}), measure.id) : null;
  const limits = evidenceLimits();
  const reproof = measureReproof(db, { measureId: measure.id, today, dueSoonDays: round.dueSoonDays });
  return (
    <>
      <PageHeader
        title={measure.text}
        description={
          <>
            {round.name} ·{" "}
            <Link href={`/problems/${problem.id}`} className="text-brand-700 hover:underline">
              问题{problem.number}:{problem.title}
            </Link>
          </>
        }
      />
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-gray-200 bg-white p-5 text-sm md:grid-cols-3">
        <Item label="方面">{detail!.aspectName ?? "—"}</Item>
        <Item label="牵头领导">{problem.leadLeader || "—"}</Item>
        <Item label="牵头单位">{detail!.leadUnitName ?? "—"}</Item>
        <Item label="配合单位">{detail!.coUnits.map((u) => u.name).join("、") || "—"}</Item>
        <Item label="完成时限">
          <DeadlineLight light={LIGHT_OF[state]} /> {measure.deadline ?? "—"}({measure.deadlineText || DEADLINE_KIND_LABELS[measure.deadlineKind]}) · {daysLeftLabel(daysLeft)}
        </Item>
        <Item label="类别">{MEASURE_CATEGORY_LABELS[measure.category]}</Item>
        <Item label="整改状态">
          <StatusBadge status={measure.status} />
        </Item>
        <Item label="整改目标">{measure.goal || "—"}</Item>
        {reproof ? (
          <Item label={`长期坚持复证(${REPROOF_INTERVAL_LABELS[reproof.interval]})`}>
            上次 {reproof.lastProof ?? "—"} · 下次{" "}
            <span className={reproof.state === "due" ? "font-medium text-red-700" : reproof.state === "due_soon" ? "text-amber-700" : ""}>
              {reproof.nextDue ?? "—"}
              {reproof.state === "due" ? "(已到期,请报送佐证)" : reproof.state === "due_soon" ? "(临期)" : ""}
            </span>
          </Item>
        ) : null}
      </dl>
      {detail!.indicator ? <MeasureIndicator indicator={detail!.indicator} actualDate={detail!.indicator.actualDate} /> : null}

      {canReport ? (
        <div className="mt-6">
          <ProgressForm
            measureId={measure.id}
            isLead={isLead}
            indicator={detail!.indicator ? { name: detail!.indicator.name, unit: detail!.indicator.unit } : null}
            today={today}
            limits={{ maxFileMb: limits.maxFileBytes / 1024 / 1024, maxReportMb: limits.maxReportBytes / 1024 / 1024, maxFiles: limits.maxFiles, allowed: ALLOWED_EVIDENCE }}
          />
        </div>
      ) : null}

      <div className="mt-8 mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="claims" className="font-semibold">
          整改动态
        </h2>
        {canReview ? (
          <p className="no-print flex gap-3 text-sm">
            <Link href="/review" className="text-gray-700 hover:underline">
              返回审核队列
            </Link>
            {next ? (
              <Link href={`/measures/${next.measureId}#claims`} className="font-medium text-brand-700 hover:underline">
                下一条 →
              </Link>
            ) : (
              <span className="text-gray-500">审核队列中没有其他申报</span>
            )}
          </p>
        ) : null}
      </div>
      {reports.length === 0 ? (
        <EmptyState title="尚未报送整改进展" />
      ) : (
        <ol className="space-y-3">
          {reports.map((r) => (
            <li key={r.id} id={`report-${r.id}`} className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
              <p className="flex flex-wrap items-center gap-2 text-xs text-gray-500">
                <span>
                  {r.reportDate} · {r.unitName} {r.authorName}
                </span>
                {r.isClaim ? (
                  <span className={`rounded px-1.5 py-0.5 ${r.reviewState === "pending" ? "bg-amber-100 text-amber-900" : r.reviewState === "returned" ? "bg-red-100 text-red-800" : "bg-green-100 text-green-800"}`}>
                    申报{STATUS_LABELS[r.claimedStatus]} · {REVIEW_STATE_LABELS[r.reviewState]}
                  </span>
                ) : (
                  <span className="rounded bg-gray-100 px-1.5 py-0.5">进展报送</span>
                )}
                {r.isReproof ? <ReproofMark /> : null}
                {r.percent !== null ? <span>进度 {r.percent}%</span> : null}
                {r.milestone ? <span>节点:{r.milestone}</span> : null}
                {r.indicatorActual !== null ? (
                  <span>
                    指标实际值 {formatIndicatorValue(r.indicatorActual)}
                    {detail!.indicator?.unit ?? ""}
                  </span>
                ) : null}
              </p>
              <p className="mt-2 leading-6 whitespace-pre-wrap">{r.text}</p>
              {r.reviewNote ? <p className="mt-2 text-red-700">退回理由:{r.reviewNote}</p> : null}
              <EvidenceList files={evidence.filter((e) => e.progressReportId === r.id)} />
              {canReview && r.isClaim && r.reviewState === "pending" ? <ClaimReview reportId={r.id} claimedLabel={STATUS_LABELS[r.claimedStatus]} /> : null}
            </li>
          ))}
        </ol>
      )}

      <MeasureAppeals measureId={measure.id} actor={actor} />
      <MeasureNotices measureId={measure.id} actor={actor} />
      <MeasureLookBack measureId={measure.id} actor={actor} />
      <MeasureTimeline measureId={measure.id} />
    </>
  );
}

function EvidenceList({ files }: { files: { id: number; fileName: string; size: number }[] }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="佐证材料" className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/api/v1/evidence/${f.id}`} download className="text-brand-700 underline">
            {f.fileName}
          </a>
          <span className="ml-1 text-xs text-gray-500">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
        </li>
      ))}
    </ul>
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
