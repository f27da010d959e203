import { addDays, format, parseISO } from "date-fns";
import { db } from "@/db";
import { appealSubjectsOf, listMeasureAppeals, type MeasureAppealRow } from "@/db/queries/appeals";
import { getMeasureDetail } from "@/db/queries/measures";
import { auditTime } from "@/lib/audit-format";
import { todayISO } from "@/lib/deadline-state";
import { APPEAL_DECISION_LABELS, APPEAL_SUBJECT_LABELS } from "@/lib/domain";
import { can, reportingFor, type Actor } from "@/lib/permissions";
import { DecideAppealForm, SubmitAppealForm } from "./appeal-forms";

/**
 * 申诉 on a measure's page: its appeals with the office's decisions; for the lead unit the
 * forms to contest a return or the overdue mark, for the office the decision on open ones.
 * It checks visibility itself rather than trusting the page that mounts it.
 */
export function MeasureAppeals({ measureId, actor }: { measureId: number; actor: Actor }) {
  const detail = getMeasureDetail(db, { id: measureId });
  if (!detail || !can(actor, "measure.read", detail.ownership)) return null;
  const today = todayISO();
  const appeals = listMeasureAppeals(db, { measureId });
  const leads = can(actor, "appeal.submit", detail.ownership) && reportingFor(actor, { leadUnitId: detail.measure.leadUnitId, unitIds: detail.ownership.unitIds })?.mayClaim;
  const subjects = leads ? appealSubjectsOf(db, { measureId, today }) : null;
  const decides = can(actor, "appeal.decide");
  const tomorrow = format(addDays(parseISO(today), 1), "yyyy-MM-dd");
  if (appeals.length === 0 && !subjects?.returnedClaim && !subjects?.overdue) return null;
  return (
    <section id="appeals" aria-labelledby="appeals-title" className="mt-8">
      <h2 id="appeals-title" className="mb-3 font-semibold">
        申诉
      </h2>
      {subjects?.returnedClaim || subjects?.overdue ? (
        <div className="no-print mb-4 grid gap-3 md:grid-cols-2">
          {subjects.returnedClaim ? (
            <SubmitAppealForm
              subject="return"
              targetId={subjects.returnedClaim.id}
              context={`本单位最近一次申报被退回,退回理由:${subjects.returnedClaim.returnNote ?? "—"}`}
              refusal={subjects.returnedClaim.refusal}
            />
          ) : null}
          {subjects.overdue ? (
            <SubmitAppealForm
              subject="overdue"
              targetId={measureId}
              context={`该措施的完成时限为 ${subjects.overdue.deadline},现已逾期。认为逾期认定有误或确有正当理由需要延期的,可以申诉。`}
              refusal={subjects.overdue.refusal}
            />
          ) : null}
        </div>
      ) : null}
      {appeals.length === 0 ? null : (
        <ol aria-label="申诉记录" className="space-y-3">
          {appeals.map((appeal) => (
            <li key={appeal.id} className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
              <AppealDetails appeal={appeal} />
              {decides ? <DecideAppealForm appealId={appeal.id} subject={appeal.subject} open={appeal.decision === null} minDeadline={tomorrow} /> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One appeal as the unit, the office and a leader read it: what, why, and what was decided. */
export function AppealDetails({ appeal }: { appeal: Pick<MeasureAppealRow, "subject" | "reason" | "returnNote" | "overdueDeadline" | "decision" | "decisionReason" | "newDeadline" | "createdAt" | "decidedAt" | "unitName" | "filerName" | "deciderName"> }) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">对{APPEAL_SUBJECT_LABELS[appeal.subject]}的申诉</span>
        <DecisionBadge decision={appeal.decision} />
        <span className="text-xs text-gray-500">
          {appeal.unitName} {appeal.filerName} 于 {auditTime(appeal.createdAt)} 提出
        </span>
      </p>
      <p className="text-gray-600">
        {appeal.subject === "return" ? `退回理由:${appeal.returnNote ?? "—"}` : `逾期认定:完成时限 ${appeal.overdueDeadline ?? "—"}`}
      </p>
      <p className="whitespace-pre-wrap">申诉理由:{appeal.reason}</p>
      {appeal.decision ? (
        <div className="mt-2 border-t border-gray-100 pt-2">
          <p className="text-xs text-gray-500">
            {appeal.deciderName ?? "—"} 于 {appeal.decidedAt ? auditTime(appeal.decidedAt) : "—"} 处理
          </p>
          <p className="whitespace-pre-wrap">处理理由:{appeal.decisionReason}</p>
          {appeal.newDeadline ? <p className="font-medium">完成时限延至 {appeal.newDeadline}</p> : null}
          {appeal.decision === "granted" && appeal.subject === "return" ? <p className="font-medium">该申报已恢复为待审核</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function DecisionBadge({ decision }: { decision: MeasureAppealRow["decision"] }) {
  if (decision === "granted") return <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">{APPEAL_DECISION_LABELS.granted}</span>;
  if (decision === "rejected") return <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">{APPEAL_DECISION_LABELS.rejected}</span>;
  return <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">待处理</span>;
}
